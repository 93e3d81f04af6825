import { inheritsParent, isSchoolStaff } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

/** Teachers of the class and its DIRECTOR/HEAD; which class and which subjects is checked by the service. */
export const carryOverRules: RuleTree = {
  Mutation: { carryOverProgramElements: isSchoolStaff },
  CarryOverResult: { "*": inheritsParent },
  CarriedOverElement: { "*": inheritsParent },
};
