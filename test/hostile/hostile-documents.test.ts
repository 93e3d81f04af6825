import fs from "node:fs";
import path from "node:path";
import { createHarness, Harness } from "../support/harness";
import { expectNoLeak, LiveServer, startServer } from "../http/client";
import { loadSchool900, SCHOOL_900 } from "../../scripts/support/school-900";
import { projectRoot } from "../../src/common/project-root";
import { aliases, fragmentBomb } from "../../scripts/support/hostile";

const deep = (levels: number) => `{ me { roles { ${"school { periodSchemes { classes { ".repeat(levels)}id${" } } }".repeat(levels)} } } }`;

export const OPERATIONS_DIR = path.join(projectRoot(), "operations");
export const operation = (name: string) => fs.readFileSync(path.join(OPERATIONS_DIR, `${name}.graphql`), "utf8");

describe("hostile documents are refused before execution (R14, R15), the server keeps answering", () => {
  let h: Harness;
  let live: LiveServer;
  let head: string;
  let schoolId: string;
  let periodId: string;

  beforeAll(async () => {
    h = await createHarness("hostile_documents", { config: { rateLimit: { windowSeconds: 60, accountPoints: 1e12, addressPoints: 1e12 } } });
    await loadSchool900(h.db.dataSource);
    live = await startServer(h);
    head = await h.token(SCHOOL_900.head);
    schoolId = await h.ids.school(SCHOOL_900.uai);
    periodId = await h.ids.period(SCHOOL_900.uai, SCHOOL_900.year, "6A", 1);
  }, 180_000);
  afterAll(async () => {
    await live?.server.stop();
    await h?.close();
  });

  const amplified = () => {
    const classReports = `school(id: "${schoolId}") { classes { periodicReports(periodId: "${periodId}") { id entries { appreciation programElements { label } teachers { surname } } } } }`;
    const nestedPupils = `schools(limit: 100) { items { classes { students { id surname enrolments { schoolYear } } } } }`;
    return {
      "32 aliases of a school's class reports": aliases(32, classReports).replace(/^\{/, "{ ").replace(/a(\d+): /g, "r$1: "),
      "one alias of a school's class reports with every entry part": `{ ${classReports} }`,
      "10 aliases of a nested pupils query": aliases(10, nestedPupils),
      "3 aliases of a school's class reports with entries (6 large lists)": aliases(3, `school(id: "${schoolId}") { classes { periodicReports(periodId: "${periodId}") { id entries { positioning } } } }`),
      "12 copies of the school's class reports inside one root field": `{ school(id: "${schoolId}") { ${Array.from({ length: 12 }, (_, i) => `c${i}: classes { periodicReports(periodId: "${periodId}") { id status } }`).join(" ")} } }`,
      "the director dashboard five times": `{ ${Array.from({ length: 5 }, (_, i) => `d${i}: school(id: "${schoolId}") { classes { students { id periodicReports { id status entries { positioning } } } } }`).join(" ")} }`,
    };
  };

  const hostile = (): Array<[string, string, Record<string, unknown>?, string?]> => [
    ["a fragment bomb of 40 levels", fragmentBomb(40), undefined, "GRAPHQL_VALIDATION_FAILED"],
    ["a fragment bomb of 100 levels", fragmentBomb(100), undefined, "GRAPHQL_VALIDATION_FAILED"],
    ["a fragment cycle", "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }", undefined, "GRAPHQL_VALIDATION_FAILED"],
    ["an unknown fragment", "query { ...Nowhere }", undefined, "GRAPHQL_VALIDATION_FAILED"],
    ["10,000 aliases (over the body cap)", aliases(10_000), undefined, "BAD_REQUEST"],
    ["5,000 aliases (under the body cap)", aliases(5_000, "__typename"), undefined, "GRAPHQL_PARSE_FAILED"],
    ["300 root fields (1,000 exceed the token limit first)", aliases(300, "__typename"), undefined, "GRAPHQL_VALIDATION_FAILED"],
    ["deep nesting", deep(6), undefined, "GRAPHQL_VALIDATION_FAILED"],
    ["a huge token count", `{ me { ${"login ".repeat(5000)} } }`, undefined, "GRAPHQL_PARSE_FAILED"],
    ["31 aliases", aliases(31), undefined, "GRAPHQL_VALIDATION_FAILED"],
    ["21 directives", `{ me { ${Array.from({ length: 21 }, () => "login @include(if: true)").join(" ")} } }`, undefined, "GRAPHQL_VALIDATION_FAILED"],
    [
      "a null limit through a variable",
      `query Q($l: Int) { z: schools(limit: $l) { totalCount } ${"x: schools(limit: 100) { items { classes { students { id } } } }"} }`,
      { l: null },
      "BAD_USER_INPUT",
    ],
    ["a null offset through a variable", "query Q($o: Int) { schools(offset: $o) { totalCount } }", { o: null }, "BAD_USER_INPUT"],
    ["six mutations in one operation", `mutation { ${Array.from({ length: 6 }, (_, i) => `m${i}: openOnlineService(schoolId: "1") { id }`).join(" ")} }`, undefined, "GRAPHQL_VALIDATION_FAILED"],
  ];

  it.each([
    ["anonymous", false],
    ["signed in", true],
  ])("refuses every hostile document %s with 400, no data, no leak, while `me` keeps answering", async (_who, signedIn) => {
    const token = signedIn ? head : null;
    const cases: Array<[string, string, Record<string, unknown>?, string?]> = [
      ...hostile(),
      ...Object.entries(amplified()).map(([name, q]): [string, string, undefined, string] => [
        name,
        q,
        undefined,
        name.startsWith("32 aliases") ? "GRAPHQL_VALIDATION_FAILED" : "BAD_USER_INPUT",
      ]),
    ];
    const timings: string[] = [];
    for (const [name, query, variables, code] of cases) {
      const started = performance.now();
      const [reply, me] = await Promise.all([live.post(token, query, variables), live.post(head, "{ me { login } }")]);
      timings.push(`${name}: ${(performance.now() - started).toFixed(1)} ms`);
      expect({ name, status: reply.status }).toEqual({ name, status: code === "BAD_REQUEST" ? 413 : 400 });
      expect({ name, data: reply.body.data ?? null }).toEqual({ name, data: null });
      expect({ name, code: reply.body.errors?.[0]?.extensions?.code }).toEqual({ name, code });
      expectNoLeak(reply.text);
      expect(me.body).toEqual({ data: { me: { login: SCHOOL_900.head } } });
    }
    console.log(`refusal round trips (${_who}, ${h.db.config.type}):\n  ${timings.join("\n  ")}`);
  });

  it("refuses copies of large lists by MAX_LARGE_LISTS, naming the limit and the lists, before any resolver runs", async () => {
    const reply = await live.post(head, amplified()["12 copies of the school's class reports inside one root field"]);
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "MAX_LARGE_LISTS", maxLargeLists: h.config.maxLargeLists, largeLists: 12 });
    expect(reply.body.errors?.[0].message).toContain("SchoolClass.periodicReports");
  });

  describe("with the body cap and the token limit out of the way, the validation rules themselves refuse floods", () => {
    let open: LiveServer;
    beforeAll(async () => {
      const config = { ...h.config, maxBodyBytes: 10_000_000, maxTokens: 1_000_000, maxSelections: 1_000_000 };
      open = await startServer({ ...h, config, deps: { ...h.deps, config, rateLimits: undefined } });
    });
    afterAll(() => open?.server.stop());

    it.each([
      ["10,000 aliases", aliases(10_000), "MAX_QUERY_ALIASES", /uses 10000 aliases; the limit is 30/],
      ["1,000 root fields", aliases(1000, "__typename"), "MAX_ROOT_FIELDS", /asks for 1000 root fields; the limit is 20/],
      // graphql-js's OverlappingFieldsCanBeMerged compares same-named fields pairwise: a quadratic walk if it ran first.
      ["1,000 identical root fields", `{ ${"me { login } ".repeat(1000)}}`, "MAX_ROOT_FIELDS", /asks for 1000 root fields; the limit is 20/],
      ["5,000 spreads of one fragment", `{ ${"...M ".repeat(5000)}} fragment M on Query { me { login } }`, "MAX_ROOT_FIELDS", /asks for 5000 root fields; the limit is 20/],
    ])("%s: 400 counted before graphql-js's rules (the default server refuses it earlier, at the body cap or the token limit)", async (_name, query, limit, message) => {
      for (const token of [null, head]) {
        const started = performance.now();
        const [reply, me] = await Promise.all([open.post(token, query), open.post(head, "{ me { login } }")]);
        const ms = performance.now() - started;
        expect(reply.status).toBe(400);
        expect(reply.body.data ?? null).toBeNull();
        expect(reply.body.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
        expect(reply.body.errors?.map((e) => e.extensions?.limit)).toContain(limit);
        expect(reply.body.errors?.map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
        expect(me.body).toEqual({ data: { me: { login: SCHOOL_900.head } } });
        console.log(`${_name} (${token ? "signed in" : "anonymous"}, ${h.db.config.type}): refused in ${ms.toFixed(1)} ms round trip`);
      }
      // And the default limits refuse the same document before validation.
      const early = await live.post(head, query);
      expect(early.status).toBe(query.length > h.config.maxBodyBytes ? 413 : 400);
      expect(early.body.errors?.[0].extensions?.code).toBe(query.length > h.config.maxBodyBytes ? "BAD_REQUEST" : "GRAPHQL_PARSE_FAILED");
    });
  });

  it("refuses the fragment bomb in validation in a linear walk, not by trying every path", async () => {
    const started = performance.now();
    const reply = await live.post(null, fragmentBomb(100));
    const elapsed = performance.now() - started;
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0].message).toMatch(/recursively requests too many selections/);
    // Loose on purpose: the exponential walk this replaces never returned at 40 levels.
    expect(elapsed).toBeLessThan(2000);
  });

  it("names the mutation limit in the error", async () => {
    const reply = await live.post(head, `mutation { ${Array.from({ length: 6 }, (_, i) => `m${i}: openOnlineService(schoolId: "${schoolId}") { id }`).join(" ")} }`);
    expect(reply.body.errors?.[0].message).toContain(`at most ${h.config.maxMutationFields} may run in one request (MAX_MUTATIONS_PER_REQUEST)`);
  });

  describe("the front ends' operations (operations/*.graphql) pass on the 900-pupil school", () => {
    const ask = async (login: string, name: string, variables: Record<string, unknown> = {}) => {
      const reply = await live.post(await h.token(login), operation(name), variables);
      expect({ name, errors: reply.body.errors }).toEqual({ name, errors: undefined });
      expect(reply.status).toBe(200);
      return reply.body.data!;
    };

    it("a teacher's class dashboard", async () => {
      const classId = await h.ids.class(SCHOOL_900.uai, SCHOOL_900.year, "6A");
      const data = await ask(SCHOOL_900.teacher, "teacher-class-dashboard", { classId, periodId });
      expect(data.class.students).toHaveLength(SCHOOL_900.pupilsPerClass);
      expect(data.class.periodicReports).toHaveLength(SCHOOL_900.pupilsPerClass);
    });

    it("a director's school dashboard: classes, pupils and report status", async () => {
      const data = await ask(SCHOOL_900.head, "director-school-dashboard", { schoolId });
      expect(data.school.classes).toHaveLength(SCHOOL_900.classes);
      const pupils = data.school.classes.flatMap((c: { students: unknown[] }) => c.students);
      expect(pupils).toHaveLength(900);
      expect(pupils.every((p: { periodicReports: unknown[] }) => p.periodicReports.length === 1)).toBe(true);
    });

    it("a guardian's whole record", async () => {
      const data = await ask(SCHOOL_900.guardian, "guardian-record");
      expect(data.myChildren).toHaveLength(1);
      expect(data.myChildren[0].periodicReports[0].entries).toHaveLength(8);
    });

    it("a DASEN's academy view", async () => {
      const data = await ask(SCHOOL_900.dasen, "dasen-academy");
      expect(data.schools.items.map((s: { uai: string }) => s.uai)).toEqual([SCHOOL_900.ecole.uai]);
    });

    it("`me` and a pupil search", async () => {
      expect((await ask(SCHOOL_900.head, "me")).me.login).toBe(SCHOOL_900.head);
      const found = await ask(SCHOOL_900.head, "pupil-search", { schoolId, name: "Eleve000" });
      expect(found.searchStudents.totalCount).toBe(10);
    });
  });
});
