import { parse } from "graphql";
import { breadthRefusals, measureBreadth } from "../../src/http/limits";
import { fragmentBomb } from "../../scripts/support/hostile";

const limits = { maxTokens: 2000, maxSelections: 1000, maxDepth: 10, maxAliases: 30, maxDirectives: 20, maxRootFields: 20, maxMutationFields: 5, maxCost: 5000 };
const breadth = (query: string) => measureBreadth(parse(query)).map(({ operation: _op, ...figures }) => figures);

describe("breadth counted before validation, each fragment once (R14)", () => {
  it("R14: a fragment bomb of 100 levels is counted in one walk, as Apollo's maxRecursiveSelections counts it", () => {
    // F0 holds 2 selections; each Fi holds its 2 spreads and twice F(i-1): Fi = 2^(i+2) - 2, plus the root spread.
    // Expanded, the root holds 2^40 copies of currentSchoolYear.
    expect(breadth(fragmentBomb(40))).toEqual([{ rootFields: 2 ** 40, aliases: 0, selections: 2 ** 42 - 1 }]);
    const [bomb] = breadth(fragmentBomb(100));
    expect(bomb.selections).toBeGreaterThan(1e30);
    expect(breadthRefusals(parse(fragmentBomb(100)), limits).map((e) => e.extensions.limit)).toEqual(["MAX_QUERY_SELECTIONS", "MAX_ROOT_FIELDS"]);
  });

  it("R14: root fields and aliases through fragments and inline fragments; __typename aliases do not count", () => {
    expect(breadth("query { a: me { b: login } ...F ... on Query { c: me { login } t: __typename } } fragment F on Query { d: me { login } e: me { login } }")).toEqual([
      { rootFields: 5, aliases: 5, selections: 11 },
    ]);
  });

  it("R14: a cycle or an unknown fragment counts nothing here (graphql-js's rules report it as a validation error)", () => {
    expect(breadth("query { ...A ...Nowhere } fragment A on Query { me { login } ...B } fragment B on Query { ...A }")).toEqual([{ rootFields: 1, aliases: 0, selections: 6 }]);
  });

  it("R14: each operation of a document is measured on its own; a mutation has its own root-field limit", () => {
    const doc = parse(`query Q { me { login } } mutation M { ${Array.from({ length: 6 }, (_, i) => `m${i}: openOnlineService(schoolId: "1") { id }`).join(" ")} }`);
    expect(breadthRefusals(doc, limits).map((e) => [e.extensions.limit, e.message])).toEqual([
      ["MAX_MUTATIONS_PER_REQUEST", "Operation runs 6 mutations; at most 5 may run in one request (MAX_MUTATIONS_PER_REQUEST)."],
    ]);
  });
});
