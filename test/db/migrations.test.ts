import { openTestDatabase, TestDatabase } from "../support/test-database";

describe("migrations", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase("migrations");
  });
  afterAll(async () => db?.close());

  it("leave no difference between the entities and the migrated schema", async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("ship the national subject codes", async () => {
    const rows: Array<{ code: string }> = await db.dataSource.query("SELECT code FROM subject ORDER BY code");
    const codes = rows.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(["FRA-RAC", "MAT-NBC", "061300", "020700"]));
  });

  it("can all be reverted and applied again", async () => {
    for (let i = 0; i < db.dataSource.migrations.length; i++) await db.dataSource.undoLastMigration({ transaction: "each" });
    const tables = await db.dataSource.createQueryRunner().getTables(["school", "periodic_report", "report_entry"]);
    expect(tables).toEqual([]);
    await db.dataSource.runMigrations({ transaction: "each" });
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries).toHaveLength(0);
  });
});
