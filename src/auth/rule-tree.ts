import { rule, type and, type IRule } from "graphql-shield";
import type { Context } from "../common/context";

export type ShieldRule = IRule | ReturnType<typeof and>;

/**
 * The field shows what its parent shows: the parent was already decided (a guarded root field, a
 * scoped list, a record rule of the field that returned it). Its own sentinel, not shield's `allow`, so
 * that it is never confused with a field deliberately open to everyone. Not wrapped at run time
 * (apply-permissions.ts), which keeps lists fast; never evaluated.
 */
export const inheritsParent: IRule = rule("inheritsParent", { cache: "no_cache" })(() => true);

/**
 * A field of a pupil's record whose visibility follows a decision about its parent (the pupil in the
 * caller's scope, the caller's view of a report). The decision is a per-request batched look-up, so a
 * list pays one cached promise per row, not a shield rule evaluation. When it says no, the field
 * answers as if empty (null, or an empty list): invisible reads as missing.
 */
export interface RecordGate<P = never> {
  readonly kind: "gate";
  readonly name: string;
  readonly shows: (ctx: Context, parent: P) => boolean | Promise<boolean>;
}

/** A list field of a pupil's record whose items are each kept or dropped by a decision about the item. */
export interface RecordFilter<P = never, I = never> {
  readonly kind: "filter";
  readonly name: string;
  readonly keeps: (ctx: Context, parent: P, item: I) => boolean | Promise<boolean>;
}

export type RecordRule = RecordGate<never> | RecordFilter<never, never>;
export type FieldRule = ShieldRule | RecordRule;

export const recordGate = <P>(name: string, shows: (ctx: Context, parent: P) => boolean | Promise<boolean>): RecordGate<P> => ({
  kind: "gate",
  name,
  shows,
});

export const recordFilter = <P, I>(name: string, keeps: (ctx: Context, parent: P, item: I) => boolean | Promise<boolean>): RecordFilter<P, I> => ({
  kind: "filter",
  name,
  keeps,
});

export const isRecordRule = (r: unknown): r is RecordRule =>
  typeof r === "object" && r !== null && ((r as RecordRule).kind === "gate" || (r as RecordRule).kind === "filter");

/** Rules per type and field; "*" sets the rule of every field of the type not named (never on record types). */
export type RuleTree = Record<string, Record<string, FieldRule>>;

/** These fields inherit their parent's visibility: the explicit list for record types, which take no "*". */
export const inheriting = (...fields: string[]): Record<string, FieldRule> => Object.fromEntries(fields.map((f) => [f, inheritsParent]));

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
