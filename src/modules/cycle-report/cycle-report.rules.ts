import { isSchoolLead, isSchoolStaff, pupilInScope } from "../../auth/rules";
import { inheriting, RuleTree } from "../../auth/rule-tree";

export const cycleReportRules: RuleTree = {
  Query: { cycleReport: isSchoolStaff },
  Mutation: {
    createCycleReport: isSchoolStaff,
    updateCycleReport: isSchoolStaff,
    lockCycleReport: isSchoolStaff,
    unlockCycleReport: isSchoolLead,
  },
  // A pupil in the caller's scope; the service decides which reports each sees (R-SEED-12, R-SEED-13).
  Student: { cycleReports: pupilInScope },
  // Record types: every field named, no "*". A report is shown whole or not at all.
  CycleReport: inheriting(
    "id", "student", "school", "cycle", "schoolYear", "status", "lockedAt", "version", "createdBy",
    "components", "complementaryTeaching", "regionalLanguage", "synthesis",
  ),
  CycleReportComponent: inheriting("code", "level"),
  ComplementaryTeaching: inheriting("code", "level"),
  RegionalLanguage: inheriting("code", "level"),
};
