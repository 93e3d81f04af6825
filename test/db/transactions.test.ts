import { DataSource } from "typeorm";
import { Context, inTransaction, TRANSACTION_ATTEMPTS } from "../../src/common/context";
import { noDeadline } from "../../src/common/deadline";
import { LivretError } from "../../src/common/errors";
import { databaseFailure } from "../../src/db/db-errors";
import { formatError } from "../../src/http/format-error";
import { openTestDatabase, TestDatabase } from "../support/test-database";

/** A real refused connection (nothing listens on port 1), as mysql2 reports it. */
async function refusedConnectionError(): Promise<unknown> {
  const ds = new DataSource({ type: "mysql", url: "mysql://root@127.0.0.1:1/x", connectTimeout: 2000 });
  try {
    await ds.initialize();
  } catch (error) {
    return error;
  }
  await ds.destroy();
  throw new Error("port 1 answered");
}

describe("database failures are named, never internal", () => {
  it("a database that cannot be reached is UNAVAILABLE, for reads (formatError) as for writes", async () => {
    const error = await refusedConnectionError();
    expect(databaseFailure(error)).toBe("unavailable");
    const formatted = formatError({ message: "connect ECONNREFUSED", path: ["school"] }, error);
    expect(formatted.extensions?.code).toBe("UNAVAILABLE");
    expect(JSON.stringify(formatted)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });

  it("our own refusals and unknown errors are left as they are", () => {
    expect(databaseFailure(new LivretError("CONFLICT", "x"))).toBeNull();
    expect(databaseFailure(new Error("boom"))).toBeNull();
  });
});

// A real deadlock needs row locks: MariaDB/MySQL (npm run test:mysql, and Galera in npm run test:cluster).
const onMysql = process.env.LIVRET_TEST_DB === "mysql";
if (onMysql) describe("deadlocks on MariaDB", () => {
  let db: TestDatabase;
  let ctx: Context;
  beforeAll(async () => {
    db = await openTestDatabase("transactions");
    await db.dataSource.query("CREATE TABLE t_cross (id INT PRIMARY KEY, n INT NOT NULL)");
    ctx = { dataSource: db.dataSource, deadline: noDeadline() } as Context;
  });
  afterAll(() => db.close());
  beforeEach(() => db.dataSource.query("REPLACE INTO t_cross (id, n) VALUES (1, 0), (2, 0)"));

  /** Two transactions locking rows 1 and 2 in opposite orders: the server kills one of them (ER_LOCK_DEADLOCK). */
  function crossed(idempotent: boolean) {
    let attempts = 0;
    const locked: Array<() => void> = [];
    const bothLocked = Promise.all([0, 1].map((i) => new Promise<void>((resolve) => (locked[i] = resolve))));
    const work = (first: number, second: number, i: number) => async (tx: import("typeorm").EntityManager) => {
      attempts++;
      await tx.query("SELECT n FROM t_cross WHERE id = ? FOR UPDATE", [first]);
      locked[i]();
      await bothLocked;
      await tx.query("UPDATE t_cross SET n = n + 1 WHERE id = ?", [second]);
      return i;
    };
    const results = Promise.allSettled([
      inTransaction(ctx, work(1, 2, 0), { idempotent }),
      inTransaction(ctx, work(2, 1, 1), { idempotent }),
    ]);
    return { results, attempts: () => attempts };
  }

  it("Galera-safe schema: every table the migrations make is InnoDB with a primary key", async () => {
    const tables: Array<{ name: string; engine: string; pk: number }> = await db.dataSource.query(
      `SELECT t.table_name AS name, t.engine AS engine,
              (SELECT COUNT(*) FROM information_schema.table_constraints c
                WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY') AS pk
         FROM information_schema.tables t WHERE t.table_schema = DATABASE() AND t.table_name <> 't_cross'`,
    );
    expect(tables.length).toBeGreaterThan(30);
    expect(tables.filter((t) => t.engine !== "InnoDB" || Number(t.pk) !== 1)).toEqual([]);
  });

  it("an idempotent transaction that lost a deadlock is run again: both writes land, each once", async () => {
    const run = crossed(true);
    const results = await run.results;
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(run.attempts()).toBeGreaterThanOrEqual(3);
    expect(run.attempts()).toBeLessThanOrEqual(2 * TRANSACTION_ATTEMPTS);
    expect(await db.dataSource.query("SELECT id, n FROM t_cross ORDER BY id")).toEqual([
      { id: 1, n: 1 },
      { id: 2, n: 1 },
    ]);
  });

  it("otherwise the loser answers CONFLICT (not an internal error) and its write is not there", async () => {
    const run = crossed(false);
    const results = await run.results;
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(LivretError);
    expect((rejected[0].reason as LivretError).extensions.code).toBe("CONFLICT");
    const rows: Array<{ n: number }> = await db.dataSource.query("SELECT n FROM t_cross ORDER BY id");
    expect(rows.map((r) => Number(r.n)).sort()).toEqual([0, 1]);
  });
});
