import { inheritsParent, isAuthenticated, isSchoolLead, isSchoolStaff } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

export const cycleReportRules: RuleTree = {
  Query: { cycleReport: isSchoolStaff },
  Mutation: {
    createCycleReport: isSchoolStaff,
    updateCycleReport: isSchoolStaff,
    lockCycleReport: isSchoolStaff,
    unlockCycleReport: isSchoolLead,
  },
  // Staff and guardians both reach pupils; the service decides which reports each sees (R-SEED-12, R-SEED-13).
  Student: { cycleReports: isAuthenticated },
  CycleReport: { "*": inheritsParent },
  CycleReportComponent: { "*": inheritsParent },
  ComplementaryTeaching: { "*": inheritsParent },
  RegionalLanguage: { "*": inheritsParent },
};
