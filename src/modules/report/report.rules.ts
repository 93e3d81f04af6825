import { inheritsParent, isSchoolLead, isSchoolStaff } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

export const reportRules: RuleTree = {
  Query: { periodicReport: isSchoolStaff },
  Mutation: {
    createPeriodicReport: isSchoolStaff,
    updatePeriodicReport: isSchoolStaff,
    lockPeriodicReport: isSchoolStaff,
    unlockPeriodicReport: isSchoolLead,
    lockClassReports: isSchoolStaff,
    setClassProgramElements: isSchoolStaff,
    setCollectiveDigitalSkillsAppreciation: isSchoolStaff,
    setGroupCollectiveDigitalSkillsAppreciation: isSchoolStaff,
  },
  PeriodicReport: { "*": inheritsParent },
  ReportEntry: { "*": inheritsParent },
  StaffMember: { "*": inheritsParent },
  ProgramElement: { "*": inheritsParent },
  SchoolLife: { "*": inheritsParent },
  Parcours: { "*": inheritsParent },
  SupportMeasure: { "*": inheritsParent },
  DigitalSkillLevel: { "*": inheritsParent },
  DigitalSkills: { "*": inheritsParent },
  GroupAppreciation: { "*": inheritsParent },
  LockRefusal: { "*": inheritsParent },
  LockClassReportsResult: { "*": inheritsParent },
};
