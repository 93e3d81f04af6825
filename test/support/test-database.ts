import { DataSource } from "typeorm";
import { DatabaseConfig } from "../../src/config";
import { LivretDataSource, openDatabase } from "../../src/db/data-source";
import { CountingLogger } from "../../src/db/sql-counter";

export interface TestDatabase {
  dataSource: DataSource;
  logger: CountingLogger;
  config: DatabaseConfig;
  close(): Promise<void>;
}

const MYSQL_SERVER = process.env.LIVRET_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306";
// Two checkouts testing against one server at once must not drop each other's databases.
const MYSQL_PREFIX = process.env.LIVRET_TEST_DB_PREFIX ?? "livret_t_";

/**
 * A fresh, migrated database for one test file: in-memory SQLite by default, or its own MariaDB
 * database (`<LIVRET_TEST_DB_PREFIX><name>`, default `livret_t_<name>`) when LIVRET_TEST_DB=mysql.
 */
export async function openTestDatabase(name: string): Promise<TestDatabase> {
  let config: DatabaseConfig;
  if (process.env.LIVRET_TEST_DB === "mysql") {
    const database = `${MYSQL_PREFIX}${name.replace(/[^A-Za-z0-9_]/g, "_")}`.slice(0, 64);
    config = { type: "mysql", url: `${MYSQL_SERVER}/${database}`, database };
    await dropMysqlDatabase(database);
  } else {
    config = { type: "better-sqlite3", database: ":memory:" };
  }
  const db: LivretDataSource = await openDatabase(config);
  return {
    ...db,
    config,
    close: async () => {
      await db.dataSource.destroy();
      if (config.type === "mysql") await dropMysqlDatabase(config.database);
    },
  };
}

async function dropMysqlDatabase(database: string): Promise<void> {
  const admin = new DataSource({ type: "mysql", url: `${MYSQL_SERVER}/` });
  await admin.initialize();
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await admin.destroy();
  }
}
