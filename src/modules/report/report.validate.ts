import { checkBound } from "../../common/bounds";
import { Degree, PositioningType } from "../../common/domain";
import { badInput, ErrorCode, LivretError } from "../../common/errors";
import { Subject } from "../subject/subject.entity";
import { ReportSetting, carriesDigitalSkills } from "./report.policy";
import {
  AVERAGE_PATTERN,
  DIGITAL_SKILL_CODES,
  LIMITS,
  PARCOURS_CODES,
  SUPPORT_MEASURE_CODES,
  entryElement,
} from "./report.codes";
import { UpdatePeriodicReportInput } from "./report.inputs";
import { checkText } from "../../common/text";

const positioningError = (field: string, message: string) =>
  new LivretError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field, rule: "R-PUB-06" });

/**
 * Checks an update against the report's class and school before anything is written, and returns
 * the report elements it touches (the keys a past-year amendment must cover).
 */
export function validateUpdate(input: UpdatePeriodicReportInput, s: ReportSetting, subjects: Map<string, Subject>): string[] {
  const degree = s.school.degree;
  const touched: string[] = [];
  if (input.synthesis !== undefined) {
    input.synthesis = checkText(input.synthesis, "synthesis", LIMITS.synthesis[degree]);
    touched.push("SYNTHESIS");
  }
  const seen = new Set<string>();
  checkBound("entries", "entriesPerReport", input.entries?.length ?? 0, "subjects per report");
  (input.entries ?? []).forEach((entry, i) => {
    const at = `entries[${i}]`;
    checkBound(`${at}.programElements`, "pupilProgramElementsPerEntry", entry.programElements?.length ?? 0, "program elements of the pupil's own per subject");
    const subject = subjects.get(entry.subjectCode);
    if (!subject || subject.degree !== degree) throw badInput(`${at}.subjectCode`, `is not a ${degree === Degree.FIRST ? "1D domain" : "2D subject"} code`);
    if (seen.has(entry.subjectCode)) throw badInput(`${at}.subjectCode`, "appears twice");
    seen.add(entry.subjectCode);
    touched.push(entryElement(entry.subjectCode));
    if (entry.remove) return;
    const grades = s.cls.positioningType === PositioningType.GRADES;
    if (grades && entry.positioning !== undefined && entry.positioning !== null) {
      throw positioningError(`${at}.positioning`, "this class is set to GRADES: give averages, not a positioning");
    }
    for (const key of ["studentAverage", "classAverage"] as const) {
      const value = entry[key];
      if (value === undefined || value === null) continue;
      if (!grades) throw positioningError(`${at}.${key}`, `this class is set to ${s.cls.positioningType}: give a positioning 1–4, not an average`);
      if (value.length > LIMITS.average || !AVERAGE_PATTERN.test(value)) throw badInput(`${at}.${key}`, "must be an average such as 12,5");
    }
    entry.appreciation = checkText(entry.appreciation, `${at}.appreciation`, LIMITS.appreciation);
    entry.programElements?.forEach((label, j) => {
      entry.programElements![j] = checkText(label, `${at}.programElements[${j}]`, LIMITS.programElement) as string;
    });
  });
  if (input.schoolLife !== undefined) {
    if (degree !== Degree.SECOND) throw badInput("schoolLife", "exists in collège reports only");
    if (input.schoolLife) input.schoolLife.comment = checkText(input.schoolLife.comment, "schoolLife.comment", LIMITS.text600);
    touched.push("SCHOOL_LIFE");
  }
  if (input.parcours !== undefined) {
    const codes = new Set<string>();
    (input.parcours ?? []).forEach((p, i) => {
      if (!PARCOURS_CODES[degree].includes(p.code)) throw badInput(`parcours[${i}].code`, `must be one of ${PARCOURS_CODES[degree].join(", ")}`);
      if (codes.has(p.code)) throw badInput(`parcours[${i}].code`, "appears twice");
      codes.add(p.code);
      p.text = checkText(p.text, `parcours[${i}].text`, LIMITS.text600) as string;
    });
    touched.push("PARCOURS");
  }
  if (input.supportMeasures !== undefined) {
    const codes = new Set<string>();
    (input.supportMeasures ?? []).forEach((m, i) => {
      if (!SUPPORT_MEASURE_CODES[degree].includes(m.code)) {
        throw badInput(`supportMeasures[${i}].code`, `must be one of ${SUPPORT_MEASURE_CODES[degree].join(", ")}`);
      }
      if (codes.has(m.code)) throw badInput(`supportMeasures[${i}].code`, "appears twice");
      codes.add(m.code);
      m.details = checkText(m.details, `supportMeasures[${i}].details`, LIMITS.text600);
    });
    touched.push("SUPPORT_MEASURES");
  }
  if (input.digitalSkills !== undefined) {
    if (!carriesDigitalSkills(s)) throw badInput("digitalSkills", "belong to the last period of CM2 or 6e only");
    if (input.digitalSkills) {
      const codes = new Set<string>();
      input.digitalSkills.levels.forEach((l, i) => {
        if (!(DIGITAL_SKILL_CODES as readonly string[]).includes(l.code)) throw badInput(`digitalSkills.levels[${i}].code`, "is not a CN_* skill code");
        if (codes.has(l.code)) throw badInput(`digitalSkills.levels[${i}].code`, "appears twice");
        codes.add(l.code);
      });
      input.digitalSkills.appreciation = checkText(input.digitalSkills.appreciation, "digitalSkills.appreciation", LIMITS.text600);
    }
    touched.push("DIGITAL_SKILLS");
  }
  if (!touched.length) throw badInput("input", "changes nothing");
  return touched;
}
