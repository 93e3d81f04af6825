import { GraphQLObjectType, GraphQLSchema, isIntrospectionType, isObjectType, graphql, extendSchema, parse } from "graphql";
import { buildSchema as buildSdlSchema } from "graphql";
import { allow, deny } from "graphql-shield";
import { applyPermissions, effectiveRule, SHIELD_OPTIONS } from "../../src/auth/apply-permissions";
import { permissions, RECORD_TYPES } from "../../src/auth/permissions";
import { inheritsParent, isAuthenticated } from "../../src/auth/rules";
import { RuleTree } from "../../src/auth/rule-tree";
import { buildBareSchema } from "../../src/schema";

function objectTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !isIntrospectionType(t));
}

/**
 * The coverage check: fields without an explicit rule. A "*" covers the fields of ordinary types only;
 * on a type that carries a pupil's record every field must be named.
 */
function unruledFields(schema: GraphQLSchema, tree: RuleTree): string[] {
  const uncovered: string[] = [];
  for (const type of objectTypes(schema)) {
    const rules = tree[type.name];
    const wildcard = (RECORD_TYPES as readonly string[]).includes(type.name) ? undefined : rules?.["*"];
    for (const field of Object.keys(type.getFields())) {
      if (rules?.[field] === undefined && wildcard === undefined) uncovered.push(`${type.name}.${field}`);
    }
  }
  return uncovered;
}

describe("permission coverage (deny by default)", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildBareSchema();
  });

  it("gives every field of every object type an explicit rule", () => {
    expect(unruledFields(schema, permissions)).toEqual([]);
  });

  it("rules every field of a pupil's record types by name: no wildcard, no shield `allow`", () => {
    for (const name of RECORD_TYPES) {
      expect([name, isObjectType(schema.getType(name))]).toEqual([name, true]);
      expect([name, permissions[name]?.["*"]]).toEqual([name, undefined]);
      for (const field of Object.keys((schema.getType(name) as GraphQLObjectType).getFields())) {
        expect([name, field, permissions[name][field] === allow]).toEqual([name, field, false]);
      }
    }
  });

  it("fails on a canary field added to any record type, and the canary is denied when served", async () => {
    // inheritsParent is a sentinel of its own: a field that inherits is never mistaken for one open to all.
    expect(inheritsParent).not.toBe(allow);
    for (const name of RECORD_TYPES) {
      const withCanary = extendSchema(schema, parse(`extend type ${name} { canary: String }`));
      (withCanary.getType(name) as GraphQLObjectType).getFields().canary.resolve = () => "leaked";
      expect([name, unruledFields(withCanary, permissions)]).toEqual([name, [`${name}.canary`]]);
      expect([name, effectiveRule(permissions, name, "canary")]).toEqual([name, deny]);
    }
    // Served: every canary at once, each wrapped, and its resolver refuses whoever calls.
    const all = extendSchema(schema, parse(RECORD_TYPES.map((name) => `extend type ${name} { canary: String }`).join("\n")));
    for (const name of RECORD_TYPES) (all.getType(name) as GraphQLObjectType).getFields().canary.resolve = () => "leaked";
    const served = applyPermissions(all, permissions);
    for (const name of RECORD_TYPES) {
      const type = served.getType(name) as GraphQLObjectType;
      const info = { fieldName: "canary", parentType: type, returnType: type.getFields().canary.type, path: { key: "canary" } } as never;
      const answer = await Promise.resolve()
        .then(() => type.getFields().canary.resolve!({}, {}, { principal: { accountId: 1 } }, info))
        .catch((e: unknown) => e);
      expect([name, (answer as { extensions?: { code?: string } })?.extensions?.code]).toEqual([name, "FORBIDDEN"]);
    }
    // The same canary on an ordinary type with a "*" is covered by it: the record types are the strict ones.
    const ordinary = extendSchema(schema, parse("extend type Subject { canary: String }"));
    expect(unruledFields(ordinary, permissions)).toEqual([]);
  });

  it("names each root field on its own, never through a wildcard", () => {
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      expect(permissions[root.name]["*"]).toBeUndefined();
      for (const field of Object.keys(root.getFields())) {
        expect([root.name, field, permissions[root.name][field] !== undefined]).toEqual([root.name, field, true]);
        // No operation is open to anonymous callers.
        expect(permissions[root.name][field]).not.toBe(inheritsParent);
      }
    }
  });

  it("names no type or field that the schema lacks", () => {
    const stale: string[] = [];
    for (const [typeName, rules] of Object.entries(permissions)) {
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type)) {
        stale.push(typeName);
        continue;
      }
      for (const field of Object.keys(rules)) if (field !== "*" && !type.getFields()[field]) stale.push(`${typeName}.${field}`);
    }
    expect(stale).toEqual([]);
  });

  it("falls back to deny and does not debug or swallow errors into FORBIDDEN", () => {
    expect(SHIELD_OPTIONS.fallbackRule).toBe(deny);
    expect(SHIELD_OPTIONS.debug).toBe(false);
    const error = SHIELD_OPTIONS.fallbackError();
    expect(error.extensions.code).toBe("FORBIDDEN");
  });

  it("denies a field that has no rule (canary), for anonymous and signed-in callers", async () => {
    const canarySchema = buildSdlSchema("type Query { guarded: String canary: String }");
    const fields = canarySchema.getQueryType()!.getFields();
    fields.guarded.resolve = () => "guarded";
    fields.canary.resolve = () => "leaked";
    const secured = applyPermissions(canarySchema, { Query: { guarded: isAuthenticated } });
    for (const principal of [null, { accountId: 1 }]) {
      const result = await graphql({ schema: secured, source: "{ canary }", contextValue: { principal } });
      expect(result.data).toEqual({ canary: null });
      expect(result.errors?.[0].extensions.code).toBe("FORBIDDEN");
    }
    expect(effectiveRule({ Query: {} }, "Query", "canary")).toBe(deny);
  });

  it("wraps only fields whose rule is not inherited from the parent, so lists pay nothing", async () => {
    const bare = await buildBareSchema();
    const secured = applyPermissions(bare, permissions);
    for (const type of objectTypes(secured)) {
      for (const [name, field] of Object.entries(type.getFields())) {
        const inherited = effectiveRule(permissions, type.name, name) === inheritsParent;
        const bareField = (bare.getType(type.name) as GraphQLObjectType).getFields()[name];
        // Unwrapped fields keep exactly the resolver type-graphql gave them (or none).
        if (inherited) expect([type.name, name, field.resolve === bareField.resolve]).toEqual([type.name, name, true]);
        else expect([type.name, name, field.resolve === bareField.resolve]).toEqual([type.name, name, false]);
      }
    }
  });
});
