import { PeriodicReport, ReportStatus } from "../../src/modules/report/periodic-report.entity";
import { createHarness, Harness, onlyError, UAI } from "../support/harness";

const TRAIL = `query($schoolId: ID!, $offset: Int, $limit: Int, $action: String, $studentId: ID) {
  auditTrail(schoolId: $schoolId, offset: $offset, limit: $limit, action: $action, studentId: $studentId) {
    totalCount offset limit
    items { id at actorAccountId action entityType entityId schoolId studentId requestId details }
  }
}`;

const CONFIGURE = `mutation($input: ConfigurePeriodsInput!) { configurePeriods(input: $input) { id } }`;
const GRANT = `mutation($input: GrantPriorYearAmendmentInput!) { grantPriorYearAmendment(input: $input) { id } }`;

const TRIMESTERS = [
  { startsOn: "2026-09-01", endsOn: "2026-11-30" },
  { startsOn: "2026-12-01", endsOn: "2027-03-06" },
  { startsOn: "2027-03-07", endsOn: "2027-07-04" },
];

interface Item {
  id: string;
  action: string;
  schoolId: number | null;
  studentId: number | null;
}

describe("auditTrail", () => {
  let h: Harness;
  let moulin: string;
  let hugo: string;
  let jade: string;

  const trail = async (login: string, variables: Record<string, unknown>) =>
    (await h.data(login, TRAIL, variables)).auditTrail as { totalCount: number; offset: number; limit: number; items: Item[] };
  const countWhere = async (where: string, params: unknown[]) =>
    Number((await h.db.dataSource.query(`SELECT COUNT(*) AS n FROM audit_event WHERE ${where}`, params))[0].n);

  beforeAll(async () => {
    h = await createHarness("audit_trail");
    moulin = await h.ids.school(UAI.moulin);
    hugo = await h.ids.school(UAI.hugo);
    const parc = await h.ids.school(UAI.parc);
    jade = await h.ids.student("1000000003C");

    // Events of three schools, through the graph's own mutations.
    for (const name of ["Trimestres", "Semestres", "Bimestres"]) {
      await h.data("director.moulin", CONFIGURE, { input: { schoolId: moulin, name, periods: TRIMESTERS.slice(0, 2) } });
    }
    await h.data("director.parc", CONFIGURE, { input: { schoolId: parc, name: "Trimestres", periods: TRIMESTERS } });
    await h.data("head.hugo", `mutation($id: ID!) { openOnlineService(schoolId: $id) { uai } }`, { id: hugo });

    // A past-year report of Jade Roux (CP 2025 at Jean Moulin), amended by the DASEN: an event about a pupil.
    const [period] = await h.db.dataSource.query(
      "SELECT p.id FROM period p JOIN period_scheme ps ON ps.id = p.schemeId WHERE ps.schoolId = ? AND ps.schoolYear = 2025 AND p.position = 1",
      [Number(moulin)],
    );
    const { identifiers } = await h.db.dataSource.getRepository(PeriodicReport).insert({
      studentId: Number(jade),
      classId: Number(await h.ids.class(UAI.moulin, 2025, "CP")),
      periodId: Number(period.id),
      schoolYear: 2025,
      status: ReportStatus.LOCKED,
    });
    await h.data("dasen.lyon", GRANT, {
      input: { reportId: String(identifiers[0].id), elements: ["SYNTHESIS"], ticketRef: "SUP-1", documentRef: "DOC-1" },
    });
  });
  afterAll(() => h.close());

  it("R-NEW-02: the director reads their school's events only, newest first, with every detail", async () => {
    const page = await trail("director.moulin", { schoolId: moulin, limit: 100 });
    const expected = await countWhere("schoolId = ?", [Number(moulin)]);
    expect(expected).toBe(4);
    expect(page.totalCount).toBe(expected);
    expect(page.items).toHaveLength(expected);
    expect(page.items.every((e) => e.schoolId === Number(moulin))).toBe(true);
    expect(page.items.map((e) => e.action)).toEqual([
      "GRANT_PRIOR_YEAR_AMENDMENT",
      "CONFIGURE_PERIODS",
      "CONFIGURE_PERIODS",
      "CONFIGURE_PERIODS",
    ]);
    const ids = page.items.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(page.items[0]).toMatchObject({ entityType: "PeriodicReport", studentId: Number(jade) });
    expect(JSON.parse((page.items[0] as unknown as { details: string }).details)).toMatchObject({ elements: ["SYNTHESIS"], ticketRef: "SUP-1" });
  });

  it("R-NEW-02: the head reads the collège's trail, not the école's", async () => {
    const page = await trail("head.hugo", { schoolId: hugo });
    expect(page.items.map((e) => e.action)).toEqual(["OPEN_ONLINE_SERVICE"]);
    expect(page.totalCount).toBe(1);
  });

  it("R-NEW-02: pages cover the filtered rows in order; totalCount is the same on every page", async () => {
    const all = await trail("director.moulin", { schoolId: moulin, limit: 100 });
    const first = await trail("director.moulin", { schoolId: moulin, offset: 0, limit: 3 });
    const second = await trail("director.moulin", { schoolId: moulin, offset: 3, limit: 3 });
    const beyond = await trail("director.moulin", { schoolId: moulin, offset: 10, limit: 3 });
    expect(first).toMatchObject({ totalCount: 4, offset: 0, limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(second).toMatchObject({ totalCount: 4, offset: 3, limit: 3 });
    expect([...first.items, ...second.items]).toEqual(all.items);
    expect(beyond).toMatchObject({ totalCount: 4, items: [] });
    const byDefault = await trail("director.moulin", { schoolId: moulin });
    expect(byDefault).toMatchObject({ offset: 0, limit: 20, totalCount: 4 });
  });

  it("R-NEW-02: filters by action and by pupil before paging", async () => {
    const configured = await trail("director.moulin", { schoolId: moulin, action: "CONFIGURE_PERIODS", limit: 2 });
    expect(configured.totalCount).toBe(3);
    expect(configured.items).toHaveLength(2);
    expect(configured.items.every((e) => e.action === "CONFIGURE_PERIODS")).toBe(true);

    const aboutJade = await trail("director.moulin", { schoolId: moulin, studentId: jade });
    expect(aboutJade.totalCount).toBe(1);
    expect(aboutJade.items.map((e) => [e.action, e.studentId])).toEqual([["GRANT_PRIOR_YEAR_AMENDMENT", Number(jade)]]);

    const both = await trail("director.moulin", { schoolId: moulin, studentId: jade, action: "CONFIGURE_PERIODS" });
    expect(both).toMatchObject({ totalCount: 0, items: [] });
    const unknown = await trail("director.moulin", { schoolId: moulin, action: "NO_SUCH_ACTION" });
    expect(unknown).toMatchObject({ totalCount: 0, items: [] });
  });

  it("R-NEW-02: the head of another school gets NOT_FOUND, exactly like a missing school", async () => {
    const foreign = await h.run("head.hugo", TRAIL, { schoolId: moulin });
    const missing = await h.run("head.hugo", TRAIL, { schoolId: "999999" });
    expect(onlyError(foreign).extensions?.code).toBe("NOT_FOUND");
    expect(foreign).toEqual(missing);
    expect(onlyError(await h.run("director.parc", TRAIL, { schoolId: moulin })).extensions?.code).toBe("NOT_FOUND");
  });

  it("R-NEW-02: teachers, the DASEN and guardians are refused with FORBIDDEN; anonymous callers with UNAUTHENTICATED", async () => {
    for (const login of ["teacher.cp", "dasen.lyon", "parent.martin"]) {
      const result = await h.run(login, TRAIL, { schoolId: moulin });
      expect([login, onlyError(result).extensions?.code]).toEqual([login, "FORBIDDEN"]);
      expect(result.data?.auditTrail ?? null).toBeNull();
    }
    expect(onlyError(await h.run(null, TRAIL, { schoolId: moulin })).extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses bad paging and malformed ids with BAD_USER_INPUT", async () => {
    for (const variables of [
      { schoolId: moulin, limit: 101 },
      { schoolId: moulin, limit: 0 },
      { schoolId: moulin, offset: -1 },
      { schoolId: "x1" },
      { schoolId: moulin, studentId: "0" },
      { schoolId: moulin, action: "A".repeat(61) },
    ]) {
      const result = await h.run("director.moulin", TRAIL, variables);
      expect([variables, onlyError(result).extensions?.code]).toEqual([variables, "BAD_USER_INPUT"]);
    }
  });
});
