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

  it("can be reverted and applied again", async () => {
    await db.dataSource.undoLastMigration({ transaction: "each" });
    expect(await db.dataSource.query("SELECT 1 AS one").then(() => true)).toBe(true);
    await db.dataSource.runMigrations({ transaction: "each" });
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries).toHaveLength(0);
  });
});
