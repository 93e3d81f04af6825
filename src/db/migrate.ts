import { randomUUID } from "node:crypto";
import os from "node:os";
import { DataSource, MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from "typeorm";
import { databaseFailure } from "./db-errors";
import { isDuplicateKey } from "./duplicate-key";

/**
 * Migrations that survive interruption and concurrent starts.
 *
 * MariaDB commits each DDL statement on its own, so a migration killed half-way leaves some of its tables and
 * columns behind while its row in `migrations` is missing: the next start would run it again and fail on
 * "already exists". Here every schema step of a migration's `up` is idempotent: a table, column, index or
 * foreign key already there is kept, one already gone is not dropped again, so running a half-applied migration
 * again completes it. (DML in a migration runs after its last DDL statement in the same transaction as the
 * `migrations` row, or is written to be re-run: see the migrations.)
 *
 * Two nodes starting together must not both migrate: a lock row (`migration_lock`, id 1) is inserted by the
 * one that migrates and deleted when it is done. A plain row, not GET_LOCK: named locks are not replicated
 * by Galera, a row insert is certified on every node. The holder refreshes its heartbeat; a row whose
 * heartbeat is older than `staleMs` belongs to a node that died while migrating and is taken over.
 */

/** Called after each schema step of a migration (tests interrupt here). */
export type MigrationStepHook = (step: { migration: string; operation: string; index: number }) => void | Promise<void>;

export interface MigrationLockOptions {
  /** A lock whose heartbeat is older than this was left by a dead node. */
  staleMs?: number;
  heartbeatMs?: number;
  /** How long a start waits for another node's migration before giving up. */
  waitMs?: number;
}

const LOCK_TABLE = "migration_lock";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Target = Table | string;
const tableName = (target: Target) => (typeof target === "string" ? target : target.name);
const named = (item: TableIndex | TableForeignKey | TableColumn | string): string => (typeof item === "string" ? item : (item.name ?? ""));

/**
 * The query runner a migration's `up` receives: each schema operation first looks at what is already there.
 * Calls that TypeORM makes on itself (this.query…) go through the real runner unchanged.
 */
function idempotentRunner(runner: QueryRunner, migration: string, hook?: MigrationStepHook): QueryRunner {
  let index = 0;
  const step = async (operation: string, work: () => Promise<void>) => {
    await work();
    await hook?.({ migration, operation, index: index++ });
  };
  const indexExists = async (target: Target, name: string | undefined) => !!name && !!(await runner.getTable(tableName(target)))?.indices.some((i) => i.name === name);
  const foreignKeyExists = async (target: Target, name?: string) =>
    !!name && !!(await runner.getTable(tableName(target)))?.foreignKeys.some((f) => f.name === name);
  const safe: Partial<QueryRunner> = {
    createTable: (table: Table, _ifNotExists?: boolean, createForeignKeys?: boolean, createIndices?: boolean) =>
      step(`createTable ${table.name}`, () => runner.createTable(table, true, createForeignKeys, createIndices)),
    dropTable: (target: Target, _ifExists?: boolean, dropForeignKeys?: boolean, dropIndices?: boolean) =>
      step(`dropTable ${tableName(target)}`, () => runner.dropTable(target, true, dropForeignKeys, dropIndices)),
    addColumn: (target: Target, column: TableColumn) =>
      step(`addColumn ${tableName(target)}.${column.name}`, async () => {
        if (!(await runner.hasColumn(tableName(target), column.name))) await runner.addColumn(target, column);
      }),
    dropColumn: (target: Target, column: TableColumn | string) =>
      step(`dropColumn ${tableName(target)}.${named(column)}`, async () => {
        if (await runner.hasColumn(tableName(target), named(column))) await runner.dropColumn(target, column);
      }),
    createIndex: (target: Target, tableIndex: TableIndex) =>
      step(`createIndex ${tableIndex.name}`, async () => {
        if (!(await indexExists(target, tableIndex.name))) await runner.createIndex(target, tableIndex);
      }),
    dropIndex: (target: Target, tableIndex: TableIndex | string) =>
      step(`dropIndex ${named(tableIndex)}`, async () => {
        if (await indexExists(target, named(tableIndex))) await runner.dropIndex(target, tableIndex);
      }),
    createForeignKey: (target: Target, foreignKey: TableForeignKey) =>
      step(`createForeignKey ${foreignKey.name}`, async () => {
        if (!(await foreignKeyExists(target, foreignKey.name))) await runner.createForeignKey(target, foreignKey);
      }),
  };
  // The plural forms go one item at a time through the guarded singular ones.
  safe.addColumns = async (target: Target, columns: TableColumn[]) => {
    for (const column of columns) await safe.addColumn!(target, column);
  };
  safe.dropColumns = async (target: Target, columns: TableColumn[] | string[]) => {
    for (const column of columns) await safe.dropColumn!(target, column);
  };
  safe.createIndices = async (target: Target, indices: TableIndex[]) => {
    for (const tableIndex of indices) await safe.createIndex!(target, tableIndex);
  };
  safe.createForeignKeys = async (target: Target, foreignKeys: TableForeignKey[]) => {
    for (const foreignKey of foreignKeys) await safe.createForeignKey!(target, foreignKey);
  };
  return new Proxy(runner, {
    get(target, property, receiver) {
      if (typeof property === "string" && property in safe) return safe[property as keyof QueryRunner];
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

type MigrationClass = new () => MigrationInterface;

/** The migrations with an idempotent `up` (their `down` unchanged), reporting each step to `hook`. */
export function interruptionSafe(migrations: MigrationClass[], hook?: () => MigrationStepHook | undefined): MigrationClass[] {
  return migrations.map((Migration) => {
    const Safe = class extends (Migration as new () => MigrationInterface) {
      async up(queryRunner: QueryRunner): Promise<void> {
        await super.up(idempotentRunner(queryRunner, this.name ?? Migration.name, hook?.()));
      }
    };
    Object.defineProperty(Safe, "name", { value: Migration.name });
    return Safe;
  });
}

async function ensureLockTable(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    if (await runner.hasTable(LOCK_TABLE)) return;
    await runner.createTable(
      new Table({
        name: LOCK_TABLE,
        columns: [
          { name: "id", type: "integer", isPrimary: true },
          { name: "holder", type: "varchar", length: "200" },
          { name: "heartbeat", type: "bigint" },
        ],
      }),
      true,
    );
  } catch (error) {
    // Another node created it between the check and the CREATE.
    if (!(await runner.hasTable(LOCK_TABLE))) throw error;
  } finally {
    await runner.release();
  }
}

/** Runs `work` holding the migration lock row; waits (bounded) while another live node holds it. */
export async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>, options: MigrationLockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? 30_000;
  const heartbeatMs = options.heartbeatMs ?? Math.max(100, Math.floor(staleMs / 5));
  const waitMs = options.waitMs ?? 10 * 60_000;
  await ensureLockTable(dataSource);
  const holder = `${os.hostname()}:${process.pid}:${randomUUID()}`.slice(0, 200);
  const giveUpAt = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    try {
      await dataSource.createQueryBuilder().insert().into(LOCK_TABLE).values({ id: 1, holder, heartbeat: Date.now() }).execute();
      break;
    } catch (error) {
      // Held by another node (or, on Galera, both inserted and this one lost certification).
      if (!isDuplicateKey(error) && databaseFailure(error) !== "conflict") throw error;
    }
    const [current] = await dataSource.createQueryBuilder().select(["l.holder AS holder", "l.heartbeat AS heartbeat"]).from(LOCK_TABLE, "l").where("l.id = 1").getRawMany();
    if (current && Date.now() - Number(current.heartbeat) > staleMs) {
      console.warn(`Migration lock of ${current.holder} is stale (no heartbeat for ${staleMs} ms): taking it over.`);
      // Only the row seen stale is removed: if two nodes both saw it, one deletes it and both race to insert.
      await dataSource.createQueryBuilder().delete().from(LOCK_TABLE).where("id = 1 AND holder = :holder AND heartbeat = :heartbeat", current).execute();
      continue;
    }
    if (Date.now() > giveUpAt) throw new Error(`another node has been migrating the database for more than ${waitMs} ms (${current?.holder ?? "unknown"})`);
    if (!announced && current) console.log(`Waiting for ${current.holder} to finish migrating the database.`);
    announced = true;
    await sleep(250);
  }
  const beat = setInterval(() => {
    dataSource
      .createQueryBuilder()
      .update(LOCK_TABLE)
      .set({ heartbeat: Date.now() })
      .where("id = 1 AND holder = :holder", { holder })
      .execute()
      .catch(() => undefined);
  }, heartbeatMs);
  beat.unref();
  try {
    return await work();
  } finally {
    clearInterval(beat);
    await dataSource.createQueryBuilder().delete().from(LOCK_TABLE).where("id = 1 AND holder = :holder", { holder }).execute().catch(() => undefined);
  }
}
