import { inheritsParent, isAuthenticated, isGuardianAccount, isStaffMember } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

export const studentRules: RuleTree = {
  // Guardians reach their own children here too; the scope decides which (R-SEED-11, R-SEED-13).
  Query: { student: isAuthenticated, myChildren: isGuardianAccount },
  Student: { "*": inheritsParent, guardians: isStaffMember },
  Enrolment: { "*": inheritsParent },
  GuardianLink: { "*": inheritsParent },
};
