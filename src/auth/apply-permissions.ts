import {
  GraphQLError,
  GraphQLFieldResolver,
  GraphQLOutputType,
  GraphQLResolveInfo,
  GraphQLSchema,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";
import { applyMiddleware } from "graphql-middleware";
import { deny, shield } from "graphql-shield";
import type { Context } from "../common/context";
import { ErrorCode } from "../common/errors";
import { FieldRule, inheritsParent, isRecordRule, RecordRule, RuleTree } from "./rule-tree";

export const SHIELD_OPTIONS = {
  fallbackRule: deny,
  // Domain errors thrown by resolvers pass through; formatError masks anything unexpected.
  allowExternalErrors: true,
  debug: false,
  fallbackError: () => new GraphQLError("You are not allowed to do this.", { extensions: { code: ErrorCode.FORBIDDEN } }),
};

/** The rule that governs a field: its own, else its type's "*", else the fallback (deny). */
export function effectiveRule(tree: RuleTree, typeName: string, fieldName: string): FieldRule {
  const rules = tree[typeName];
  return rules?.[fieldName] ?? rules?.["*"] ?? SHIELD_OPTIONS.fallbackRule;
}

type Middleware = (resolve: GraphQLFieldResolver<unknown, Context>, parent: unknown, args: unknown, ctx: Context, info: GraphQLResolveInfo) => unknown;

/** What a record field answers when its rule hides it: the same as an empty record. */
function emptyValue(type: GraphQLOutputType, where: string): null | [] {
  if (!isNonNullType(type)) return null;
  if (isListType(type.ofType)) return [];
  throw new Error(`${where}: a record rule needs a nullable or list field, to answer as missing`);
}

function recordMiddleware(rule: RecordRule, type: GraphQLOutputType, where: string): Middleware {
  if (rule.kind === "gate") {
    const empty = emptyValue(type, where);
    return async (resolve, parent, args, ctx, info) =>
      (await rule.shows(ctx, parent as never)) ? resolve(parent, args, ctx, info) : empty;
  }
  if (!isListType(isNonNullType(type) ? type.ofType : type)) throw new Error(`${where}: a record filter needs a list field`);
  return async (resolve, parent, args, ctx, info) => {
    const items = (await resolve(parent, args, ctx, info)) as unknown[] | null;
    if (!items) return items;
    const kept = await Promise.all(items.map((item) => rule.keeps(ctx, parent as never, item as never)));
    return items.filter((_, i) => kept[i]);
  };
}

/**
 * Applies the permission map, deny by default. Shield rules (roles) wrap their fields through
 * graphql-shield; record rules (a decision about the parent or the item, batched per request) wrap
 * theirs with a plain middleware that answers as missing; fields that inherit their parent's visibility
 * are not wrapped at all. Wrapping every field in shield makes a 1,000-row list about 12× slower
 * (performance-anchors.md), which is why a record's fields are ruled by their parent's decision.
 */
export function applyPermissions(schema: GraphQLSchema, tree: RuleTree): GraphQLSchema {
  // graphql-shield only sees the shield rules; record rules are applied below, by this module.
  const shieldTree = Object.fromEntries(
    Object.entries(tree).map(([type, fields]) => [type, Object.fromEntries(Object.entries(fields).filter(([, r]) => !isRecordRule(r)))]),
  );
  const generated = shield(shieldTree as never, SHIELD_OPTIONS).generate(schema) as Record<string, Record<string, Middleware>>;
  const needed: Record<string, Record<string, Middleware>> = {};
  for (const [typeName, type] of Object.entries(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      const rule = effectiveRule(tree, typeName, fieldName);
      if (rule === inheritsParent) continue;
      needed[typeName] ??= {};
      needed[typeName][fieldName] = isRecordRule(rule)
        ? recordMiddleware(rule, field.type, `${typeName}.${fieldName}`)
        : generated[typeName][fieldName];
    }
  }
  return applyMiddleware(schema, needed as never);
}
