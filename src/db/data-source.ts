import fs from "node:fs";
import path from "node:path";
import { DataSource } from "typeorm";
import { DatabaseConfig } from "../config";
import { ENTITIES } from "./entities";
import { MIGRATIONS } from "../../migrations";
import { CountingLogger } from "./sql-counter";

export interface LivretDataSource {
  dataSource: DataSource;
  logger: CountingLogger;
}

type MysqlFlavour = "mysql" | "mariadb";

/**
 * Creates the MariaDB/MySQL database named in the URL when it does not exist yet, and tells which server
 * answers: TypeORM reads column defaults differently from MariaDB and must be told.
 */
async function ensureMysqlDatabase(config: Extract<DatabaseConfig, { type: "mysql" }>): Promise<MysqlFlavour> {
  const serverUrl = new URL(config.url);
  serverUrl.pathname = "/";
  const bootstrap = new DataSource({ type: "mysql", url: serverUrl.toString(), connectTimeout: 10_000 });
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

export function buildDataSource(config: DatabaseConfig, flavour: MysqlFlavour = "mysql"): LivretDataSource {
  const logger = new CountingLogger(["error", "warn"]);
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: "each" as const,
    logger,
    maxQueryExecutionTime: 1000,
    synchronize: false,
  };
  const dataSource =
    config.type === "better-sqlite3"
      ? new DataSource({ ...common, type: "better-sqlite3", database: config.database, enableWAL: config.database !== ":memory:" })
      : new DataSource({
          ...common,
          type: flavour,
          url: config.url,
          charset: "utf8mb4_unicode_ci",
          timezone: "Z",
          connectTimeout: 10_000,
          poolSize: 10,
          // Fail fast under overload instead of queueing without bound.
          extra: { queueLimit: 100 },
        });
  return { dataSource, logger };
}

/** Opens the database (creating it if needed) and brings its schema up to date with the migrations. */
export async function openDatabase(config: DatabaseConfig): Promise<LivretDataSource> {
  const flavour = config.type === "mysql" ? await ensureMysqlDatabase(config) : undefined;
  if (config.type === "better-sqlite3" && config.database !== ":memory:") {
    fs.mkdirSync(path.dirname(config.database), { recursive: true });
  }
  const db = buildDataSource(config, flavour);
  await db.dataSource.initialize();
  await db.dataSource.runMigrations({ transaction: "each" });
  return db;
}
