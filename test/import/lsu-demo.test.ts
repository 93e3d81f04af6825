import { createHarness, Harness, UAI } from "../support/harness";
import { importDemoLsu } from "../../src/db/demo";

// The demo collège's class 3E is set to IMPORT and receives its reports from demo/lsu-college-victor-hugo-3E.xml at first start.
describe("demo LSU import", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("lsu_demo", { demoReports: true });
  });
  afterAll(() => h.close());

  it("R-PUB-04: imports the demo file's reports into class 3E, locked with the file's date", async () => {
    await importDemoLsu(h.db.dataSource, h.clock);
    const classId = await h.ids.class(UAI.hugo, 2026, "3E");
    const periodId = await h.ids.period(UAI.hugo, 2026, "3E", 1);
    const data = await h.data("head.hugo", `query($c: ID!, $p: ID!) { class(id: $c) { periodicReports(periodId: $p) { status source lockedAt synthesis } } }`, { c: classId, p: periodId });
    expect(data.class.periodicReports).toHaveLength(2);
    for (const r of data.class.periodicReports) expect(r).toMatchObject({ status: "LOCKED", source: "IMPORT", lockedAt: "2026-11-27T18:00:00.000Z" });
    const schoolId = await h.ids.school(UAI.hugo);
    const batches = await h.data("head.hugo", `query($id: ID!) { school(id: $id) { importBatches { items { application importedCount rejectedCount } } } }`, { id: schoolId });
    expect(batches.school.importBatches.items).toEqual([{ application: "Pronote", importedCount: 2, rejectedCount: 0 }]);
  });
});
