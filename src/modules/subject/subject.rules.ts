import { inheritsParent, isStaffMember } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

export const subjectRules: RuleTree = {
  Query: { subjects: isStaffMember },
  Subject: { "*": inheritsParent },
};
