import { Degree, Level } from "../../common/domain";

/** The 8 components of the common core (socle) rated in every end-of-cycle report (lsu-research.md §b.1). */
export const SOCLE_COMPONENTS = ["CPD_FRA", "CPD_ETR", "CPD_SCI", "CPD_ART", "MET_APP", "FRM_CIT", "SYS_NAT", "REP_MND"] as const;

/** Mastery of a component: 0 dispensé (exempt), 1 insuffisante, 2 fragile, 3 satisfaisante, 4 très bonne. */
export const COMPONENT_LEVEL = { min: 0, max: 4 } as const;

/** Enseignement de complément (cycle 4 only); AUC = none. */
export const COMPLEMENTARY_TEACHING_CODES = ["AUC", "LCA", "LCE", "LCR", "CHK", "PRO", "LSF", "LVE"] as const;

/** Langue et culture régionale; AUC = none. */
export const REGIONAL_LANGUAGE_CODES = ["AUC", "BAQ", "BRE", "CAT", "COS", "CPF", "FUD", "GAL", "GSW", "MEL", "MOL", "OCI", "TAH", "WLS"] as const;

/** Code meaning "none": it carries no level. */
export const NO_OPTION = "AUC";

/** Levels of the complementary teaching (1 atteints, 2 dépassés) and of the regional language (1 non atteint, 2 atteint). */
export const OPTION_LEVEL = { min: 1, max: 2 } as const;

export const SYNTHESIS_MAX = 1500;

/**
 * R-PUB-15: where each end-of-cycle report is made — cycle 2 at the end of CE2 in an école,
 * cycle 3 at the end of 6e and cycle 4 at the end of 3e in a collège.
 */
export const CYCLE_END: Record<number, { degree: Degree; level: Level }> = {
  2: { degree: Degree.FIRST, level: Level.CE2 },
  3: { degree: Degree.SECOND, level: Level.SIXIEME },
  4: { degree: Degree.SECOND, level: Level.TROISIEME },
};

/** Cycle 4 alone carries the complementary teaching. */
export const COMPLEMENTARY_TEACHING_CYCLE = 4;
