import { PeriodicReport, ReportStatus } from "../../src/modules/report/periodic-report.entity";
import { createHarness, Harness, onlyError, UAI } from "../support/harness";

const GRANT = `mutation($input: GrantPriorYearAmendmentInput!) {
  grantPriorYearAmendment(input: $input) { id closedAt closedBy { surname } }
}`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdatePeriodicReportInput!) {
  updatePeriodicReport(id: $id, expectedVersion: $v, input: $input) { id version synthesis }
}`;
const PAST = `query($ine: String!, $year: Int!) {
  priorYearReports(ine: $ine, schoolYear: $year) { id status synthesis student { ine } class { code } period { position } }
}`;

/** Jade Roux (1000000003C): CE1 this year (teacher.ce1), CP in 2025 at Jean Moulin. */
const JADE = "1000000003C";

describe("past-year amendments in use", () => {
  let h: Harness;
  let lockedPast: PeriodicReport;
  let draftPast: PeriodicReport;

  async function insertPast(position: number, status: ReportStatus, synthesis: string | null): Promise<PeriodicReport> {
    const repo = h.db.dataSource.getRepository(PeriodicReport);
    const { identifiers } = await repo.insert({
      studentId: Number(await h.ids.student(JADE)),
      classId: Number(await h.ids.class(UAI.moulin, 2025, "CP")),
      periodId: Number(await h.ids.period(UAI.moulin, 2025, "CP", position)),
      schoolYear: 2025,
      status,
      synthesis,
    });
    return repo.findOneByOrFail({ id: identifiers[0].id });
  }
  const grant = (report: PeriodicReport, elements = ["SYNTHESIS"]) =>
    h.data("dasen.lyon", GRANT, { input: { reportId: String(report.id), elements, ticketRef: "SUP-11", documentRef: "DASEN/A01/11" } });
  const version = async (report: PeriodicReport) => (await h.db.dataSource.getRepository(PeriodicReport).findOneByOrFail({ id: report.id })).version;
  const edit = async (login: string, report: PeriodicReport, synthesis: string) =>
    h.run(login, UPDATE, { id: String(report.id), v: await version(report), input: { synthesis } });

  beforeAll(async () => {
    h = await createHarness("amendment_use");
    lockedPast = await insertPast(1, ReportStatus.LOCKED, "Jade lit bien.");
    draftPast = await insertPast(2, ReportStatus.DRAFT, null);
  });
  afterAll(() => h.close());

  it("R-SEED-10: an authorisation is used once: the edit that applies it closes it, the audit shows the edit and the closing", async () => {
    const granted = (await grant(lockedPast)).grantPriorYearAmendment;
    expect(granted).toMatchObject({ closedAt: null, closedBy: null });

    const first = await edit("director.moulin", lockedPast, "Jade lit très bien.");
    expect(first.errors).toBeUndefined();
    expect(first.data?.updatePeriodicReport.synthesis).toBe("Jade lit très bien.");

    const stored = await h.db.dataSource.query("SELECT closedAt, closedByAccountId FROM prior_year_amendment WHERE id = ?", [Number(granted.id)]);
    const director = await h.db.dataSource.query("SELECT id FROM account WHERE login = 'director.moulin'");
    expect(stored[0].closedAt).not.toBeNull();
    expect(Number(stored[0].closedByAccountId)).toBe(Number(director[0].id));

    const events: Array<{ action: string; details: string }> = await h.db.dataSource.query(
      "SELECT action, details FROM audit_event WHERE entityType = 'PeriodicReport' AND entityId = ? ORDER BY id",
      [String(lockedPast.id)],
    );
    expect(events.map((e) => e.action)).toEqual(["GRANT_PRIOR_YEAR_AMENDMENT", "AMEND_PAST_YEAR_REPORT", "CLOSE_PRIOR_YEAR_AMENDMENT"]);
    expect(JSON.parse(events[1].details).amendmentIds).toEqual([Number(granted.id)]);
    expect(JSON.parse(events[2].details)).toEqual({ amendmentId: Number(granted.id) });

    // The same authorisation does not allow a second edit.
    const second = await edit("director.moulin", lockedPast, "Une autre synthèse.");
    expect(onlyError(second).extensions).toMatchObject({ code: "AMENDMENT_NOT_AUTHORISED", rule: "R-SEED-10" });
    expect((await h.db.dataSource.getRepository(PeriodicReport).findOneByOrFail({ id: lockedPast.id })).synthesis).toBe("Jade lit très bien.");

    // A new authorisation allows one more.
    await grant(lockedPast);
    expect((await edit("director.moulin", lockedPast, "Une autre synthèse.")).errors).toBeUndefined();
  });

  it("R-SEED-10: a failed edit leaves the authorisation open", async () => {
    const granted = (await grant(lockedPast, ["SYNTHESIS"])).grantPriorYearAmendment;
    const outside = await h.run("director.moulin", UPDATE, { id: String(lockedPast.id), v: await version(lockedPast), input: { synthesis: "x", parcours: [] } });
    expect(onlyError(outside).extensions?.code).toBe("AMENDMENT_NOT_AUTHORISED");
    const stale = await h.run("director.moulin", UPDATE, { id: String(lockedPast.id), v: 1, input: { synthesis: "x" } });
    expect(onlyError(stale).extensions?.code).toBe("CONFLICT");
    const stored = await h.db.dataSource.query("SELECT closedAt FROM prior_year_amendment WHERE id = ?", [Number(granted.id)]);
    expect(stored[0].closedAt).toBeNull();
    expect((await edit("director.moulin", lockedPast, "Synthèse corrigée.")).errors).toBeUndefined();
  });

  it("R-SEED-10: the DASEN finds a past report by the pupil's INE and year within their academy and reads it; the read is audited", async () => {
    const before = Number((await h.db.dataSource.query("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'READ_STUDENT_RECORD'"))[0].n);
    const data = await h.data("dasen.lyon", PAST, { ine: JADE, year: 2025 });
    expect(data.priorYearReports.map((r: { id: string }) => r.id)).toEqual([String(lockedPast.id), String(draftPast.id)]);
    expect(data.priorYearReports[0]).toMatchObject({ status: "LOCKED", synthesis: "Synthèse corrigée.", student: { ine: JADE }, class: { code: "CP" }, period: { position: 1 } });
    // The INE is matched whatever its case.
    expect((await h.data("dasen.lyon", PAST, { ine: JADE.toLowerCase(), year: 2025 })).priorYearReports).toHaveLength(2);
    const after = Number((await h.db.dataSource.query("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'READ_STUDENT_RECORD'"))[0].n);
    expect(after).toBeGreaterThan(before);
  });

  it("R-SEED-10: outside the authority's scope the answer is empty, like a pupil without reports", async () => {
    expect((await h.data("head.hugo", PAST, { ine: JADE, year: 2025 })).priorYearReports).toEqual([]);
    expect((await h.data("dasen.lyon", PAST, { ine: "9999999999Z", year: 2025 })).priorYearReports).toEqual([]);
    expect((await h.data("dasen.lyon", PAST, { ine: JADE, year: 2024 })).priorYearReports).toEqual([]);
  });

  it("R-SEED-10: the current year is refused with BAD_USER_INPUT; teachers, directors and guardians are FORBIDDEN", async () => {
    expect(onlyError(await h.run("dasen.lyon", PAST, { ine: JADE, year: 2026 })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "schoolYear" });
    for (const login of ["teacher.ce1", "director.moulin", "parent.martin"]) {
      expect([login, onlyError(await h.run(login, PAST, { ine: JADE, year: 2025 })).extensions?.code]).toEqual([login, "FORBIDDEN"]);
    }
  });

  it("R-SEED-09: this year's teacher editing last year's draft they see in the pupil's record gets PAST_YEAR, not NOT_FOUND", async () => {
    const RECORD = `query($id: ID!) { student(id: $id) { periodicReports { id } } }`;
    const record = await h.data("teacher.ce1", RECORD, { id: await h.ids.student(JADE) });
    expect(record.student.periodicReports.map((r: { id: string }) => r.id)).toContain(String(draftPast.id));
    const result = await edit("teacher.ce1", draftPast, "Synthèse de CP.");
    expect(onlyError(result).extensions).toMatchObject({ code: "PAST_YEAR", rule: "R-SEED-09" });
  });

  it("R-SEED-10: with an open authorisation on it, that teacher gets AMENDMENT_NOT_AUTHORISED (the school's lead applies it)", async () => {
    await grant(draftPast);
    const result = await edit("teacher.ce1", draftPast, "Synthèse de CP.");
    expect(onlyError(result).extensions).toMatchObject({ code: "AMENDMENT_NOT_AUTHORISED", rule: "R-SEED-10" });
    expect((await h.db.dataSource.getRepository(PeriodicReport).findOneByOrFail({ id: draftPast.id })).synthesis).toBeNull();
  });

  it("R-SEED-12: a teacher who cannot see the pupil still gets NOT_FOUND, exactly like a missing report", async () => {
    const hidden = await edit("teacher.cm2", draftPast, "x");
    const missing = await h.run("teacher.cm2", UPDATE, { id: "987654", v: 1, input: { synthesis: "x" } });
    expect(onlyError(hidden).extensions?.code).toBe("NOT_FOUND");
    expect(hidden).toEqual(missing);
  });
});
