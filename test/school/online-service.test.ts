import { createHarness, Harness, onlyError, UAI } from "../support/harness";

const OPEN = `mutation($id: ID!) { openOnlineService(schoolId: $id) { uai onlineServiceOpen } }`;
const CHILD = `query($id: ID!) { student(id: $id) { firstName } }`;

describe("openOnlineService", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("online_service");
  });
  afterAll(() => h.close());

  const auditActions = async () =>
    (await h.db.dataSource.query("SELECT action FROM audit_event WHERE action = 'OPEN_ONLINE_SERVICE'")).length as number;

  it("R-SEED-11: guardians of a collège pupil see nothing until its HEAD opens the online service", async () => {
    const hugo = await h.ids.student("2000000001A");
    expect(onlyError(await h.run("parent.martin", CHILD, { id: hugo })).extensions?.code).toBe("NOT_FOUND");
    // An école needs no opening: the same guardian already sees Léa.
    expect((await h.data("parent.martin", CHILD, { id: await h.ids.student("1000000001A") })).student.firstName).toBe("Léa");

    const opened = await h.data("head.hugo", OPEN, { id: await h.ids.school(UAI.hugo) });
    expect(opened.openOnlineService).toEqual({ uai: UAI.hugo, onlineServiceOpen: true });
    expect((await h.data("parent.martin", CHILD, { id: hugo })).student.firstName).toBe("Hugo");
    expect(await auditActions()).toBe(1);
  });

  it("R-SEED-11: opening again changes nothing and records nothing", async () => {
    const again = await h.data("head.hugo", OPEN, { id: await h.ids.school(UAI.hugo) });
    expect(again.openOnlineService.onlineServiceOpen).toBe(true);
    expect(await auditActions()).toBe(1);
  });

  it("R-SEED-13: an inactive EduConnect account still sees nothing", async () => {
    const result = await h.run("parent.durand", CHILD, { id: await h.ids.student("1000000004D") });
    expect(onlyError(result).extensions?.code).toBe("NOT_FOUND");
  });

  it("refuses a director, who leads an école", async () => {
    const result = await h.run("director.moulin", OPEN, { id: await h.ids.school(UAI.moulin) });
    expect(onlyError(result).extensions?.code).toBe("FORBIDDEN");
  });
});
