import { RuleTree } from "../../auth/rule-tree";

export const cycleReportRules: RuleTree = {};
