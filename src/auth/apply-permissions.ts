import { GraphQLError, GraphQLSchema, isIntrospectionType, isObjectType } from "graphql";
import { applyMiddleware } from "graphql-middleware";
import { deny, shield } from "graphql-shield";
import { ErrorCode } from "../common/errors";
import { inheritsParent } from "./rules";
import { RuleTree, ShieldRule } from "./rule-tree";

export const SHIELD_OPTIONS = {
  fallbackRule: deny,
  // Domain errors thrown by resolvers pass through; formatError masks anything unexpected.
  allowExternalErrors: true,
  debug: false,
  fallbackError: () => new GraphQLError("You are not allowed to do this.", { extensions: { code: ErrorCode.FORBIDDEN } }),
};

/** The rule that governs a field: its own, else its type's "*", else the fallback (deny). */
export function effectiveRule(tree: RuleTree, typeName: string, fieldName: string): ShieldRule {
  const rules = tree[typeName];
  return rules?.[fieldName] ?? rules?.["*"] ?? SHIELD_OPTIONS.fallbackRule;
}

/**
 * Applies graphql-shield, deny by default, but wraps only the fields whose rule is not
 * `inheritsParent`. Wrapping every field makes a 1,000-row list about 12× slower
 * (performance-anchors.md); a field that inherits its parent's visibility needs no check of its own,
 * because the parent was reached through a guarded root field. Fields that disclose a pupil's record
 * (reports, enrolments, guardians…) are not plain properties: their services check the pupil's scope
 * (ctx.loaders.studentInScope) whatever path reached the pupil.
 */
export function applyPermissions(schema: GraphQLSchema, tree: RuleTree): GraphQLSchema {
  const generator = shield(tree, SHIELD_OPTIONS);
  const generated = generator.generate(schema) as Record<string, Record<string, unknown>>;
  const needed: Record<string, Record<string, unknown>> = {};
  for (const [typeName, type] of Object.entries(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const fieldName of Object.keys(type.getFields())) {
      if (effectiveRule(tree, typeName, fieldName) === inheritsParent) continue;
      needed[typeName] ??= {};
      needed[typeName][fieldName] = generated[typeName][fieldName];
    }
  }
  return applyMiddleware(schema, needed as never);
}
