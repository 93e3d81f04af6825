import { RuleTree } from "../../auth/rule-tree";

export const transferRules: RuleTree = {};
