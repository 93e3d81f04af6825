import { DataSource } from "typeorm";
import { DatabaseConfig } from "../../src/config";
import { openDatabase } from "../../src/db/data-source";
import { MigrationStepHook, withMigrationLock } from "../../src/db/migrate";

/**
 * Issue 9 item 1: MariaDB commits each DDL statement, so a start killed while it migrates leaves a half-applied
 * migration. Interrupted after every schema step of every migration, the next start must come up with the full
 * schema (no drift from the entities); two starts at once must not both migrate; a lock left by a dead node
 * is taken over.
 */
describe("migrations interrupted on MariaDB", () => {
  const port = Number(process.env.LIVRET_FAULTS_MARIADB_PORT);
  const database = "livret_faults_migrations";
  const config: DatabaseConfig = { type: "mysql", url: `mysql://root@127.0.0.1:${port}/${database}`, database };
  let admin: DataSource;

  beforeAll(async () => {
    admin = new DataSource({ type: "mysql", url: `mysql://root@127.0.0.1:${port}/` });
    await admin.initialize();
  });
  afterAll(async () => {
    await admin?.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin?.destroy();
  });
  const emptyDatabase = () => admin.query(`DROP DATABASE IF EXISTS \`${database}\``);

  class Interrupted extends Error {}

  /** Opens (migrates) the database, then checks that the schema is exactly the entities' and closes it. */
  const startsWithFullSchema = async () => {
    const db = await openDatabase(config);
    try {
      const pending = await db.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      const [{ n }] = await db.dataSource.query("SELECT COUNT(*) AS n FROM subject");
      expect(Number(n)).toBeGreaterThan(0);
    } finally {
      await db.dataSource.destroy();
    }
  };

  it("interrupted after each schema step of each migration, the next start completes the schema", async () => {
    await emptyDatabase();
    const steps: string[] = [];
    const record: MigrationStepHook = ({ migration, operation }) => {
      steps.push(`${migration}: ${operation}`);
    };
    await (await openDatabase(config, undefined, { afterMigrationStep: record })).dataSource.destroy();
    expect(steps.length).toBeGreaterThan(20);

    for (let stop = 0; stop < steps.length; stop++) {
      await emptyDatabase();
      let seen = 0;
      const interrupt: MigrationStepHook = () => {
        if (seen++ === stop) throw new Interrupted(`interrupted after ${steps[stop]}`);
      };
      await expect(openDatabase(config, undefined, { afterMigrationStep: interrupt })).rejects.toThrow(Interrupted);
      await startsWithFullSchema();
    }
  }, 900_000);

  it("two starts at once on an empty database: one migrates, the other waits, both come up", async () => {
    await emptyDatabase();
    const opened = await Promise.all([openDatabase(config), openDatabase(config)]);
    for (const db of opened) await db.dataSource.destroy();
    await startsWithFullSchema();
    const [{ n }] = await admin.query(`SELECT COUNT(*) AS n FROM \`${database}\`.migrations`);
    const [{ m }] = await admin.query(`SELECT COUNT(DISTINCT name) AS m FROM \`${database}\`.migrations`);
    expect(Number(n)).toBe(Number(m));
  }, 120_000);

  it("a lock left by a node that died while migrating is taken over once stale; a live one is waited for", async () => {
    await emptyDatabase();
    await (await openDatabase(config)).dataSource.destroy();
    const ds = new DataSource({ type: "mysql", url: config.url });
    await ds.initialize();
    try {
      // A dead holder: its heartbeat stopped long ago.
      await ds.query("INSERT INTO migration_lock (id, holder, heartbeat) VALUES (1, 'dead-node', ?)", [Date.now() - 120_000]);
      expect(await withMigrationLock(ds, async () => "migrated", { staleMs: 30_000 })).toBe("migrated");
      expect(await ds.query("SELECT * FROM migration_lock")).toEqual([]);

      // A live holder (fresh heartbeat): the second start waits until the first is done.
      const order: string[] = [];
      let release!: () => void;
      const first = withMigrationLock(ds, () => new Promise<void>((resolve) => (release = () => (order.push("first done"), resolve()))), { heartbeatMs: 100 });
      while ((await ds.query("SELECT holder FROM migration_lock")).length === 0) await new Promise((r) => setTimeout(r, 20));
      const second = withMigrationLock(ds, async () => void order.push("second ran"), { staleMs: 5_000 });
      await new Promise((r) => setTimeout(r, 600));
      expect(order).toEqual([]);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(["first done", "second ran"]);
    } finally {
      await ds.destroy();
    }
  }, 120_000);
});
