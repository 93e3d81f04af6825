import path from "node:path";
import { DriverUtils } from "typeorm/driver/DriverUtils";
import { DEVELOPMENT_JWT_SECRET, loadConfig, parseDatabaseUrl } from "../src/config";
import { createContext } from "../src/common/context";
import { createApollo } from "../src/http/server";
import { createHarness, GraphQLResponse, Harness } from "./support/harness";

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

describe("parseDatabaseUrl", () => {
  const cwd = "/srv/livret";

  it("defaults to ./data/livret.sqlite under the working directory", () => {
    expect(parseDatabaseUrl(undefined, cwd)).toEqual({ type: "better-sqlite3", database: "/srv/livret/data/livret.sqlite" });
    expect(parseDatabaseUrl("", cwd)).toEqual({ type: "better-sqlite3", database: "/srv/livret/data/livret.sqlite" });
  });

  it("reads sqlite: paths, relative or absolute, and :memory:", () => {
    expect(parseDatabaseUrl("sqlite:var/db.sqlite", cwd)).toEqual({ type: "better-sqlite3", database: path.resolve(cwd, "var/db.sqlite") });
    expect(parseDatabaseUrl("sqlite://var/db.sqlite", cwd)).toEqual({ type: "better-sqlite3", database: path.resolve(cwd, "var/db.sqlite") });
    expect(parseDatabaseUrl("sqlite:///tmp/db.sqlite", cwd)).toEqual({ type: "better-sqlite3", database: "/tmp/db.sqlite" });
    expect(parseDatabaseUrl("sqlite::memory:", cwd)).toEqual({ type: "better-sqlite3", database: ":memory:" });
  });

  it("reads mysql:// and mariadb:// URLs", () => {
    expect(parseDatabaseUrl("mysql://livret:s3cret@db.internal:3306/livret_prod")).toEqual({
      type: "mysql",
      url: "mysql://livret:s3cret@db.internal:3306/livret_prod",
      database: "livret_prod",
    });
    // mysql2 only knows the mysql: scheme.
    expect(parseDatabaseUrl("mariadb://root@127.0.0.1:3306/livret")).toEqual({ type: "mysql", url: "mysql://root@127.0.0.1:3306/livret", database: "livret" });
  });

  it.each(["mysql://root@127.0.0.1:3306", "mysql://root@127.0.0.1:3306/", "mysql://root@127.0.0.1/liv%72et", "mariadb://u:p%40ss@h:3307/livret?charset=utf8mb4"])(
    "gives the driver the same database it reports (%s)",
    (url) => {
      const config = parseDatabaseUrl(url);
      if (config.type !== "mysql") throw new Error("expected a mysql config");
      // TypeORM takes host, credentials and database from the URL: they must agree with the config.
      const driver = DriverUtils.buildDriverOptions({ type: "mysql", url: config.url });
      expect(driver.database).toBe(config.database);
      expect(config.database).toBe("livret");
    },
  );

  it("keeps credentials usable by the driver", () => {
    const config = parseDatabaseUrl("mariadb://u:p%40ss@h:3307/livret");
    if (config.type !== "mysql") throw new Error("expected a mysql config");
    expect(DriverUtils.buildDriverOptions({ type: "mysql", url: config.url })).toMatchObject({ username: "u", password: "p@ss", host: "h", port: 3307 });
  });

  it.each(["mysql://h/livret-prod", "mysql://h/livret%60%3B%20DROP", "mysql://h/a.b", "mysql://h/x%2Fy"])(
    "refuses a database name other than letters, digits and _ (%s)",
    (url) => {
      expect(() => parseDatabaseUrl(url)).toThrow(/letters, digits and _/);
    },
  );

  it.each(["postgres://h/livret", "mongodb://h/livret", "file:./db.sqlite", "livret.sqlite"])("refuses an unknown scheme (%s)", (url) => {
    expect(() => parseDatabaseUrl(url)).toThrow(/must start with sqlite: or mysql:\/\//);
  });
});

describe("loadConfig", () => {
  it("in development, signs with the development secret and loads the demo data", () => {
    const config = loadConfig(env({ NODE_ENV: "development" }));
    expect(config.production).toBe(false);
    expect(config.jwt).toEqual({ secret: DEVELOPMENT_JWT_SECRET, jwksUrl: undefined, issuer: "livret-dev", audience: "livret" });
    expect(config.loadDemoData).toBe(true);
    expect(config).toMatchObject({ port: 4000, maxBodyBytes: 100_000, maxDepth: 10, maxCost: 5_000_000, corsOrigins: ["http://localhost:5173", "http://127.0.0.1:5173"] });
  });

  it("refuses to start in production without JWT_JWKS_URL or JWT_SECRET", () => {
    expect(() => loadConfig(env({ NODE_ENV: "production" }))).toThrow(/JWT_JWKS_URL/);
    expect(() => loadConfig(env({ NODE_ENV: "production", JWT_SECRET: "", JWT_JWKS_URL: "" }))).toThrow(/JWT_JWKS_URL/);
  });

  it("refuses the development secret in production", () => {
    expect(() => loadConfig(env({ NODE_ENV: "production", JWT_SECRET: DEVELOPMENT_JWT_SECRET }))).toThrow(/development JWT secret/);
  });

  it("refuses production without an explicit issuer and audience", () => {
    const base = { NODE_ENV: "production", JWT_JWKS_URL: "https://idp.example/jwks.json", JWT_ACCOUNT_KIND: "STAFF" };
    expect(() => loadConfig(env(base))).toThrow(/JWT_ISSUER and JWT_AUDIENCE/);
    expect(() => loadConfig(env({ ...base, JWT_ISSUER: "https://idp.example" }))).toThrow(/JWT_ISSUER and JWT_AUDIENCE/);
  });

  it("refuses sqlite: without a file", () => {
    expect(() => parseDatabaseUrl("sqlite:")).toThrow(/needs a file/);
  });

  it("in production, verifies with the key set only and loads no demo data", () => {
    const config = loadConfig(
      env({
        NODE_ENV: "production",
        JWT_JWKS_URL: "https://idp.example/jwks.json",
        JWT_ACCOUNT_KIND: "STAFF",
        JWT_SECRET: "a-production-secret-that-must-be-ignored",
        JWT_ISSUER: "https://idp.example",
        JWT_AUDIENCE: "livret-api",
        CORS_ORIGINS: " https://livret.example.fr , ,https://admin.livret.example.fr",
        DATABASE_URL: "mysql://livret@db:3306/livret",
      }),
    );
    expect(config.production).toBe(true);
    expect(config.jwt).toEqual({ secret: undefined, jwksUrl: "https://idp.example/jwks.json", accountKind: "STAFF", issuer: "https://idp.example", audience: "livret-api" });
    expect(config.loadDemoData).toBe(false);
    expect(config.corsOrigins).toEqual(["https://livret.example.fr", "https://admin.livret.example.fr"]);
    expect(config.database).toMatchObject({ type: "mysql", database: "livret" });
  });

  it("reads the limits as whole numbers", () => {
    const config = loadConfig(env({ MAX_BODY_BYTES: "2048", MAX_QUERY_DEPTH: "7", MAX_QUERY_COST: "900", PORT: "0" }));
    expect(config).toMatchObject({ maxBodyBytes: 2048, maxDepth: 7, maxCost: 900, port: 0 });
  });

  it("reads the load-shedding gate and the database timeouts", () => {
    const config = loadConfig(env({ MAX_CONCURRENT_REQUESTS: "4", MAX_QUEUED_REQUESTS: "0", QUEUE_WAIT_MS: "250", DB_STATEMENT_TIMEOUT_MS: "800", DB_POOL_SIZE: "6" }));
    expect(config.admission).toEqual({ maxConcurrent: 4, maxQueued: 0, maxWaitMs: 250 });
    expect(config.db).toMatchObject({ statementTimeoutMs: 800, poolSize: 6 });
  });

  it.each([
    ["MAX_QUERY_DEPTH", "ten"],
    ["MAX_QUERY_COST", "5k"],
    ["MAX_BODY_BYTES", "100kb"],
    ["MAX_QUERY_DEPTH", "0"],
    ["MAX_QUERY_COST", "-1"],
    ["MAX_QUERY_DEPTH", "2.5"],
    ["PORT", "http"],
    ["MAX_CONCURRENT_REQUESTS", "0"],
    ["QUEUE_WAIT_MS", "1s"],
  ])("refuses %s=%s rather than run without that limit", (name, value) => {
    expect(() => loadConfig(env({ [name]: value }))).toThrow(new RegExp(name));
  });
});

describe("introspection and stack traces are set from the config, not from NODE_ENV", () => {
  let h: Harness;
  const savedNodeEnv = process.env.NODE_ENV;

  beforeAll(async () => {
    h = await createHarness("config_test", { demo: false });
  });

  afterAll(async () => {
    process.env.NODE_ENV = savedNodeEnv;
    await h.close();
  });

  /** Builds Apollo while NODE_ENV says one thing and the config another, and runs one operation. */
  async function run(nodeEnv: string, production: boolean, query: string): Promise<GraphQLResponse> {
    process.env.NODE_ENV = nodeEnv;
    const apollo = createApollo({ ...h.deps, config: { ...h.config, production } });
    process.env.NODE_ENV = savedNodeEnv;
    await apollo.start();
    try {
      const contextValue = createContext({ requestId: "config-test", principal: null, dataSource: h.db.dataSource, clock: h.clock });
      const response = await apollo.executeOperation({ query }, { contextValue });
      if (response.body.kind !== "single") throw new Error("unexpected incremental response");
      return response.body.singleResult as GraphQLResponse;
    } finally {
      await apollo.stop();
    }
  }

  const introspection = "{ __schema { queryType { name } } }";

  it("allows introspection in development even when NODE_ENV=production", async () => {
    expect(await run("production", false, introspection)).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  });

  it("refuses introspection in production even when NODE_ENV=development", async () => {
    const result = await run("development", true, introspection);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("sends no stack trace even when NODE_ENV=development", async () => {
    const result = await run("development", false, "{ nope }");
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED" });
  });
});
