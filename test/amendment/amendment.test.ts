import { randomUUID } from "node:crypto";
import { loadPrincipal } from "../../src/auth/principal";
import { Context, createContext } from "../../src/common/context";
import { LivretError } from "../../src/common/errors";
import { amendmentsCovering } from "../../src/modules/amendment/amendment.service";
import { PriorYearAmendment } from "../../src/modules/amendment/prior-year-amendment.entity";
import * as auditService from "../../src/modules/audit/audit.service";
import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { PeriodicReport, ReportStatus } from "../../src/modules/report/periodic-report.entity";
import { createHarness, Harness, onlyError, UAI } from "../support/harness";

const GRANT = `mutation($input: GrantPriorYearAmendmentInput!) {
  grantPriorYearAmendment(input: $input) {
    id reportId elements ticketRef documentRef grantedAt grantedBy { surname firstName }
  }
}`;

/** A DASEN of academy A02 (Grenoble): a DASEN, but not of the Lyon schools. */
const GRENOBLE_DASEN = JSON.stringify({
  format: "livret-directory/1",
  staff: [{ login: "dasen.grenoble", surname: "Roche", firstName: "Paul", roles: [{ role: "DASEN", academy: "A02" }] }],
});

describe("grantPriorYearAmendment", () => {
  let h: Harness;
  /** Past-year (2025) reports: Jade Roux in CP at Jean Moulin (1D), Lucas Bernard in 6A at Victor Hugo (2D). */
  let moulinPast: PeriodicReport;
  let hugoPast: PeriodicReport;
  /** A current-year (2026) report of Léa Martin in CP at Jean Moulin. */
  let moulinCurrent: PeriodicReport;

  const count = async (table: string) => Number((await h.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const snapshot = async () => ({ amendments: await count("prior_year_amendment"), audit: await count("audit_event") });

  async function periodId(uai: string, year: number, position: number): Promise<number> {
    const rows: Array<{ id: number }> = await h.db.dataSource.query(
      "SELECT p.id FROM period p JOIN period_scheme ps ON ps.id = p.schemeId JOIN school s ON s.id = ps.schoolId WHERE s.uai = ? AND ps.schoolYear = ? AND p.position = ?",
      [uai, year, position],
    );
    return Number(rows[0].id);
  }

  async function insertReport(ine: string, uai: string, year: number, classCode: string, position: number, extra: Partial<PeriodicReport> = {}) {
    const repo = h.db.dataSource.getRepository(PeriodicReport);
    const values = {
      studentId: Number(await h.ids.student(ine)),
      classId: Number(await h.ids.class(uai, year, classCode)),
      periodId: await periodId(uai, year, position),
      schoolYear: year,
      status: year < 2026 ? ReportStatus.LOCKED : ReportStatus.DRAFT,
      ...extra,
    };
    const { identifiers } = await repo.insert(values);
    return repo.findOneByOrFail({ id: identifiers[0].id });
  }

  const input = (report: PeriodicReport, overrides: Record<string, unknown> = {}) => ({
    input: { reportId: String(report.id), elements: ["SYNTHESIS", "ENTRY:FRA-RAC"], ticketRef: "SUP-2026-0042", documentRef: "DASEN/A01/2026-117", ...overrides },
  });

  beforeAll(async () => {
    h = await createHarness("amendment");
    await loadDirectoryText(h.db.dataSource, GRENOBLE_DASEN);
    moulinPast = await insertReport("1000000003C", UAI.moulin, 2025, "CP", 1);
    hugoPast = await insertReport("2000000003C", UAI.hugo, 2025, "6A", 1);
    moulinCurrent = await insertReport("1000000001A", UAI.moulin, 2026, "CP", 1);
  });
  afterAll(() => h.close());

  it("R-SEED-10: the DASEN of the academy grants an amendment of a past-year école report", async () => {
    const before = await snapshot();
    const result = await h.data("dasen.lyon", GRANT, input(moulinPast));
    const granted = result.grantPriorYearAmendment;
    expect(granted).toMatchObject({
      reportId: String(moulinPast.id),
      elements: ["SYNTHESIS", "ENTRY:FRA-RAC"],
      ticketRef: "SUP-2026-0042",
      documentRef: "DASEN/A01/2026-117",
      grantedBy: { surname: "Faure", firstName: "Michel" },
    });
    expect(Number.isNaN(Date.parse(granted.grantedAt))).toBe(false);
    expect(await snapshot()).toEqual({ amendments: before.amendments + 1, audit: before.audit + 1 });

    const stored = await h.db.dataSource.getRepository(PriorYearAmendment).findOneByOrFail({ id: Number(granted.id) });
    expect(stored).toMatchObject({ reportId: moulinPast.id, ticketRef: "SUP-2026-0042", documentRef: "DASEN/A01/2026-117" });
    expect(JSON.parse(stored.elements)).toEqual(["SYNTHESIS", "ENTRY:FRA-RAC"]);
  });

  it("R-NEW-02: a grant leaves one audit event naming the report, the school, the pupil and the amendment", async () => {
    const result = await h.data("dasen.lyon", GRANT, input(moulinPast, { elements: ["SCHOOL_LIFE"], ticketRef: "SUP-7" }));
    const [event] = await h.db.dataSource.query("SELECT * FROM audit_event ORDER BY id DESC LIMIT 1");
    const dasen = await h.db.dataSource.query("SELECT id FROM account WHERE login = 'dasen.lyon'");
    expect(event).toMatchObject({
      action: "GRANT_PRIOR_YEAR_AMENDMENT",
      entityType: "PeriodicReport",
      entityId: String(moulinPast.id),
      schoolId: Number(await h.ids.school(UAI.moulin)),
      studentId: moulinPast.studentId,
      actorAccountId: Number(dasen[0].id),
    });
    expect(event.requestId).toBeTruthy();
    expect(JSON.parse(event.details)).toEqual({
      amendmentId: Number(result.grantPriorYearAmendment.id),
      elements: ["SCHOOL_LIFE"],
      ticketRef: "SUP-7",
      documentRef: "DASEN/A01/2026-117",
    });
  });

  it("R-NEW-02: the amendment and its audit event are written in one transaction (a failed audit keeps neither)", async () => {
    const before = await snapshot();
    const audit = jest.spyOn(auditService, "recordAudit").mockRejectedValueOnce(new Error("audit store down"));
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const result = await h.run("dasen.lyon", GRANT, input(moulinPast));
      expect(onlyError(result).extensions?.code).toBe("INTERNAL_SERVER_ERROR");
      expect(audit).toHaveBeenCalledTimes(1);
    } finally {
      audit.mockRestore();
      log.mockRestore();
    }
    expect(await snapshot()).toEqual(before);
  });

  it("R-SEED-10: the HEAD of the collège grants an amendment of its past-year report", async () => {
    const result = await h.data("head.hugo", GRANT, input(hugoPast, { elements: ["ENTRY:061300", "SCHOOL_LIFE"], documentRef: "Courrier du chef d'établissement n° 12" }));
    expect(result.grantPriorYearAmendment).toMatchObject({
      reportId: String(hugoPast.id),
      elements: ["ENTRY:061300", "SCHOOL_LIFE"],
      documentRef: "Courrier du chef d'établissement n° 12",
      grantedBy: { surname: "Rousseau", firstName: "Marc" },
    });
  });

  it("R-SEED-10: a DASEN of another academy gets NOT_FOUND, exactly like a missing report, and nothing is written", async () => {
    const before = await snapshot();
    const foreign = await h.run("dasen.grenoble", GRANT, input(moulinPast));
    const missing = await h.run("dasen.grenoble", GRANT, { input: { ...input(moulinPast).input, reportId: "987654" } });
    expect(onlyError(foreign).extensions?.code).toBe("NOT_FOUND");
    expect(foreign).toEqual(missing);
    expect(await snapshot()).toEqual(before);
  });

  it("R-SEED-10: the HEAD gets NOT_FOUND on an école report, the DASEN on a collège report", async () => {
    const before = await snapshot();
    const headOnEcole = await h.run("head.hugo", GRANT, input(moulinPast));
    const dasenOnCollege = await h.run("dasen.lyon", GRANT, input(hugoPast, { elements: ["SYNTHESIS"] }));
    const missing = await h.run("head.hugo", GRANT, { input: { ...input(moulinPast).input, reportId: "987654" } });
    expect(onlyError(headOnEcole).extensions?.code).toBe("NOT_FOUND");
    expect(headOnEcole).toEqual(missing);
    expect(onlyError(dasenOnCollege).extensions?.code).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });

  it("R-SEED-10: the école's own director, a teacher and a guardian are refused by the permission layer (FORBIDDEN)", async () => {
    const before = await snapshot();
    for (const login of ["director.moulin", "teacher.cp", "parent.martin"]) {
      const result = await h.run(login, GRANT, input(moulinPast));
      expect([login, onlyError(result).extensions?.code]).toEqual([login, "FORBIDDEN"]);
      expect(result.data?.grantPriorYearAmendment ?? null).toBeNull();
    }
    const anonymous = await h.run(null, GRANT, input(moulinPast));
    expect(onlyError(anonymous).extensions?.code).toBe("UNAUTHENTICATED");
    expect(await snapshot()).toEqual(before);
  });

  it("R-SEED-10: a report of the current year is refused with BAD_USER_INPUT naming reportId", async () => {
    const before = await snapshot();
    const result = await h.run("dasen.lyon", GRANT, input(moulinCurrent));
    const error = onlyError(result);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reportId" });
    expect(error.message).toContain("not a past-year report");
    expect(await snapshot()).toEqual(before);
  });

  it("R-SEED-04: a past-year report made read-only for good by a data-source change cannot be amended", async () => {
    const readOnly = await insertReport("1000000004D", UAI.moulin, 2025, "CE1", 1, { readOnly: true });
    const before = await snapshot();
    const result = await h.run("dasen.lyon", GRANT, input(readOnly));
    expect(onlyError(result).extensions).toMatchObject({ code: "REPORT_READ_ONLY", rule: "R-SEED-04" });
    expect(await snapshot()).toEqual(before);
  });

  const badElements: Array<[string, unknown[], string]> = [
    ["an unknown key", ["SYNTHESIS", "ATTENDANCE"], "elements[1]"],
    ["a lower-case key", ["synthesis"], "elements[0]"],
    ["a duplicate", ["SYNTHESIS", "PARCOURS", "SYNTHESIS"], "elements[2]"],
    ["an entry of no known subject", ["ENTRY:ZZZ-999"], "elements[0]"],
    ["an entry of a collège discipline on an école report", ["SYNTHESIS", "ENTRY:061300"], "elements[1]"],
  ];
  for (const [what, elements, field] of badElements) {
    it(`R-SEED-10: refuses ${what} with BAD_USER_INPUT naming ${field}, writing nothing`, async () => {
      const before = await snapshot();
      const result = await h.run("dasen.lyon", GRANT, input(moulinPast, { elements }));
      expect(onlyError(result).extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(await snapshot()).toEqual(before);
    });
  }

  it("R-SEED-10: refuses an empty list and more than 50 elements with BAD_USER_INPUT", async () => {
    const before = await snapshot();
    const fiftyOne = Array.from({ length: 51 }, (_, i) => `ENTRY:X${i}`);
    for (const elements of [[], fiftyOne]) {
      const result = await h.run("dasen.lyon", GRANT, input(moulinPast, { elements }));
      expect(onlyError(result).extensions?.code).toBe("BAD_USER_INPUT");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("R-SEED-10: refuses a blank or oversized ticket or document reference with BAD_USER_INPUT, writing nothing", async () => {
    const cases: Array<[Record<string, unknown>, string | undefined]> = [
      [{ ticketRef: "   " }, "ticketRef"],
      [{ ticketRef: "" }, "ticketRef"],
      [{ documentRef: " \t " }, "documentRef"],
      [{ ticketRef: "T".repeat(51) }, undefined],
      [{ documentRef: "D".repeat(201) }, undefined],
    ];
    for (const [overrides, field] of cases) {
      const before = await snapshot();
      const result = await h.run("dasen.lyon", GRANT, input(moulinPast, overrides));
      const error = onlyError(result);
      expect(error.extensions?.code).toBe("BAD_USER_INPUT");
      if (field) expect(error.extensions?.field).toBe(field);
      // Values are never echoed back.
      expect(JSON.stringify(result)).not.toContain("T".repeat(51));
      expect(JSON.stringify(result)).not.toContain("D".repeat(201));
      expect(await snapshot()).toEqual(before);
    }
  });

  it("refuses a malformed report id with BAD_USER_INPUT", async () => {
    const result = await h.run("dasen.lyon", GRANT, { input: { ...input(moulinPast).input, reportId: "abc" } });
    expect(onlyError(result).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reportId" });
  });

  it("trims the references before storing them", async () => {
    const result = await h.data("dasen.lyon", GRANT, input(moulinPast, { ticketRef: "  SUP-9  ", documentRef: " DOC-9 " }));
    expect(result.grantPriorYearAmendment).toMatchObject({ ticketRef: "SUP-9", documentRef: "DOC-9" });
  });
});

describe("amendmentsCovering", () => {
  let h: Harness;
  let ctx: Context;
  let report: PeriodicReport;
  let other: PeriodicReport;
  let dasenId: number;

  beforeAll(async () => {
    h = await createHarness("amendment_covering");
    const principal = await loadPrincipal(h.db.dataSource.manager, "dasen.lyon", 2026);
    ctx = createContext({ requestId: randomUUID(), principal, dataSource: h.db.dataSource, clock: h.clock });
    dasenId = principal!.accountId;
    const periods: Array<{ id: number }> = await h.db.dataSource.query(
      "SELECT p.id FROM period p JOIN period_scheme ps ON ps.id = p.schemeId JOIN school s ON s.id = ps.schoolId WHERE s.uai = ? AND ps.schoolYear = 2025 ORDER BY p.position",
      [UAI.moulin],
    );
    const repo = h.db.dataSource.getRepository(PeriodicReport);
    const classId = Number(await h.ids.class(UAI.moulin, 2025, "CP"));
    const studentId = Number(await h.ids.student("1000000003C"));
    for (const [i, p] of periods.slice(0, 2).entries()) {
      const { identifiers } = await repo.insert({ studentId, classId, periodId: Number(p.id), schoolYear: 2025, status: ReportStatus.LOCKED });
      const row = await repo.findOneByOrFail({ id: identifiers[0].id });
      if (i === 0) report = row;
      else other = row;
    }
  });
  afterAll(() => h.close());

  const grant = async (target: PeriodicReport, elements: string[]) => {
    const { identifiers } = await h.db.dataSource.getRepository(PriorYearAmendment).insert({
      reportId: target.id,
      grantedByAccountId: dasenId,
      elements: JSON.stringify(elements),
      ticketRef: "SUP-1",
      documentRef: "DOC-1",
    });
    return Number(identifiers[0].id);
  };
  const covering = (elements: string[], target = report) =>
    h.db.dataSource.transaction((em) => amendmentsCovering(ctx, em, target, elements));
  const refusal = async (elements: string[], target = report): Promise<LivretError> => {
    const error = await covering(elements, target).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LivretError);
    return error as LivretError;
  };

  it("R-SEED-10: a past-year report without any amendment refuses every edit with AMENDMENT_NOT_AUTHORISED", async () => {
    const error = await refusal(["SYNTHESIS", "ENTRY:FRA-RAC"]);
    expect(error.extensions).toMatchObject({
      code: "AMENDMENT_NOT_AUTHORISED",
      rule: "R-SEED-10",
      uncovered: ["SYNTHESIS", "ENTRY:FRA-RAC"],
    });
    expect(error.message).toContain("SYNTHESIS");
    expect(error.message).toContain("ENTRY:FRA-RAC");
    expect((await refusal([])).extensions).toMatchObject({ code: "AMENDMENT_NOT_AUTHORISED", uncovered: [] });
  });

  it("R-SEED-10: one amendment listing the elements covers the edit; another report's amendment never does", async () => {
    const otherOnly = await grant(other, ["PARCOURS"]);
    expect((await refusal(["PARCOURS"])).extensions).toMatchObject({ uncovered: ["PARCOURS"] });
    expect(await covering(["PARCOURS"], other)).toEqual([otherOnly]);

    const synthesis = await grant(report, ["SYNTHESIS"]);
    expect(await covering(["SYNTHESIS"])).toEqual([synthesis]);
    expect(await covering(["SYNTHESIS", "SYNTHESIS"])).toEqual([synthesis]);
  });

  it("R-SEED-10: an edit spread over several amendments is covered by their union, ids ascending", async () => {
    const entry = await grant(report, ["ENTRY:FRA-RAC", "PARCOURS"]);
    const [synthesis] = await covering(["SYNTHESIS"]);
    expect(await covering(["ENTRY:FRA-RAC", "SYNTHESIS"])).toEqual([synthesis, entry].sort((a, b) => a - b));
  });

  it("R-SEED-10: an element outside every amendment refuses the whole edit and names only the uncovered elements", async () => {
    const error = await refusal(["SYNTHESIS", "SCHOOL_LIFE", "ENTRY:MAT-RAC"]);
    expect(error.extensions).toMatchObject({ code: "AMENDMENT_NOT_AUTHORISED", rule: "R-SEED-10", uncovered: ["SCHOOL_LIFE", "ENTRY:MAT-RAC"] });
    expect(error.message).toContain("SCHOOL_LIFE");
    expect(error.message).not.toContain("SYNTHESIS");
  });

  it("R-SEED-10: matches element keys exactly (a domain does not cover its sub-domains)", async () => {
    expect((await refusal(["ENTRY:FRA-LEC"])).extensions).toMatchObject({ uncovered: ["ENTRY:FRA-LEC"] });
  });

  it("R-SEED-10: uses as few amendments as possible, the older one on a tie", async () => {
    const [synthesis] = await covering(["SYNTHESIS"]);
    const both = await grant(report, ["SYNTHESIS", "ENTRY:FRA-RAC", "SCHOOL_LIFE"]);
    // The newer amendment alone covers both: the two older ones are not needed.
    expect(await covering(["SYNTHESIS", "SCHOOL_LIFE"])).toEqual([both]);
    // SYNTHESIS alone: both cover it, the older wins.
    expect(await covering(["SYNTHESIS"])).toEqual([synthesis]);
  });

  it("R-SEED-10: reads through the caller's transaction, so an amendment written in it already counts", async () => {
    const result = await h.db.dataSource.transaction(async (em) => {
      const { identifiers } = await em.insert(PriorYearAmendment, {
        reportId: report.id,
        grantedByAccountId: dasenId,
        elements: JSON.stringify(["DIGITAL_SKILLS"]),
        ticketRef: "SUP-2",
        documentRef: "DOC-2",
      });
      return { id: Number(identifiers[0].id), covering: await amendmentsCovering(ctx, em, report, ["DIGITAL_SKILLS"]) };
    });
    expect(result.covering).toEqual([result.id]);
  });
});
