import fs from "node:fs";
import path from "node:path";
import { DataSource } from "typeorm";
import { DatabaseConfig, DatabaseTuning, DEFAULT_DB_TUNING } from "../config";
import { ENTITIES } from "./entities";
import { MIGRATIONS } from "../../migrations";
import { CountingLogger } from "./sql-counter";
import { interruptionSafe, MigrationLockOptions, MigrationStepHook, withMigrationLock } from "./migrate";

export interface LivretDataSource {
  dataSource: DataSource;
  logger: CountingLogger;
}

type MysqlFlavour = "mysql" | "mariadb";

/**
 * Creates the MariaDB/MySQL database named in the URL when it does not exist yet, and tells which server
 * answers: TypeORM reads column defaults differently from MariaDB and must be told.
 */
async function ensureMysqlDatabase(config: Extract<DatabaseConfig, { type: "mysql" }>, tuning: DatabaseTuning): Promise<MysqlFlavour> {
  const serverUrl = new URL(config.url);
  serverUrl.pathname = "/";
  const bootstrap = new DataSource({ type: "mysql", url: serverUrl.toString(), connectTimeout: tuning.connectTimeoutMs });
  await bootstrap.initialize();
  try {
    // The name is checked against [A-Za-z0-9_] in parseDatabaseUrl; identifiers cannot be bound as parameters.
    await bootstrap.query(
      `CREATE DATABASE IF NOT EXISTS \`${config.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    const [{ version }] = await bootstrap.query("SELECT VERSION() AS version");
    return String(version).toLowerCase().includes("mariadb") ? "mariadb" : "mysql";
  } finally {
    await bootstrap.destroy();
  }
}

/**
 * mysql2 hands on socket errors (ECONNRESET…) as Node's net module made them. Where that is another realm than
 * the application's (a test runner's sandbox), they are not `instanceof Error` there; graphql-shield returns a
 * resolver's error rather than throwing it, and graphql-js would then take such an error for the field's value
 * (answered as INTERNAL "Cannot return null"). Copied into an Error of this realm, with what classifies it.
 */
function ownRealm(error: unknown): unknown {
  if (error instanceof Error || !error || typeof error !== "object") return error;
  const e = error as { message?: unknown; code?: unknown; errno?: unknown; fatal?: unknown; sqlState?: unknown };
  return Object.assign(new Error(String(e.message ?? "database error")), { code: e.code, errno: e.errno, fatal: e.fatal, sqlState: e.sqlState, cause: error });
}

/** How much later than the server's own limit the client gives up on a statement (a dead or blackholed network). */
const CLIENT_STATEMENT_MARGIN_MS = 1000;

interface PooledConnection {
  query(sql: string, callback: (error: unknown) => void): void;
  destroy(): void;
}
interface RunnerInternals {
  connect(): Promise<PooledConnection>;
  query(query: string, parameters?: unknown[], structured?: boolean): Promise<unknown>;
}

/**
 * Bounds every statement on MariaDB/MySQL. The server stops a statement past `statementTimeoutMs`
 * (max_statement_time, set once per pooled connection) and answers an error the client maps to UNAVAILABLE;
 * when the server or the network does not answer at all, the client gives up a second later and destroys the
 * connection, so that a blackholed connection never goes back to the pool. Waiting for a pooled connection is
 * not timed here (the pool's queue limit and the request deadline bound it): a statement timed out before it
 * had a connection would still run later, outside any request.
 */
function boundStatements(dataSource: DataSource, flavour: MysqlFlavour, tuning: DatabaseTuning, enabled: () => boolean) {
  const configured = new WeakSet<PooledConnection>();
  const sessionLimit =
    flavour === "mariadb"
      ? `SET SESSION max_statement_time = ${(tuning.statementTimeoutMs / 1000).toFixed(3)}`
      : `SET SESSION max_execution_time = ${tuning.statementTimeoutMs}`;
  const driver = dataSource.driver as unknown as { createQueryRunner(mode: unknown): RunnerInternals };
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => {
    const runner = createQueryRunner(mode);
    const query = runner.query.bind(runner);
    runner.query = async (sql, parameters, structured) => {
      if (!enabled()) return query(sql, parameters, structured);
      try {
        return await bounded(sql, parameters, structured);
      } catch (error) {
        throw ownRealm(error);
      }
    };
    const bounded = async (sql: string, parameters?: unknown[], structured?: boolean) => {
      const connection = await runner.connect();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          connection.destroy();
          reject(Object.assign(new Error("statement timeout: the database did not answer in time"), { code: "PROTOCOL_SEQUENCE_TIMEOUT" }));
        }, tuning.statementTimeoutMs + CLIENT_STATEMENT_MARGIN_MS);
        const ready = configured.has(connection)
          ? Promise.resolve()
          : new Promise<void>((ok, fail) => connection.query(sessionLimit, (error) => (error ? fail(error) : ok()))).then(() => {
              configured.add(connection);
            });
        ready
          .then(() => query(sql, parameters, structured))
          .then(resolve, reject)
          .finally(() => clearTimeout(timer));
      });
    };
    return runner;
  };
}

export function buildDataSource(
  config: DatabaseConfig,
  flavour: MysqlFlavour = "mysql",
  tuning: DatabaseTuning = DEFAULT_DB_TUNING,
  statementLimits: () => boolean = () => true,
  migrationStep?: () => MigrationStepHook | undefined,
): LivretDataSource {
  const logger = new CountingLogger(["error", "warn"]);
  const common = {
    entities: ENTITIES,
    // Each schema step idempotent: a migration interrupted half-way on MariaDB (DDL commits) completes on the next start.
    migrations: interruptionSafe(MIGRATIONS, migrationStep),
    migrationsTransactionMode: "each" as const,
    logger,
    maxQueryExecutionTime: 1000,
    synchronize: false,
  };
  const dataSource =
    config.type === "better-sqlite3"
      ? new DataSource({
          ...common,
          type: "better-sqlite3",
          database: config.database,
          enableWAL: config.database !== ":memory:",
          // busy_timeout: a write waits this long for another process's lock, then SQLITE_BUSY (UNAVAILABLE).
          timeout: tuning.busyTimeoutMs,
        })
      : new DataSource({
          ...common,
          type: flavour,
          url: config.url,
          charset: "utf8mb4_unicode_ci",
          timezone: "Z",
          connectTimeout: tuning.connectTimeoutMs,
          poolSize: tuning.poolSize,
          // Fail fast under overload instead of queueing without bound.
          extra: { queueLimit: tuning.queueLimit },
        });
  if (config.type === "mysql") boundStatements(dataSource, flavour, tuning, statementLimits);
  return { dataSource, logger };
}

/** Opens the database (creating it if needed) and brings its schema up to date with the migrations. */
export interface OpenDatabaseOptions {
  /** Called after each schema step of a migration (tests interrupt there). */
  afterMigrationStep?: MigrationStepHook;
  migrationLock?: MigrationLockOptions;
}

export async function openDatabase(
  config: DatabaseConfig,
  tuning: DatabaseTuning = DEFAULT_DB_TUNING,
  options: OpenDatabaseOptions = {},
): Promise<LivretDataSource> {
  const flavour = config.type === "mysql" ? await ensureMysqlDatabase(config, tuning) : undefined;
  if (config.type === "better-sqlite3" && config.database !== ":memory:") {
    fs.mkdirSync(path.dirname(config.database), { recursive: true });
  }
  // Migrations may take longer than a request's statement (DDL on large tables): the limits start after them.
  let migrated = false;
  const db = buildDataSource(config, flavour, tuning, () => migrated, () => options.afterMigrationStep);
  await db.dataSource.initialize();
  try {
    // One node migrates at a time (a lock row); the others wait, then find nothing pending.
    await withMigrationLock(db.dataSource, () => db.dataSource.runMigrations({ transaction: "each" }), options.migrationLock);
  } catch (error) {
    await db.dataSource.destroy().catch(() => undefined);
    throw error;
  }
  migrated = true;
  return db;
}
