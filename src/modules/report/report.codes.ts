import { Degree, Level } from "../../common/domain";

/** The 16 CRCN digital skills of the CM2/6e report (lsu-research.md §b.1), levels 1–3. */
export const DIGITAL_SKILL_CODES = [
  "CN_INF_MEN",
  "CN_INF_GER",
  "CN_INF_TRA",
  "CN_COM_INT",
  "CN_COM_PAR",
  "CN_COM_COL",
  "CN_COM_SIN",
  "CN_CRE_TEX",
  "CN_CRE_MUL",
  "CN_CRE_ADA",
  "CN_CRE_PRO",
  "CN_PRO_SEC",
  "CN_PRO_DON",
  "CN_PRO_SAN",
  "CN_ENV_RES",
  "CN_ENV_EVO",
] as const;

/** Parcours codes; PAR_AVN exists in 2D only (R-PUB-16). */
export const PARCOURS_CODES: Record<Degree, readonly string[]> = {
  [Degree.FIRST]: ["PAR_CIT", "PAR_ART", "PAR_SAN"],
  [Degree.SECOND]: ["PAR_AVN", "PAR_CIT", "PAR_ART", "PAR_SAN"],
};

/** Support measures (modalités d'accompagnement) by degree. */
export const SUPPORT_MEASURE_CODES: Record<Degree, readonly string[]> = {
  [Degree.FIRST]: ["PAP", "PPS", "UPE2A", "RASED", "ULIS", "PAI", "PPRE"],
  [Degree.SECOND]: ["PAP", "PPS", "UPE2A", "SEGPA", "ULIS", "PAI", "PPRE", "CTR"],
};

/** Levels whose last periodic report carries the digital skills (R-PUB-17). */
export const DIGITAL_SKILLS_LEVELS: readonly Level[] = [Level.CM2, Level.SIXIEME];

/** Text limits (lsu-research.md §d.4). */
export const LIMITS = {
  appreciation: 600,
  synthesis: { [Degree.FIRST]: 1500, [Degree.SECOND]: 1000 } as Record<Degree, number>,
  programElement: 300,
  text600: 600,
  average: 8,
  schoolLifeCount: 999,
};

/** A grade average as LSU carries it: up to 8 characters, e.g. 12,5 or 9.75. */
export const AVERAGE_PATTERN = /^[0-9]{1,2}([.,][0-9]{1,2})?$/;

/**
 * The elements of a report that a past-year amendment may list (R-SEED-10):
 * SYNTHESIS, SCHOOL_LIFE, PARCOURS, SUPPORT_MEASURES, DIGITAL_SKILLS, or ENTRY:<subject code>.
 */
export const REPORT_WIDE_ELEMENTS = ["SYNTHESIS", "SCHOOL_LIFE", "PARCOURS", "SUPPORT_MEASURES", "DIGITAL_SKILLS"] as const;
export const entryElement = (subjectCode: string) => `ENTRY:${subjectCode}`;
export function isReportElementKey(key: string): boolean {
  return (REPORT_WIDE_ELEMENTS as readonly string[]).includes(key) || /^ENTRY:[A-Z0-9-]{1,10}$/.test(key);
}
