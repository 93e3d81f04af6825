import { inheritsParent, isAuthenticated, isStaffMember } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

export const studentRules: RuleTree = {
  // Guardians reach their own children here too; the scope decides which (R-SEED-11, R-SEED-13).
  Query: { student: isAuthenticated },
  Student: { "*": inheritsParent, guardians: isStaffMember },
  Enrolment: { "*": inheritsParent },
  GuardianLink: { "*": inheritsParent },
};
