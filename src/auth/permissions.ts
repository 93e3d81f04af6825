import { mergeRuleTrees, RuleTree } from "./rule-tree";
import { schoolRules } from "../modules/school/school.rules";
import { periodRules } from "../modules/period/period.rules";
import { classRules } from "../modules/class/class.rules";
import { studentRules } from "../modules/student/student.rules";
import { accountRules } from "../modules/account/account.rules";
import { subjectRules } from "../modules/subject/subject.rules";
import { reportRules } from "../modules/report/report.rules";
import { classSettingsRules } from "../modules/class-settings/class-settings.rules";
import { amendmentRules } from "../modules/amendment/amendment.rules";
import { auditRules } from "../modules/audit/audit.rules";
import { cycleReportRules } from "../modules/cycle-report/cycle-report.rules";
import { attestationRules } from "../modules/attestation/attestation.rules";
import { homeRules } from "../modules/home/home.rules";
import { transferRules } from "../modules/transfer/transfer.rules";
import { carryOverRules } from "../modules/carry-over/carry-over.rules";
import { importRules } from "../modules/import/import.rules";

/**
 * The types that carry a pupil's record (SPEC §2): each names every field with its rule, never a "*",
 * so that a field added to one of them is denied until someone rules it (permission-coverage test).
 */
export const RECORD_TYPES = [
  "Student",
  "Enrolment",
  "GuardianLink",
  "PeriodicReport",
  "ReportEntry",
  "StaffMember",
  "ProgramElement",
  "SchoolLife",
  "Parcours",
  "SupportMeasure",
  "DigitalSkills",
  "DigitalSkillLevel",
  "GroupAppreciation",
  "CycleReport",
  "CycleReportComponent",
  "ComplementaryTeaching",
  "RegionalLanguage",
  "Attestation",
  "PixCertification",
  "PixCompetenceLevel",
] as const;

/**
 * The one permission map of the graph. Every type and root field is named here (a test walks the
 * schema and fails on any field without an explicit rule); anything else is denied.
 */
export const permissions: RuleTree = mergeRuleTrees(
  schoolRules,
  periodRules,
  classRules,
  studentRules,
  accountRules,
  subjectRules,
  reportRules,
  classSettingsRules,
  amendmentRules,
  auditRules,
  cycleReportRules,
  attestationRules,
  homeRules,
  transferRules,
  carryOverRules,
  importRules,
);
