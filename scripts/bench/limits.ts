/**
 * `npm run bench -- limits`: what the heaviest requests the limits accept cost on the generated 900-pupil
 * collège (scripts/support/school-900.ts), in-process on SQLite: each front-end operation of operations/ and
 * the heaviest shapes found under the cost budget, with time (median), peak heap growth and answer size, against
 * the limits the README states (REQUEST_TIMEOUT_MS, MAX_RESPONSE_BYTES). Printed, never enforced.
 */
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { getOperationAST, parse } from "graphql";
import { openDatabase } from "../../src/db/data-source";
import { buildLivretSchema } from "../../src/schema";
import { createContext } from "../../src/common/context";
import { fixedClock } from "../../src/common/clock";
import { currentSchoolYear } from "../../src/common/school-year";
import { loadPrincipal } from "../../src/auth/principal";
import { AddressInfo } from "node:net";
import { createApollo, createServer } from "../../src/http/server";
import { Config, DEVELOPMENT_JWT_SECRET, loadConfig } from "../../src/config";
import { createTokenVerifier, signDevelopmentToken } from "../../src/auth/tokens";
import { DataSource } from "typeorm";
import { aliases, fragmentBomb } from "../support/hostile";
import { estimateOperation } from "../../src/http/limits";
import { projectRoot } from "../../src/common/project-root";
import { loadSchool900, SCHOOL_900 } from "../support/school-900";

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
const clock = fixedClock("2026-11-28T10:00:00Z");

export async function benchLimits(): Promise<void> {
  const config = loadConfig({ NODE_ENV: "test", JWT_SECRET: DEVELOPMENT_JWT_SECRET } as NodeJS.ProcessEnv);
  // The bench measures the work, so the answer cap and deadline only report; rate limits are out of the way.
  const measured = { ...config, maxResponseBytes: Number.MAX_SAFE_INTEGER, requestTimeoutMs: 600_000, rateLimit: { ...config.rateLimit, accountPoints: 1e12, addressPoints: 1e12 } };
  const db = await openDatabase({ type: "better-sqlite3", database: ":memory:" });
  const loadStart = performance.now();
  const reports = await loadSchool900(db.dataSource);
  console.log(`900-pupil school generated: ${reports} reports in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
  const schema = await buildLivretSchema();
  const apollo = createApollo({ config: measured, schema, dataSource: db.dataSource, clock, verifier: createTokenVerifier(config.jwt) });
  await apollo.start();
  const id = async (sql: string, params: unknown[]) => String(((await db.dataSource.query(sql, params)) as Array<{ id: number }>)[0].id);
  const schoolId = await id("SELECT id FROM school WHERE uai = ?", [SCHOOL_900.uai]);
  const classId = await id("SELECT id FROM school_class WHERE schoolId = ? AND code = '6A'", [schoolId]);
  const periodId = await id("SELECT p.id FROM period p JOIN school_class c ON c.periodSchemeId = p.schemeId WHERE c.id = ? AND p.position = 1", [classId]);
  const op = (name: string) => fs.readFileSync(path.join(projectRoot(), "operations", `${name}.graphql`), "utf8");
  const classReports = `school(id: "${schoolId}") { classes { periodicReports(periodId: "${periodId}") { id status entries { subject { code } positioning appreciation } } } }`;
  const reportScalars = "id status version readOnly source schoolYear lockedAt synthesis schoolLife { lateCount justifiedAbsences unjustifiedAbsences comment }";
  const wholeReports = `school(id: "${schoolId}") { classes { periodicReports(periodId: "${periodId}") { ${reportScalars} student { id ine surname firstName } entries { id subject { code label } positioning appreciation studentAverage classAverage teachers { id surname firstName } } } } }`;
  const scalarReports = `school(id: "${schoolId}") { classes { periodicReports(periodId: "${periodId}") { ${reportScalars} student { id ine surname firstName birthDate } } } }`;
  const pupils = `school(id: "${schoolId}") { classes { code students { id ine surname firstName birthDate enrolments { schoolYear level } } } }`;
  const aliased = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
  const cases: Array<[string, string, string, Record<string, unknown>]> = [
    ["teacher class dashboard", SCHOOL_900.teacher, op("teacher-class-dashboard"), { classId, periodId }],
    ["director school dashboard", SCHOOL_900.head, op("director-school-dashboard"), { schoolId }],
    ["guardian record", SCHOOL_900.guardian, op("guardian-record"), {}],
    ["DASEN academy", SCHOOL_900.dasen, op("dasen-academy"), {}],
    ["me", SCHOOL_900.head, op("me"), {}],
    ["pupil search", SCHOOL_900.head, op("pupil-search"), { schoolId, name: "Eleve0" }],
    ["2 aliases of the school's class reports with entries", SCHOOL_900.head, aliased(2, classReports), {}],
    ["the school's class reports with every entry part but elements", SCHOOL_900.head, `{ ${wholeReports} }`, {}],
    ["4 aliases of the school's class reports, every scalar", SCHOOL_900.head, aliased(4, scalarReports), {}],
    ["2 aliases of the school's pupils with enrolments", SCHOOL_900.head, aliased(2, pupils), {}],
    ["3 aliases of the school's class reports with entries (refused)", SCHOOL_900.head, aliased(3, classReports), {}],
    ["12 aliases of the same (refused)", SCHOOL_900.head, aliased(12, classReports), {}],
  ];
  const rows: string[] = [];
  let worst = { name: "", ms: 0, heapMb: 0, bytes: 0 };
  let worstBytes = 0;
  let worstHeap = 0;
  for (const [name, login, query, variables] of cases) {
    const doc = parse(query);
    const { cost, largeLists } = estimateOperation(schema, doc, getOperationAST(doc)!, variables, config.largeListRows);
    const principal = await loadPrincipal(db.dataSource.manager, login, currentSchoolYear(clock));
    const times: number[] = [];
    let bytes = 0;
    let heapMb = 0;
    let refused = "";
    for (let run = 0; run < RUNS + 1; run++) {
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      let peak = heapBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
      const started = performance.now();
      const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext({ requestId: randomUUID(), principal, dataSource: db.dataSource, clock }) });
      const ms = performance.now() - started;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      if (response.body.kind !== "single") throw new Error("incremental response");
      const result = response.body.singleResult;
      if (result.errors?.length) refused = String(result.errors[0].extensions?.code);
      bytes = Buffer.byteLength(JSON.stringify(result));
      if (run > 0) times.push(ms); // the first run warms the statement cache
      heapMb = Math.max(heapMb, (peak - heapBefore) / 1e6);
    }
    times.sort((a, b) => a - b);
    const ms = times[Math.floor(times.length / 2)];
    rows.push(`${name.padEnd(66)} cost ${String(cost).padStart(8)} large ${largeLists}  ${refused ? `REFUSED ${refused}` : `${ms.toFixed(0).padStart(5)} ms  heap +${heapMb.toFixed(0).padStart(4)} MB  ${(bytes / 1e3).toFixed(0).padStart(6)} kB`}`);
    if (!refused && ms > worst.ms) worst = { name, ms, heapMb, bytes };
    worstBytes = refused ? worstBytes : Math.max(worstBytes, bytes);
    worstHeap = refused ? worstHeap : Math.max(worstHeap, heapMb);
  }
  console.log(rows.join("\n"));
  console.log(`\nbudget MAX_QUERY_COST ${config.maxCost}, MAX_LARGE_LISTS ${config.maxLargeLists} (of ${config.largeListRows} rows or more); worst accepted request: ${worst.name}`);
  console.log(`  time ${worst.ms.toFixed(0)} ms (limit REQUEST_TIMEOUT_MS ${config.requestTimeoutMs}: ${worst.ms < config.requestTimeoutMs ? "within" : "OVER"})`);
  console.log(`  answer ${(worst.bytes / 1e6).toFixed(2)} MB (limit MAX_RESPONSE_BYTES ${config.maxResponseBytes / 1e6} MB: ${worst.bytes < config.maxResponseBytes ? "within" : "OVER"})`);
  console.log(`  peak heap growth ${worst.heapMb.toFixed(0)} MB (target: under 256 MB)`);
  console.log(`largest accepted answer ${(worstBytes / 1e6).toFixed(2)} MB, largest heap growth ${worstHeap.toFixed(0)} MB`);
  await apollo.stop();
  await benchRefusals(config, db.dataSource);
  await db.dataSource.destroy();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * What a refused flood costs the server over HTTP (loopback), as a ratio to a trivial query answered in the same
 * rounds, alternating. The body cap, token and selection limits are raised so that the floods reach the breadth
 * count before graphql-js's rules (src/http/precheck.ts); the default server refuses most of them earlier still.
 */
async function benchRefusals(config: Config, dataSource: DataSource): Promise<void> {
  const rounds = Math.max(5, RUNS * 4);
  const open = { ...config, maxBodyBytes: 10_000_000, maxTokens: 1_000_000, maxSelections: 1_000_000, rateLimit: { ...config.rateLimit, accountPoints: 1e12, addressPoints: 1e12 } };
  const server = await createServer({ config: open, schema: await buildLivretSchema(), dataSource, clock, verifier: createTokenVerifier(config.jwt) });
  await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`;
  const token = await signDevelopmentToken(config.jwt, SCHOOL_900.head);
  const post = async (query: string) => {
    const started = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string; limit?: string } }> };
    return { ms: performance.now() - started, status: response.status, refusal: body.errors?.[0]?.extensions?.limit ?? body.errors?.[0]?.extensions?.code ?? "" };
  };
  const trivial = "{ me { login } }";
  const floods: Array<[string, string]> = [
    ["10,000 aliases", aliases(10_000)],
    ["1,000 root fields", aliases(1000, "__typename")],
    ["1,000 identical root fields", `{ ${"me { login } ".repeat(1000)}}`],
    ["5,000 spreads of one fragment", `{ ${"...M ".repeat(5000)}} fragment M on Query { me { login } }`],
    ["a fragment bomb of 40 levels", fragmentBomb(40)],
    ["a fragment bomb of 100 levels", fragmentBomb(100)],
    ["a fragment cycle", "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }"],
  ];
  await post(trivial); // warms the caller cache and the statement cache
  const rows: string[] = [];
  for (const [name, query] of floods) {
    const base: number[] = [];
    const refused: number[] = [];
    let last = { status: 0, refusal: "" };
    for (let round = 0; round < rounds; round++) {
      base.push((await post(trivial)).ms);
      const reply = await post(query);
      refused.push(reply.ms);
      last = reply;
    }
    const ms = median(refused);
    rows.push(
      `${name.padEnd(32)} ${(query.length / 1e3).toFixed(1).padStart(6)} kB  ${last.status} ${last.refusal.padEnd(26)} ${ms.toFixed(1).padStart(6)} ms  ` +
        `${(ms / median(base)).toFixed(1).padStart(5)}x the trivial query (${median(base).toFixed(1)} ms)`,
    );
  }
  console.log(`\nrefusals over HTTP with MAX_BODY_BYTES, MAX_QUERY_TOKENS and MAX_QUERY_SELECTIONS raised (median of ${rounds}, alternating with \`${trivial}\`; target: under 50 ms):`);
  console.log(rows.join("\n"));
  await server.stop();
}
