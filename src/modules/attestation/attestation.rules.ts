import { RuleTree } from "../../auth/rule-tree";

export const attestationRules: RuleTree = {};
