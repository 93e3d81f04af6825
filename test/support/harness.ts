import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { GraphQLSchema } from "graphql";
import { ApolloServer } from "@apollo/server";
import { Config, DEVELOPMENT_JWT_SECRET, loadConfig } from "../../src/config";
import { Clock, fixedClock } from "../../src/common/clock";
import { Context, createContext } from "../../src/common/context";
import { currentSchoolYear } from "../../src/common/school-year";
import { loadPrincipal } from "../../src/auth/principal";
import { createTokenVerifier, signDevelopmentToken } from "../../src/auth/tokens";
import { DEMO_DIRECTORY_FILE, DEMO_REPORTS_FILE } from "../../src/common/project-root";
import { loadDemoReports } from "../../src/db/demo-reports";
import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { buildLivretSchema } from "../../src/schema";
import { createApollo, ServerDeps } from "../../src/http/server";
import { openTestDatabase, TestDatabase } from "./test-database";

/** The demo data's "today": a Saturday late in the first trimester of 2026-2027. */
export const DEMO_TODAY = "2026-11-28T10:00:00Z";

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

export interface Harness {
  db: TestDatabase;
  schema: GraphQLSchema;
  config: Config;
  clock: Clock;
  deps: ServerDeps;
  apollo: ApolloServer<Context>;
  /** Runs an operation as `login` (null: anonymous) through Apollo's full pipeline, without HTTP. */
  run<T = Record<string, any>>(login: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Like run, but fails the test on any error and returns the data. */
  data<T = Record<string, any>>(login: string | null, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Database ids by natural key, for building operations. */
  ids: DemoIds;
  token(login: string): Promise<string>;
  close(): Promise<void>;
}

export interface DemoIds {
  school(uai: string): Promise<string>;
  class(uai: string, year: number, code: string): Promise<string>;
  group(uai: string, year: number, code: string): Promise<string>;
  student(ine: string): Promise<string>;
  /** A period of a class, by its position in the class's scheme. */
  period(uai: string, year: number, code: string, position: number): Promise<string>;
}

export const UAI = { moulin: "0691001A", hugo: "0692002B", parc: "0381003C" } as const;

export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: "test", JWT_SECRET: DEVELOPMENT_JWT_SECRET } as NodeJS.ProcessEnv);
  return { ...base, ...overrides };
}

/** A migrated database with the demo directory loaded, and the graph over it. */
export async function createHarness(
  name: string,
  options: { demo?: boolean; demoReports?: boolean; config?: Partial<Config> } = {},
): Promise<Harness> {
  const db = await openTestDatabase(name);
  if (options.demo !== false) await loadDirectoryText(db.dataSource, fs.readFileSync(DEMO_DIRECTORY_FILE(), "utf8"));
  // Demo reports and class settings: opt-in, so suites that build their own reports start from none.
  if (options.demo !== false && options.demoReports) {
    await loadDemoReports(db.dataSource, fs.readFileSync(DEMO_REPORTS_FILE(), "utf8"));
  }
  const config = testConfig(options.config);
  const clock = fixedClock(DEMO_TODAY);
  const schema = await buildLivretSchema();
  const deps: ServerDeps = { config, schema, dataSource: db.dataSource, clock, verifier: createTokenVerifier(config.jwt) };
  const apollo = createApollo(deps);
  await apollo.start();

  const run = async <T>(login: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> => {
    const principal = login ? await loadPrincipal(db.dataSource.manager, login, currentSchoolYear(clock)) : null;
    if (login && !principal) throw new Error(`No account ${login} in the test database`);
    const contextValue = createContext({ requestId: randomUUID(), principal, dataSource: db.dataSource, clock });
    const response = await apollo.executeOperation<T>({ query, variables }, { contextValue });
    if (response.body.kind !== "single") throw new Error("unexpected incremental response");
    return response.body.singleResult as GraphQLResponse<T>;
  };

  const idOf = async (sql: string, params: unknown[], what: string) => {
    const rows: Array<{ id: number }> = await db.dataSource.query(sql, params);
    if (!rows.length) throw new Error(`demo data has no ${what}`);
    return String(rows[0].id);
  };

  return {
    db,
    schema,
    config,
    clock,
    deps,
    apollo,
    run,
    async data(login, query, variables) {
      const result = await run(login, query, variables);
      if (result.errors?.length) throw new Error(`Unexpected errors: ${JSON.stringify(result.errors)}`);
      return result.data as any;
    },
    ids: {
      school: (uai) => idOf("SELECT id FROM school WHERE uai = ?", [uai], `school ${uai}`),
      class: (uai, year, code) =>
        idOf(
          "SELECT c.id FROM school_class c JOIN school s ON s.id = c.schoolId WHERE s.uai = ? AND c.schoolYear = ? AND c.code = ?",
          [uai, year, code],
          `class ${code}`,
        ),
      group: (uai, year, code) =>
        idOf(
          "SELECT g.id FROM teaching_group g JOIN school s ON s.id = g.schoolId WHERE s.uai = ? AND g.schoolYear = ? AND g.code = ?",
          [uai, year, code],
          `group ${code}`,
        ),
      student: (ine) => idOf("SELECT id FROM student WHERE ine = ?", [ine], `pupil ${ine}`),
      period: (uai, year, code, position) =>
        idOf(
          `SELECT p.id FROM period p JOIN school_class c ON c.periodSchemeId = p.schemeId JOIN school s ON s.id = c.schoolId
           WHERE s.uai = ? AND c.schoolYear = ? AND c.code = ? AND p.position = ?`,
          [uai, year, code, position],
          `period ${position} of class ${code}`,
        ),
    },
    token: (login) => signDevelopmentToken(config.jwt, login),
    async close() {
      await apollo.stop();
      await db.close();
    },
  };
}

/** The one error of a response, failing the test when there is none or several. */
export function onlyError(result: GraphQLResponse) {
  expect(result.errors).toHaveLength(1);
  return result.errors![0];
}

/** Counts the SQL statements `work` sends. */
export async function countStatements(h: Harness, work: () => Promise<unknown>): Promise<number> {
  h.db.logger.reset();
  await work();
  return h.db.logger.statements;
}
