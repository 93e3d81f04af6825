import { inheritsParent, isSchoolLead, isSchoolStaff, isStaffMember } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

export const reportRules: RuleTree = {
  // Any staff member may ask; report.policy decides (a DASEN reads a report they authorised an amendment of).
  Query: { periodicReport: isStaffMember },
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
