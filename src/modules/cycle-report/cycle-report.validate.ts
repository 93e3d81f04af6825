import { ErrorCode, LivretError } from "../../common/errors";
import { checkText } from "../../common/text";
import type { RuleId } from "../../common/rule-ids";
import {
  COMPLEMENTARY_TEACHING_CODES,
  COMPLEMENTARY_TEACHING_CYCLE,
  COMPONENT_LEVEL,
  NO_OPTION,
  OPTION_LEVEL,
  REGIONAL_LANGUAGE_CODES,
  SOCLE_COMPONENTS,
  SYNTHESIS_MAX,
} from "./cycle-report.codes";
import { CycleReportOptionInput, UpdateCycleReportInput } from "./cycle-report.inputs";

const COMPLETENESS_RULE: RuleId = "R-PUB-14";

/** A refusal naming the field (and the rule when one applies); values are never echoed back. */
const invalid = (field: string, message: string, rule?: RuleId) =>
  new LivretError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field, rule });

/** The columns and ratings an update writes, once checked. */
export interface CycleReportChanges {
  columns: {
    synthesis?: string | null;
    complementaryTeachingCode?: string | null;
    complementaryTeachingLevel?: number | null;
    regionalLanguageCode?: string | null;
    regionalLanguageLevel?: number | null;
  };
  /** The full set of 8 ratings when the update replaces them. */
  components?: Array<{ code: string; level: number }>;
  /** The parts touched, for the audit event (names only). */
  touched: string[];
}

/** Checks an update of a report of `cycle` before anything is written. */
export function validateCycleReportUpdate(input: UpdateCycleReportInput, cycle: number): CycleReportChanges {
  const changes: CycleReportChanges = { columns: {}, touched: [] };

  if (input.components !== undefined) {
    changes.components = checkComponents(input.components);
    changes.touched.push("COMPONENTS");
  }
  if (input.synthesis !== undefined) {
    changes.columns.synthesis = checkText(input.synthesis, "synthesis", SYNTHESIS_MAX, COMPLETENESS_RULE);
    changes.touched.push("SYNTHESIS");
  }
  if (input.complementaryTeaching !== undefined) {
    const option = input.complementaryTeaching;
    if (option && cycle !== COMPLEMENTARY_TEACHING_CYCLE) {
      throw invalid("complementaryTeaching", "exists in cycle 4 reports only", COMPLETENESS_RULE);
    }
    const checked = checkOption(option, "complementaryTeaching", COMPLEMENTARY_TEACHING_CODES);
    changes.columns.complementaryTeachingCode = checked.code;
    changes.columns.complementaryTeachingLevel = checked.level;
    changes.touched.push("COMPLEMENTARY_TEACHING");
  }
  if (input.regionalLanguage !== undefined) {
    const checked = checkOption(input.regionalLanguage, "regionalLanguage", REGIONAL_LANGUAGE_CODES);
    changes.columns.regionalLanguageCode = checked.code;
    changes.columns.regionalLanguageLevel = checked.level;
    changes.touched.push("REGIONAL_LANGUAGE");
  }
  if (!changes.touched.length) throw invalid("input", "changes nothing");
  return changes;
}

/** R-PUB-14: the 8 components, each exactly once, rated 0–4. A partial list is refused, not merged. */
function checkComponents(components: UpdateCycleReportInput["components"]): Array<{ code: string; level: number }> {
  if (!components) throw invalid("components", `must list the ${SOCLE_COMPONENTS.length} components (it cannot be cleared)`, COMPLETENESS_RULE);
  const seen = new Set<string>();
  components.forEach((c, i) => {
    if (!(SOCLE_COMPONENTS as readonly string[]).includes(c.code)) {
      throw invalid(`components[${i}].code`, `must be one of ${SOCLE_COMPONENTS.join(", ")}`, COMPLETENESS_RULE);
    }
    if (seen.has(c.code)) throw invalid(`components[${i}].code`, "appears twice", COMPLETENESS_RULE);
    seen.add(c.code);
    if (!Number.isInteger(c.level) || c.level < COMPONENT_LEVEL.min || c.level > COMPONENT_LEVEL.max) {
      throw invalid(`components[${i}].level`, `must be ${COMPONENT_LEVEL.min}–${COMPONENT_LEVEL.max} (0 = dispensé)`, COMPLETENESS_RULE);
    }
  });
  const missing = SOCLE_COMPONENTS.filter((code) => !seen.has(code));
  if (missing.length) throw invalid("components", `must rate all ${SOCLE_COMPONENTS.length} components; missing ${missing.join(", ")}`, COMPLETENESS_RULE);
  return components.map((c) => ({ code: c.code, level: c.level }));
}

/** A code from the list; AUC (none) carries no level, any other code a level 1–2. null clears. */
function checkOption(option: CycleReportOptionInput | null, field: string, codes: readonly string[]): { code: string | null; level: number | null } {
  if (option === null) return { code: null, level: null };
  if (!codes.includes(option.code)) throw invalid(`${field}.code`, `must be one of ${codes.join(", ")}`, COMPLETENESS_RULE);
  const level = option.level ?? null;
  if (option.code === NO_OPTION) {
    if (level !== null) throw invalid(`${field}.level`, `must be omitted with ${NO_OPTION}`, COMPLETENESS_RULE);
    return { code: option.code, level: null };
  }
  if (level === null || !Number.isInteger(level) || level < OPTION_LEVEL.min || level > OPTION_LEVEL.max) {
    throw invalid(`${field}.level`, `must be ${OPTION_LEVEL.min} or ${OPTION_LEVEL.max}`, COMPLETENESS_RULE);
  }
  return { code: option.code, level };
}

/** R-PUB-14: complete = all 8 components rated and a synthesis. Returns what is missing (names only). */
export function missingForLock(synthesis: string | null, componentCodes: string[]): string[] {
  const missing: string[] = SOCLE_COMPONENTS.filter((code) => !componentCodes.includes(code));
  if (!synthesis) missing.push("synthesis");
  return missing;
}
