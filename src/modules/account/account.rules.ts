import { inheritsParent, isAuthenticated } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

export const accountRules: RuleTree = {
  Query: { me: isAuthenticated },
  Me: { "*": inheritsParent },
  RoleGrant: { "*": inheritsParent },
  TeachingGrant: { "*": inheritsParent },
};
