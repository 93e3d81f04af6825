import { GraphQLObjectType, GraphQLSchema, isIntrospectionType, isObjectType, graphql } from "graphql";
import { buildSchema as buildSdlSchema } from "graphql";
import { deny } from "graphql-shield";
import { applyPermissions, effectiveRule, SHIELD_OPTIONS } from "../../src/auth/apply-permissions";
import { permissions } from "../../src/auth/permissions";
import { inheritsParent, isAuthenticated } from "../../src/auth/rules";
import { buildBareSchema } from "../../src/schema";

function objectTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !isIntrospectionType(t));
}

describe("permission coverage (deny by default)", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildBareSchema();
  });

  it("gives every field of every object type an explicit rule", () => {
    const uncovered: string[] = [];
    for (const type of objectTypes(schema)) {
      const rules = permissions[type.name];
      for (const field of Object.keys(type.getFields())) {
        if (!rules || (rules[field] === undefined && rules["*"] === undefined)) uncovered.push(`${type.name}.${field}`);
      }
    }
    expect(uncovered).toEqual([]);
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
