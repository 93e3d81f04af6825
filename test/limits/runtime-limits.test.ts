import Redis from "ioredis";
import { GraphQLObjectType } from "graphql";
import { createHarness, Harness, UAI } from "../support/harness";
import { expectNoLeak, LiveServer, startServer } from "../http/client";
import { createRateLimits, RateLimited } from "../../src/http/rate-limit";
import { Deadline } from "../../src/common/deadline";
import { ErrorCode } from "../../src/common/errors";
import { createContext, inTransaction } from "../../src/common/context";
import { BOUND } from "../../src/common/bounds";

const REDIS_URL = process.env.LIVRET_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("the per-request deadline (R17): ctx.deadline.check()", () => {
  it("passes before the deadline, throws UNAVAILABLE after it and remembers it tripped", () => {
    // Far from passing: a loaded machine can pause tens of milliseconds between two statements.
    const d = new Deadline(60_000, Date.now());
    expect(() => d.check()).not.toThrow();
    const late = new Deadline(10, Date.now() - 20);
    expect(() => late.check()).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: ErrorCode.UNAVAILABLE }) }));
    expect(late.tripped).toBe(true);
  });

  it("stops a write before its transaction starts once the deadline has passed", async () => {
    const h = await createHarness("deadline_tx", { demo: false });
    try {
      const ctx = createContext({ requestId: "r", principal: null, dataSource: h.db.dataSource, clock: h.clock, deadline: new Deadline(1, Date.now() - 5) });
      let ran = false;
      await expect(inTransaction(ctx, async () => (ran = true))).rejects.toMatchObject({ extensions: { code: ErrorCode.UNAVAILABLE } });
      expect(ran).toBe(false);
    } finally {
      await h.close();
    }
  });
});

describe("deadline, answer cap and rate limits over HTTP", () => {
  let h: Harness;
  let live: LiveServer;
  let director: string;
  beforeAll(async () => {
    h = await createHarness("runtime_limits", {
      demoReports: true,
      config: { requestTimeoutMs: 1, maxResponseBytes: 2000, rateLimit: { windowSeconds: 60, accountPoints: 1e9, addressPoints: 1e9 } },
    });
    live = await startServer(h);
    director = await h.token("director.moulin");
  });
  afterAll(async () => {
    await live.server.stop();
    await h.close();
  });

  it("answers 503 UNAVAILABLE with Retry-After once the deadline passed, instead of running on", async () => {
    // 1 ms: authentication alone outlasts it, so the first resolver refuses to start.
    const reply = await live.post(director, "{ me { login roles { school { name classes { students { id } } } } } }");
    expect(reply.status).toBe(503);
    expect(reply.headers.get("retry-after")).toBe("1");
    expect(reply.body.data ?? null).toBeNull();
    expect(reply.body.errors).toHaveLength(1);
    expect(reply.body.errors![0].extensions?.code).toBe("UNAVAILABLE");
    expect(reply.body.errors![0].message).toContain("REQUEST_TIMEOUT_MS");
    expectNoLeak(reply.text);
  });

  it("refuses an answer above MAX_RESPONSE_BYTES with a code naming the limit, not the data", async () => {
    h.config.requestTimeoutMs = 5000;
    try {
      const reply = await live.post(director, "{ subjects { code label degree parentCode } }");
      expect(reply.status).toBe(400);
      expect(reply.body.data ?? null).toBeNull();
      expect(reply.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "MAX_RESPONSE_BYTES", maxBytes: 2000 });
      expect(reply.text.length).toBeLessThan(2000);
      const small = await live.post(director, "{ me { login } }");
      expect(small.body).toEqual({ data: { me: { login: "director.moulin" } } });
    } finally {
      h.config.requestTimeoutMs = 1;
    }
  });
});

describe.each([
  ["memory", undefined],
  ["Redis", REDIS_URL],
])("rate limits weighted by cost (R16), %s store", (_store, redisUrl) => {
  const keyPrefix = `livret-test:${process.pid}:${Date.now()}:${_store}`;
  afterAll(async () => {
    if (!redisUrl) return;
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it("refuses a key over its budget with TOO_MANY_REQUESTS and Retry-After; other keys are unaffected", async () => {
    const limits = createRateLimits({ redisUrl, windowSeconds: 30, accountPoints: 100, addressPoints: 1000 }, { keyPrefix });
    try {
      await limits.charge("account", "u1", 60);
      await limits.charge("account", "u1", 40);
      const refusal = await limits.charge("account", "u1", 1).then(() => null, (e) => e);
      expect(refusal).toBeInstanceOf(RateLimited);
      expect(refusal.extensions.code).toBe("TOO_MANY_REQUESTS");
      expect(refusal.retryAfterSeconds).toBeGreaterThan(0);
      expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(30);
      await expect(limits.charge("account", "u2", 100)).resolves.toBeUndefined();
      await expect(limits.charge("address", "u1", 500)).resolves.toBeUndefined();
    } finally {
      await limits.close();
    }
  });

  it("answers an operation over the account's budget with HTTP 429 and Retry-After", async () => {
    const limits = createRateLimits({ redisUrl, windowSeconds: 30, accountPoints: 50, addressPoints: 1e9 }, { keyPrefix: `${keyPrefix}:http` });
    const h = await createHarness(`rate_limits_${_store.toLowerCase()}`);
    h.deps.rateLimits = limits;
    const live = await startServer(h);
    try {
      const token = await h.token("director.moulin");
      const cheap = await live.post(token, "{ me { login } }");
      expect(cheap.status).toBe(200);
      // Cost 1 + 60 × 1 + 1 = 62, more than the 50 points of the window.
      const costly = await live.post(token, "{ schools(limit: 60) { items { name } } }");
      expect(costly.status).toBe(429);
      expect(Number(costly.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(costly.body.errors![0].extensions?.code).toBe("TOO_MANY_REQUESTS");
      expect(costly.body.data ?? null).toBeNull();
      const other = await live.post(await h.token("head.hugo"), "{ me { login } }");
      expect(other.body).toEqual({ data: { me: { login: "head.hugo" } } });
    } finally {
      await live.server.stop();
      await h.close();
    }
  });
});

describe("list bounds are enforced on write (src/common/bounds.ts)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("write_bounds", { demoReports: true });
  });
  afterAll(() => h.close());

  it(`refuses more than ${BOUND.classProgramElementsPerSubject} whole-class program elements in one call, and accepts exactly that many`, async () => {
    const classId = await h.ids.class(UAI.moulin, 2026, "CP");
    const periodId = await h.ids.period(UAI.moulin, 2026, "CP", 1);
    const q = `mutation($c: ID!, $p: ID!, $l: [String!]!) { setClassProgramElements(classId: $c, periodId: $p, subjectCode: "MAT-RAC", labels: $l) { label } }`;
    const labels = (n: number) => Array.from({ length: n }, (_, i) => `Élément ${i}`);
    const over = await h.run("director.moulin", q, { c: classId, p: periodId, l: labels(BOUND.classProgramElementsPerSubject + 1) });
    expectBound(over, "classProgramElementsPerSubject", BOUND.classProgramElementsPerSubject);
    expect(over.errors?.[0].message).toContain(`at most ${BOUND.classProgramElementsPerSubject}`);
    const exact = await h.data("director.moulin", q, { c: classId, p: periodId, l: labels(BOUND.classProgramElementsPerSubject) });
    expect(exact.setClassProgramElements).toHaveLength(BOUND.classProgramElementsPerSubject);
  });

  const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdatePeriodicReportInput!) {
    updatePeriodicReport(id: $id, expectedVersion: $v, input: $input) { version entries { subject { code } teachers { surname } programElements { label } } referenceTeachers { surname } } }`;
  const report = async (ine: string, uai: string, code: string) => {
    const periodId = Number(await h.ids.period(uai, 2026, code, 1));
    const rows: Array<{ id: number; version: number }> = await h.db.dataSource.query(
      "SELECT r.id, r.version FROM periodic_report r JOIN student s ON s.id = r.studentId WHERE s.ine = ? AND r.periodId = ?",
      [ine, periodId],
    );
    return { id: String(rows[0].id), v: Number(rows[0].version) };
  };
  const count = async (sql: string, params: unknown[]) => Number((await h.db.dataSource.query(sql, params))[0].n);
  const expectBound = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }, limit: string, max: number) =>
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "R-PUB-19", limit, max });
  /** Accounts of the demo other than `but`, to name on an entry or a report. */
  const otherAccounts = async (but: string, n: number): Promise<number[]> =>
    ((await h.db.dataSource.query("SELECT id FROM account WHERE login <> ? ORDER BY id", [but])) as Array<{ id: number }>).slice(0, n).map((r) => Number(r.id));

  it(`R-PUB-19: a report has at most ${BOUND.entriesPerReport} subjects: ${BOUND.entriesPerReport} are kept, one more is refused (in one save or over several)`, async () => {
    // The demo knows 10 collège subjects: add enough to fill a report past its bound.
    const extra = Array.from({ length: BOUND.entriesPerReport + 1 }, (_, i) => `9100${String(i).padStart(2, "0")}`);
    for (const code of extra) await h.db.dataSource.query("INSERT INTO subject (code, label, degree, parentCode) VALUES (?, ?, 'SECOND', NULL)", [code, `Matière ${code}`]);
    const r = await report("2000000002B", UAI.hugo, "6A");
    const entriesOf = () => count("SELECT COUNT(*) AS n FROM report_entry WHERE reportId = ?", [Number(r.id)]);
    const have = await entriesOf();
    const entry = (code: string) => ({ subjectCode: code, positioning: 2 });

    const tooMany = await h.run("head.hugo", UPDATE, { id: r.id, v: r.v, input: { entries: extra.map(entry) } });
    expectBound(tooMany, "entriesPerReport", BOUND.entriesPerReport);
    expect(await entriesOf()).toBe(have);

    const fill = extra.slice(0, BOUND.entriesPerReport - have);
    const full = await h.data("head.hugo", UPDATE, { id: r.id, v: r.v, input: { entries: fill.map(entry) } });
    expect(full.updatePeriodicReport.entries).toHaveLength(BOUND.entriesPerReport);
    const oneMore = await h.run("head.hugo", UPDATE, { id: r.id, v: full.updatePeriodicReport.version, input: { entries: [entry(extra[BOUND.entriesPerReport])] } });
    expectBound(oneMore, "entriesPerReport", BOUND.entriesPerReport);
    expect(await entriesOf()).toBe(BOUND.entriesPerReport);
    // Replacing and removing stay possible at the bound.
    const swapped = await h.data("head.hugo", UPDATE, {
      id: r.id,
      v: full.updatePeriodicReport.version,
      input: { entries: [{ subjectCode: fill[0], remove: true }, entry(extra[BOUND.entriesPerReport])] },
    });
    expect(swapped.updatePeriodicReport.entries).toHaveLength(BOUND.entriesPerReport);
  });

  it(`R-PUB-19: an entry has at most ${BOUND.pupilProgramElementsPerEntry} program elements of the pupil's own`, async () => {
    const r = await report("2000000001A", UAI.hugo, "6A");
    const labels = (n: number) => Array.from({ length: n }, (_, i) => `Élément travaillé ${i}`);
    const over = await h.run("head.hugo", UPDATE, { id: r.id, v: r.v, input: { entries: [{ subjectCode: "061300", programElements: labels(BOUND.pupilProgramElementsPerEntry + 1) }] } });
    expectBound(over, "pupilProgramElementsPerEntry", BOUND.pupilProgramElementsPerEntry);
    expect(over.errors?.[0].message).toContain("entries[0].programElements");
    const exact = await h.data("head.hugo", UPDATE, { id: r.id, v: r.v, input: { entries: [{ subjectCode: "061300", programElements: labels(BOUND.pupilProgramElementsPerEntry) }] } });
    const maths = exact.updatePeriodicReport.entries.find((e: { subject: { code: string } }) => e.subject.code === "061300");
    expect(maths.programElements).toHaveLength(BOUND.pupilProgramElementsPerEntry);
  });

  it(`R-PUB-19: at most ${BOUND.teachersPerEntry} teachers are named on an entry: the teacher who would be the next one is refused`, async () => {
    const r = await report("2000000004D", UAI.hugo, "4A");
    const first = await h.data("head.hugo", UPDATE, { id: r.id, v: r.v, input: { entries: [{ subjectCode: "061300", positioning: 3 }] } });
    const entryId = Number((await h.db.dataSource.query("SELECT id FROM report_entry WHERE reportId = ? AND subjectCode = '061300'", [Number(r.id)]))[0].id);
    const named = () => count("SELECT COUNT(*) AS n FROM report_entry_teacher WHERE entryId = ?", [entryId]);
    await h.db.dataSource.query("DELETE FROM report_entry_teacher WHERE entryId = ?", [entryId]);
    const others = await otherAccounts("teacher.maths", BOUND.teachersPerEntry);
    for (const accountId of others.slice(0, BOUND.teachersPerEntry - 1)) await h.db.dataSource.query("INSERT INTO report_entry_teacher (entryId, accountId) VALUES (?, ?)", [entryId, accountId]);
    let v = first.updatePeriodicReport.version;
    const tenth = await h.data("teacher.maths", UPDATE, { id: r.id, v, input: { entries: [{ subjectCode: "061300", positioning: 4 }] } });
    expect(tenth.updatePeriodicReport.entries.find((e: { subject: { code: string } }) => e.subject.code === "061300").teachers).toHaveLength(BOUND.teachersPerEntry);
    v = tenth.updatePeriodicReport.version;
    await h.db.dataSource.query("DELETE FROM report_entry_teacher WHERE entryId = ? AND accountId = (SELECT id FROM account WHERE login = 'teacher.maths')", [entryId]);
    await h.db.dataSource.query("INSERT INTO report_entry_teacher (entryId, accountId) VALUES (?, ?)", [entryId, others[BOUND.teachersPerEntry - 1]]);
    const eleventh = await h.run("teacher.maths", UPDATE, { id: r.id, v, input: { entries: [{ subjectCode: "061300", positioning: 1 }] } });
    expectBound(eleventh, "teachersPerEntry", BOUND.teachersPerEntry);
    expect(await named()).toBe(BOUND.teachersPerEntry);
  });

  it(`R-PUB-19: a 1D report has at most ${BOUND.teachersPerEntry} reference teachers: the teacher who would be the next one is refused`, async () => {
    const r = await report("1000000003C", UAI.moulin, "CE1");
    const named = () => count("SELECT COUNT(*) AS n FROM report_reference_teacher WHERE reportId = ?", [Number(r.id)]);
    await h.db.dataSource.query("DELETE FROM report_reference_teacher WHERE reportId = ?", [Number(r.id)]);
    const others = await otherAccounts("teacher.ce1", BOUND.teachersPerEntry);
    for (const accountId of others.slice(0, BOUND.teachersPerEntry - 1)) await h.db.dataSource.query("INSERT INTO report_reference_teacher (reportId, accountId) VALUES (?, ?)", [Number(r.id), accountId]);
    const tenth = await h.data("teacher.ce1", UPDATE, { id: r.id, v: r.v, input: { synthesis: "Une synthèse." } });
    expect(tenth.updatePeriodicReport.referenceTeachers).toHaveLength(BOUND.teachersPerEntry);
    await h.db.dataSource.query("DELETE FROM report_reference_teacher WHERE reportId = ? AND accountId = (SELECT id FROM account WHERE login = 'teacher.ce1')", [Number(r.id)]);
    await h.db.dataSource.query("INSERT INTO report_reference_teacher (reportId, accountId) VALUES (?, ?)", [Number(r.id), others[BOUND.teachersPerEntry - 1]]);
    const eleventh = await h.run("teacher.ce1", UPDATE, { id: r.id, v: tenth.updatePeriodicReport.version, input: { synthesis: "Une autre synthèse." } });
    expectBound(eleventh, "teachersPerEntry", BOUND.teachersPerEntry);
    expect(await named()).toBe(BOUND.teachersPerEntry);
  });

  it("has one cost model: no field carries its own complexity estimate", () => {
    const withComplexity = Object.values(h.schema.getTypeMap())
      .filter((t): t is import("graphql").GraphQLObjectType => t instanceof GraphQLObjectType && !t.name.startsWith("__"))
      .flatMap((t) => Object.values(t.getFields()).filter((f) => f.extensions?.complexity !== undefined).map((f) => `${t.name}.${f.name}`));
    expect(withComplexity).toEqual([]);
  });

  it("states each list's bound in the schema's description", () => {
    const field = h.schema.getType("ReportEntry") as import("graphql").GraphQLObjectType;
    expect(field.getFields().programElements.description).toContain(`At most ${BOUND.classProgramElementsPerSubject + BOUND.pupilProgramElementsPerEntry} items`);
  });
});
