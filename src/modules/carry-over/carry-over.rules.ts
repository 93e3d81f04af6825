import { RuleTree } from "../../auth/rule-tree";

export const carryOverRules: RuleTree = {};
