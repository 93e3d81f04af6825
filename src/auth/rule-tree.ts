import type { and, IRule } from "graphql-shield";

export type ShieldRule = IRule | ReturnType<typeof and>;

/** Rules per type and field; "*" sets the rule of every field of the type not named. */
export type RuleTree = Record<string, Record<string, ShieldRule>>;

/** Merges module rule trees; two modules ruling the same field is a programming error. */
export function mergeRuleTrees(...trees: RuleTree[]): RuleTree {
  const merged: RuleTree = {};
  for (const tree of trees) {
    for (const [type, fields] of Object.entries(tree)) {
      merged[type] ??= {};
      for (const [field, rule] of Object.entries(fields)) {
        if (merged[type][field]) throw new Error(`Permission for ${type}.${field} is declared twice`);
        merged[type][field] = rule;
      }
    }
  }
  return merged;
}
