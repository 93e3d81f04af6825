import { inheritsParent, isSchoolStaff } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

export const classRules: RuleTree = {
  Query: { class: isSchoolStaff },
  SchoolClass: { "*": inheritsParent },
  TeachingGroup: { "*": inheritsParent },
};
