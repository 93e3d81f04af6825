import { inheritsParent, isSchoolLead } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

export const periodRules: RuleTree = {
  Mutation: { configurePeriods: isSchoolLead },
  PeriodScheme: { "*": inheritsParent },
  Period: { "*": inheritsParent },
};
