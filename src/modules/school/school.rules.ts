import { inheritsParent, isAuthenticated, isHead, isStaffMember } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

export const schoolRules: RuleTree = {
  Query: { currentSchoolYear: isAuthenticated, schools: isStaffMember, school: isStaffMember },
  Mutation: { openOnlineService: isHead },
  School: { "*": inheritsParent },
  Academy: { "*": inheritsParent },
  SchoolYear: { "*": inheritsParent },
  SchoolPage: { "*": inheritsParent },
};
