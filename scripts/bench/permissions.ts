/**
 * `npm run bench -- permissions`: what the permission layer costs on a 1,000-row list, measured in-process.
 *
 * One in-memory SQLite database holds the demo directory plus 1,000 pupils in 25 classes of 40 (a class holds at
 * most 40, BOUND.pupilsPerClass) at one école. The same school-wide list query (every class of the school with its
 * pupils: 1,000 generated rows plus the demo's, × 5 fields) runs against the bare schema (no permissions) and the served
 * schema (graphql-shield applied), first with graphql-js `execute`, then through Apollo's
 * `executeOperation`. Database time is part of both sides. Runs are interleaved, alternating which
 * side goes first, and the median is reported. The target is an overhead under 10%; it is printed,
 * not enforced, because timings depend on the machine.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { execute, ExecutionResult, GraphQLSchema, parse } from "graphql";
import { ApolloServer } from "@apollo/server";
import { openDatabase } from "../../src/db/data-source";
import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { DEMO_DIRECTORY_FILE } from "../../src/common/project-root";
import { buildBareSchema, buildLivretSchema } from "../../src/schema";
import { Context, createContext } from "../../src/common/context";
import { fixedClock } from "../../src/common/clock";
import { currentSchoolYear } from "../../src/common/school-year";
import { loadPrincipal } from "../../src/auth/principal";
import { createApollo } from "../../src/http/server";
import { DEVELOPMENT_JWT_SECRET, loadConfig } from "../../src/config";
import { createTokenVerifier } from "../../src/auth/tokens";

const ROWS = 1000;
const CLASS_SIZE = 40;
const CLASSES = ROWS / CLASS_SIZE;
const WARMUP = 10;
// BENCH_RUNS raises the sample on a noisy machine.
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 30);
const TARGET_PERCENT = 10;
const SCHOOL = "0691001A";
const LOGIN = "director.moulin";
// The demo data's "today", so that the generated class is in the current school year.
const clock = fixedClock("2026-11-28T10:00:00Z");
const YEAR = currentSchoolYear(clock);

const QUERY = `query ($id: ID!) { school(id: $id) { classes { students { id ine surname firstName birthDate } } } }`;
const classCode = (i: number) => `BENCH${String(Math.floor(i / CLASS_SIZE)).padStart(2, "0")}`;

/** ROWS pupils of one école in CLASSES classes, in the directory-file format. */
function generatedDirectory(): string {
  const pupils = Array.from({ length: ROWS }, (_, i) => ({
    ine: `5${String(i).padStart(9, "0")}B`,
    // Names out of insertion order, so the ORDER BY does real work.
    surname: `Nom${String((i * 7919) % ROWS).padStart(4, "0")}`,
    firstName: `Prénom${i % 37}`,
    birthDate: `2016-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
    enrolments: [{ school: SCHOOL, schoolYear: YEAR, class: classCode(i), level: "CM2" }],
  }));
  return JSON.stringify({
    format: "livret-directory/1",
    classes: Array.from({ length: CLASSES }, (_, k) => ({
      school: SCHOOL,
      schoolYear: YEAR,
      code: classCode(k * CLASS_SIZE),
      label: `Banc d'essai ${k + 1}`,
      levels: ["CM2"],
    })),
    pupils,
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

type Op = () => Promise<unknown>;

/** Warms both up, then times them interleaved; returns each one's per-run milliseconds. */
async function interleaved(a: Op, b: Op): Promise<[number[], number[]]> {
  for (let i = 0; i < WARMUP; i++) {
    await a();
    await b();
  }
  const times: [number[], number[]] = [[], []];
  const ops = [a, b];
  for (let round = 0; round < RUNS; round++) {
    // Alternating which goes first keeps GC and cache effects from always landing on the same side.
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) {
      const start = performance.now();
      await ops[k]();
      times[k].push(performance.now() - start);
    }
  }
  return times;
}

function report(label: string, bare: number[], served: number[], verdict = true): void {
  const b = median(bare);
  const s = median(served);
  // Paired by round: both sides of a round ran back to back, so machine noise mostly cancels out.
  const overhead = (median(served.map((t, i) => t / bare[i])) - 1) * 100;
  console.log(label);
  console.log(`  bare schema    ${b.toFixed(2).padStart(8)} ms/op  (min ${Math.min(...bare).toFixed(2)})`);
  console.log(`  served schema  ${s.toFixed(2).padStart(8)} ms/op  (min ${Math.min(...served).toFixed(2)})`);
  const line = `  permission overhead ${overhead >= 0 ? "+" : ""}${overhead.toFixed(1)}% (median of paired ratios; medians alone: ${(((s - b) / b) * 100).toFixed(1)}%)`;
  console.log(verdict ? `${line}\n  target < ${TARGET_PERCENT}%: ${overhead < TARGET_PERCENT ? "PASS" : "ABOVE TARGET"}` : line);
}

/** The school's pupils this year (the generated ones and the demo's), as the list must return them. */
let expectedRows = 0;

/** Fails loudly when a run did not return the full list: timing an error would be meaningless. */
function checked(result: ExecutionResult, label: string): void {
  if (result.errors?.length) throw new Error(`${label}: ${JSON.stringify(result.errors)}`);
  const classes = (result.data as { school?: { classes?: Array<{ students: unknown[] }> } } | null)?.school?.classes;
  const rows = classes?.reduce((n, c) => n + c.students.length, 0);
  if (rows !== expectedRows) throw new Error(`${label}: expected ${expectedRows} rows, got ${rows}`);
}

export async function benchPermissions(): Promise<void> {
  const { dataSource } = await openDatabase({ type: "better-sqlite3", database: ":memory:" });
  await loadDirectoryText(dataSource, fs.readFileSync(DEMO_DIRECTORY_FILE(), "utf8"));
  await loadDirectoryText(dataSource, generatedDirectory());
  const [{ id: schoolId }] = await dataSource.query("SELECT id FROM school WHERE uai = ?", [SCHOOL]);
  const classIds: number[] = (await dataSource.query("SELECT id FROM school_class WHERE schoolId = ? AND schoolYear = ?", [schoolId, YEAR])).map(
    (c: { id: number }) => Number(c.id),
  );
  const [{ n }] = await dataSource.query("SELECT COUNT(*) AS n FROM enrolment WHERE classId IN (" + classIds.map(() => "?").join(",") + ")", classIds);
  expectedRows = Number(n);
  if (expectedRows < ROWS) throw new Error(`expected at least ${ROWS} pupils at ${SCHOOL}, found ${expectedRows}`);
  const variables = { id: String(schoolId) };
  const principal = await loadPrincipal(dataSource.manager, LOGIN, YEAR);
  if (!principal) throw new Error(`no account ${LOGIN}`);
  // A fresh context per operation, as in a real request: its DataLoaders must not cache across runs.
  const context = (): Context => createContext({ requestId: randomUUID(), principal, dataSource, clock });

  const bare = await buildBareSchema();
  const served = await buildLivretSchema();
  const document = parse(QUERY);
  // A near-zero overhead only means something if the served schema really checks: anonymous must be refused.
  const anonymous = await execute({
    schema: served,
    document,
    variableValues: variables,
    contextValue: createContext({ requestId: randomUUID(), principal: null, dataSource, clock }),
  });
  if (!anonymous.errors?.length) throw new Error("the served schema let an anonymous caller read the list");

  console.log(`Livret permission-layer bench: ${expectedRows} rows (${classIds.length} classes) × 5 fields, SQLite in memory, as ${LOGIN}`);
  console.log(`Node ${process.version}; ${WARMUP} warm-up and ${RUNS} timed runs per side, interleaved; medians.`);
  // Other work on the machine widens the spread; the load average says how much there was.
  console.log(`${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}.\n`);

  const viaExecute = (schema: GraphQLSchema, label: string) => async () =>
    checked(await execute({ schema, document, variableValues: variables, contextValue: context() }), label);
  const [execBare, execServed] = await interleaved(viaExecute(bare, "execute/bare"), viaExecute(served, "execute/served"));
  report("graphql-js execute", execBare, execServed);

  // The share of that time spent fetching and hydrating the rows, which both sides pay alike.
  const loadRows = async () => {
    const lists = await context().loaders.studentsByClass.loadMany(classIds);
    const rows = lists.reduce((k: number, l) => k + (l instanceof Error ? 0 : l.length), 0);
    if (rows !== expectedRows) throw new Error(`loader: expected ${expectedRows} rows, got ${rows}`);
  };
  const [dbTimes] = await interleaved(loadRows, async () => undefined);
  const db = median(dbTimes);
  const executionOnly = median(execBare) - db;
  console.log(
    `  of which loading the rows (SQL + TypeORM hydration): ${db.toFixed(2)} ms; ` +
      `overhead against execution alone (${executionOnly.toFixed(2)} ms): ` +
      `${(((median(execServed) - median(execBare)) / executionOnly) * 100).toFixed(1)}%`,
  );

  const config = loadConfig({ NODE_ENV: "development", JWT_SECRET: DEVELOPMENT_JWT_SECRET } as NodeJS.ProcessEnv);
  const apollo = (schema: GraphQLSchema) =>
    createApollo({ config, schema, dataSource, clock, verifier: createTokenVerifier(config.jwt) });
  const apolloBare = apollo(bare);
  const apolloServed = apollo(served);
  await Promise.all([apolloBare.start(), apolloServed.start()]);
  const viaApollo = (server: ApolloServer<Context>, label: string) => async () => {
    const response = await server.executeOperation({ query: QUERY, variables }, { contextValue: context() });
    if (response.body.kind !== "single") throw new Error(`${label}: unexpected incremental response`);
    checked(response.body.singleResult as ExecutionResult, label);
  };
  const [apBare, apServed] = await interleaved(viaApollo(apolloBare, "apollo/bare"), viaApollo(apolloServed, "apollo/served"));
  console.log();
  report("Apollo executeOperation (parse/validate cached, plugins, cost limit; no HTTP)", apBare, apServed);

  // For comparison only: one field with its own rule per row (Student.guardians, staff only) is
  // wrapped by the middleware on each of the 1,000 rows, unlike the fields that inherit their parent's.
  const guardiansQuery = parse(`query ($id: ID!) { school(id: $id) { classes { students { id ine surname firstName birthDate guardians { surname } } } } }`);
  const viaExecuteGuardians = (schema: GraphQLSchema, label: string) => async () =>
    checked(await execute({ schema, document: guardiansQuery, variableValues: variables, contextValue: context() }), label);
  const [gBare, gServed] = await interleaved(viaExecuteGuardians(bare, "guardians/bare"), viaExecuteGuardians(served, "guardians/served"));
  console.log();
  report("For comparison, graphql-js execute with a per-row rule (+ Student.guardians, no target)", gBare, gServed, false);

  await Promise.all([apolloBare.stop(), apolloServed.stop()]);
  await dataSource.destroy();
}
