import { PeriodicReport, ReportStatus } from "../../src/modules/report/periodic-report.entity";
import { createHarness, Harness, onlyError, UAI } from "../support/harness";

const CONFIGURE = `mutation($input: ConfigurePeriodsInput!) {
  configurePeriods(input: $input) { id name schoolYear periods { id position startsOn endsOn } classes { code } }
}`;

const TRIMESTERS = [
  { startsOn: "2026-09-01", endsOn: "2026-11-30" },
  { startsOn: "2026-12-01", endsOn: "2027-03-06" },
  { startsOn: "2027-03-07", endsOn: "2027-07-04" },
];

describe("configurePeriods", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("configure_periods");
  });
  afterAll(() => h.close());

  const count = async (table: string) => Number((await h.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const snapshot = async () => ({ schemes: await count("period_scheme"), periods: await count("period"), audit: await count("audit_event") });

  it("R-SEED-01: a class has no periods until its school sets them, then follows its scheme", async () => {
    const classId = await h.ids.class(UAI.parc, 2026, "CM2");
    const before = await h.data("director.parc", `query($id: ID!) { class(id: $id) { periodScheme { name } periods { position } } }`, { id: classId });
    expect(before.class).toEqual({ periodScheme: null, periods: [] });

    const result = await h.data("director.parc", CONFIGURE, {
      input: { schoolId: await h.ids.school(UAI.parc), name: "Semestres", periods: TRIMESTERS.slice(0, 2), classIds: [classId] },
    });
    expect(result.configurePeriods).toMatchObject({
      name: "Semestres",
      schoolYear: 2026,
      periods: [
        { position: 1, startsOn: "2026-09-01", endsOn: "2026-11-30" },
        { position: 2, startsOn: "2026-12-01", endsOn: "2027-03-06" },
      ],
      classes: [{ code: "CM2" }],
    });
    const after = await h.data("director.parc", `query($id: ID!) { class(id: $id) { periodScheme { name } periods { position } } }`, { id: classId });
    expect(after.class).toEqual({ periodScheme: { name: "Semestres" }, periods: [{ position: 1 }, { position: 2 }] });
  });

  it("R-NEW-02: setting periods leaves one audit event in the same transaction", async () => {
    const schoolId = await h.ids.school(UAI.parc);
    const before = await count("audit_event");
    await h.data("director.parc", CONFIGURE, { input: { schoolId, name: "Semestres", periods: TRIMESTERS.slice(0, 2) } });
    const events: Array<{ action: string; schoolId: number; actorAccountId: number; requestId: string | null }> = await h.db.dataSource.query(
      "SELECT action, schoolId, actorAccountId, requestId FROM audit_event ORDER BY id DESC",
    );
    expect(await count("audit_event")).toBe(before + 1);
    expect(events[0]).toMatchObject({ action: "CONFIGURE_PERIODS", schoolId: Number(schoolId) });
    expect(events[0].actorAccountId).not.toBeNull();
    expect(events[0].requestId).toBeTruthy();
  });

  const badInputs: Array<[string, Array<{ startsOn: string; endsOn: string }>, string]> = [
    ["overlapping periods", [TRIMESTERS[0], { startsOn: "2026-11-15", endsOn: "2027-03-06" }], "periods[1].startsOn"],
    ["periods out of order", [TRIMESTERS[1], TRIMESTERS[0]], "periods[1].startsOn"],
    ["a period that ends before it starts", [{ startsOn: "2026-12-01", endsOn: "2026-11-01" }], "periods[0].endsOn"],
    ["a period outside the school year", [{ startsOn: "2026-08-20", endsOn: "2026-11-30" }], "periods[0]"],
  ];
  for (const [what, periods, field] of badInputs) {
    it(`R-SEED-01: refuses ${what} with BAD_USER_INPUT naming ${field}, writing nothing`, async () => {
      const before = await snapshot();
      const result = await h.run("director.moulin", CONFIGURE, {
        input: { schoolId: await h.ids.school(UAI.moulin), name: "Trimestres", periods },
      });
      const error = onlyError(result);
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(await snapshot()).toEqual(before);
    });
  }

  it("refuses a blank name, no period, more than six, and an invalid date as BAD_USER_INPUT without echoing values", async () => {
    const schoolId = await h.ids.school(UAI.moulin);
    const seven = Array.from({ length: 7 }, (_, i) => ({ startsOn: `2026-10-0${i + 1}`, endsOn: `2026-10-0${i + 1}` }));
    for (const input of [
      { schoolId, name: "   ", periods: TRIMESTERS },
      { schoolId, name: "Trimestres", periods: [] },
      { schoolId, name: "Trimestres", periods: seven },
      { schoolId, name: "x".repeat(51), periods: TRIMESTERS },
    ]) {
      const before = await snapshot();
      const result = await h.run("director.moulin", CONFIGURE, { input });
      expect(onlyError(result).extensions?.code).toBe("BAD_USER_INPUT");
      expect(JSON.stringify(result)).not.toContain("x".repeat(51));
      expect(await snapshot()).toEqual(before);
    }
    const badDate = await h.run("director.moulin", CONFIGURE, {
      input: { schoolId, name: "Trimestres", periods: [{ startsOn: "2026-13-45", endsOn: "2026-12-01" }] },
    });
    expect(onlyError(badDate).extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a class of another school as BAD_USER_INPUT, like a missing one", async () => {
    const schoolId = await h.ids.school(UAI.moulin);
    const foreign = await h.run("director.moulin", CONFIGURE, {
      input: { schoolId, name: "Trimestres", periods: TRIMESTERS, classIds: [await h.ids.class(UAI.hugo, 2026, "6A")] },
    });
    const missing = await h.run("director.moulin", CONFIGURE, { input: { schoolId, name: "Trimestres", periods: TRIMESTERS, classIds: ["999999"] } });
    expect(onlyError(foreign).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "classIds[0]" });
    expect(foreign).toEqual(missing);
  });

  it("keeps a period's identity when only its dates change", async () => {
    const schoolId = await h.ids.school(UAI.moulin);
    const first = await h.data("director.moulin", CONFIGURE, { input: { schoolId, name: "Trimestres", periods: TRIMESTERS } });
    const moved = [TRIMESTERS[0], { startsOn: "2026-12-01", endsOn: "2027-03-13" }, { startsOn: "2027-03-14", endsOn: "2027-07-04" }];
    const second = await h.data("director.moulin", CONFIGURE, { input: { schoolId, name: "Trimestres", periods: moved } });
    expect(second.configurePeriods.periods.map((p: { id: string }) => p.id)).toEqual(first.configurePeriods.periods.map((p: { id: string }) => p.id));
    expect(second.configurePeriods.periods[1].endsOn).toBe("2027-03-13");
  });

  it("R-SEED-01: refuses to remove a period that already has reports, with CONFLICT and the rule id", async () => {
    const schoolId = await h.ids.school(UAI.moulin);
    const scheme = await h.data("director.moulin", CONFIGURE, { input: { schoolId, name: "Trimestres", periods: TRIMESTERS } });
    const third = scheme.configurePeriods.periods[2];
    await h.db.dataSource.getRepository(PeriodicReport).insert({
      studentId: Number(await h.ids.student("1000000001A")),
      periodId: Number(third.id),
      classId: Number(await h.ids.class(UAI.moulin, 2026, "CP")),
      schoolYear: 2026,
    });
    const before = await snapshot();
    const result = await h.run("director.moulin", CONFIGURE, { input: { schoolId, name: "Trimestres", periods: TRIMESTERS.slice(0, 2) } });
    expect(onlyError(result).extensions).toMatchObject({ code: "CONFLICT", rule: "R-SEED-01" });
    expect(await snapshot()).toEqual(before);

    // The same period count with new dates stays allowed: nothing would be removed.
    const redated = await h.run("director.moulin", CONFIGURE, { input: { schoolId, name: "Trimestres", periods: TRIMESTERS } });
    expect(redated.errors).toBeUndefined();
  });

  it("R-NEW-04: a period holding a locked or read-only report keeps its dates until the report is unlocked", async () => {
    const schoolId = await h.ids.school(UAI.moulin);
    const scheme = await h.data("director.moulin", CONFIGURE, { input: { schoolId, name: "Trimestres", periods: TRIMESTERS } });
    const first = scheme.configurePeriods.periods[0];
    const reports = h.db.dataSource.getRepository(PeriodicReport);
    const { identifiers } = await reports.insert({
      studentId: Number(await h.ids.student("1000000002B")),
      periodId: Number(first.id),
      classId: Number(await h.ids.class(UAI.moulin, 2026, "CP")),
      schoolYear: 2026,
      status: ReportStatus.LOCKED,
      lockedAt: new Date("2026-11-30T16:00:00Z"),
    });
    const reportId = Number(identifiers[0].id);
    const movedFirst = [{ startsOn: "2026-09-02", endsOn: "2026-11-30" }, ...TRIMESTERS.slice(1)];
    const movedSecond = [TRIMESTERS[0], { startsOn: "2026-12-01", endsOn: "2027-03-13" }, { startsOn: "2027-03-14", endsOn: "2027-07-04" }];
    try {
      const before = await snapshot();
      const refused = await h.run("director.moulin", CONFIGURE, { input: { schoolId, name: "Trimestres", periods: movedFirst } });
      expect(onlyError(refused).extensions).toMatchObject({ code: "REPORT_LOCKED", rule: "R-NEW-04" });
      expect(await snapshot()).toEqual(before);
      expect(await h.db.dataSource.getRepository("period").findOneByOrFail({ id: Number(first.id) })).toMatchObject({ startsOn: "2026-09-01" });

      // Another period of the scheme may still move, and the same dates are no move at all.
      expect((await h.run("director.moulin", CONFIGURE, { input: { schoolId, name: "Trimestres", periods: movedSecond } })).errors).toBeUndefined();

      await reports.update({ id: reportId }, { readOnly: true, status: ReportStatus.DRAFT });
      const readOnly = await h.run("director.moulin", CONFIGURE, { input: { schoolId, name: "Trimestres", periods: movedFirst } });
      expect(onlyError(readOnly).extensions).toMatchObject({ code: "REPORT_LOCKED", rule: "R-NEW-04" });

      await reports.update({ id: reportId }, { readOnly: false });
      const unlocked = await h.data("director.moulin", CONFIGURE, { input: { schoolId, name: "Trimestres", periods: movedFirst } });
      expect(unlocked.configurePeriods.periods[0]).toMatchObject({ id: first.id, startsOn: "2026-09-02" });
    } finally {
      await reports.delete({ id: reportId });
      await h.run("director.moulin", CONFIGURE, { input: { schoolId, name: "Trimestres", periods: TRIMESTERS } });
    }
  });

  it("R-SEED-01: refuses to move a class that has reports to another scheme", async () => {
    const schoolId = await h.ids.school(UAI.moulin);
    const before = await snapshot();
    const result = await h.run("director.moulin", CONFIGURE, {
      input: { schoolId, name: "Semestres", periods: TRIMESTERS.slice(0, 2), classIds: [await h.ids.class(UAI.moulin, 2026, "CP")] },
    });
    expect(onlyError(result).extensions).toMatchObject({ code: "CONFLICT", rule: "R-SEED-01" });
    expect(await snapshot()).toEqual(before);
  });
});
