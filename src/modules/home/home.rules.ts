import { RuleTree } from "../../auth/rule-tree";

export const homeRules: RuleTree = {};
