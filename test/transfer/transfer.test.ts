import { EntityManager } from "typeorm";
import { Account } from "../../src/modules/account/account.entity";
import { SchoolClass } from "../../src/modules/class/school-class.entity";
import { Period } from "../../src/modules/period/period.entity";
import { PeriodicReport, ReportStatus } from "../../src/modules/report/periodic-report.entity";
import { ReportEntry, ReportEntryElement } from "../../src/modules/report/report-parts.entity";
import { School } from "../../src/modules/school/school.entity";
import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { createHarness, Harness, onlyError, UAI } from "../support/harness";

const TRANSFER = `mutation($schoolId: ID!, $ine: String!) {
  transferStudentInterAcademic(schoolId: $schoolId, ine: $ine) {
    student { ine firstName enrolments { schoolYear } }
    fromAcademies { code }
    alreadyTransferred
  }
}`;
const RECORD = `query($id: ID!) {
  student(id: $id) {
    enrolments { schoolYear level school { uai } }
    periodicReports { schoolYear status class { code } }
  }
}`;

/** Inès Garcia (demo): 2025 at the École du Parc (A02), 2026 in 6e at the Collège Victor Hugo (A01). */
const INES = "2000000002B";
/** Zoé (this file): 2024 at the École du Parc, 2025 and 2026 at the collège — three years of history. */
const ZOE = "2000000009J";
/** Arrives at the collège only in 2027. */
const LATE = "2000000008H";
/** École Jean Moulin in 2024, École du Parc in 2025, back at Jean Moulin in 2026. */
const BACK = "1000000009K";
/** École du Parc in 2025, the collège in 2026: transferred twice at the same moment. */
const TWIN = "2000000007G";
/** Tom Girard (demo): only ever at the École du Parc. */
const TOM = "3000000001A";
/** Hugo Martin (demo): 2025 at the École Jean Moulin (A01), 2026 at the collège (A01). */
const HUGO_MARTIN = "2000000001A";

/**
 * Beyond the demo: earlier periods at the École du Parc (so that records kept there can exist), Zoé and
 * the late arrival, a guardian for Inès, and a DIRECTOR of Jean Moulin who also teaches at the collège.
 */
const EXTRA_DIRECTORY = {
  format: "livret-directory/1",
  classes: [
    { school: UAI.parc, schoolYear: 2024, code: "CM2", label: "CM2", levels: ["CM2"] },
    { school: UAI.hugo, schoolYear: 2027, code: "6A", label: "6e A", levels: ["SIXIEME"] },
    { school: UAI.parc, schoolYear: 2025, code: "CE1", label: "CE1", levels: ["CE1"] },
  ],
  periodSchemes: [
    {
      school: UAI.parc,
      schoolYear: 2024,
      name: "Trimestres",
      periods: [
        { startsOn: "2024-09-02", endsOn: "2024-11-30" },
        { startsOn: "2024-12-01", endsOn: "2025-03-08" },
        { startsOn: "2025-03-09", endsOn: "2025-07-05" },
      ],
      classes: ["CM2"],
    },
    {
      school: UAI.parc,
      schoolYear: 2025,
      name: "Trimestres",
      periods: [
        { startsOn: "2025-09-01", endsOn: "2025-11-30" },
        { startsOn: "2025-12-01", endsOn: "2026-03-06" },
        { startsOn: "2026-03-07", endsOn: "2026-07-04" },
      ],
      classes: ["CM2"],
    },
  ],
  pupils: [
    {
      ine: ZOE,
      surname: "Lemaire",
      firstName: "Zoé",
      birthDate: "2013-05-04",
      enrolments: [
        { school: UAI.hugo, schoolYear: 2026, class: "5A", level: "CINQUIEME" },
        { school: UAI.hugo, schoolYear: 2025, class: "6A", level: "SIXIEME" },
        { school: UAI.parc, schoolYear: 2024, class: "CM2", level: "CM2" },
      ],
    },
    {
      ine: BACK,
      surname: "Colin",
      firstName: "Maël",
      birthDate: "2018-02-14",
      enrolments: [
        { school: UAI.moulin, schoolYear: 2026, class: "CE2-CM1", level: "CE2" },
        { school: UAI.parc, schoolYear: 2025, class: "CE1", level: "CE1" },
        { school: UAI.moulin, schoolYear: 2024, class: "CP", level: "CP" },
      ],
    },
    {
      ine: TWIN,
      surname: "Petitjean",
      firstName: "Sacha",
      birthDate: "2015-09-30",
      enrolments: [
        { school: UAI.hugo, schoolYear: 2026, class: "6A", level: "SIXIEME" },
        { school: UAI.parc, schoolYear: 2025, class: "CM2", level: "CM2" },
      ],
    },
    {
      ine: LATE,
      surname: "Renard",
      firstName: "Léo",
      birthDate: "2016-01-09",
      enrolments: [
        { school: UAI.parc, schoolYear: 2026, class: "CM2", level: "CM2" },
        { school: UAI.hugo, schoolYear: 2027, class: "6A", level: "SIXIEME" },
      ],
    },
  ],
  guardians: [{ login: "parent.garcia", surname: "Garcia", firstName: "Nadia", educonnectActive: true, children: [{ ine: INES, relationship: "MERE" }] }],
  staff: [
    {
      login: "director.teaching",
      surname: "Duval",
      firstName: "Rémi",
      roles: [
        { role: "DIRECTOR", school: UAI.moulin },
        { role: "TEACHER", school: UAI.hugo },
      ],
    },
  ],
  assignments: [{ login: "director.teaching", school: UAI.hugo, schoolYear: 2026, class: "4A", subject: "061300" }],
};

describe("inter-academic transfer", () => {
  let h: Harness;
  let hugoSchool: string;
  beforeAll(async () => {
    h = await createHarness("transfer", { demoReports: true });
    await loadDirectoryText(h.db.dataSource, JSON.stringify(EXTRA_DIRECTORY));
    hugoSchool = await h.ids.school(UAI.hugo);
    // Inès's locked report of her last period at the École du Parc, kept in academy A02.
    await h.db.dataSource.transaction((em) =>
      insertReport(em, { ine: INES, uai: UAI.parc, year: 2025, code: "CM2", position: 3, status: ReportStatus.LOCKED, subject: "FRA-RAC" }),
    );
  });
  afterAll(() => h.close());

  const count = async (sql: string, params: unknown[] = []) => Number((await h.db.dataSource.query(sql, params))[0].n);
  const transfers = () => count("SELECT COUNT(*) AS n FROM inter_academic_transfer");
  const transferAudits = () => count("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'TRANSFER_INTER_ACADEMIC'");
  const years = (record: { enrolments: Array<{ schoolYear: number; school: { uai: string } }> }) =>
    record.enrolments.map((e) => `${e.schoolYear} ${e.school.uai}`).sort();
  const reportYears = (record: { periodicReports: Array<{ schoolYear: number; class: { code: string } }> }) =>
    record.periodicReports.map((r) => `${r.schoolYear} ${r.class.code}`).sort();

  /** A report written directly, as a past year's would have been, with one entry and one element. */
  async function insertReport(
    em: EntityManager,
    r: { ine: string; uai: string; year: number; code: string; position: number; status: ReportStatus; subject: string },
  ): Promise<void> {
    const school = await em.findOneByOrFail(School, { uai: r.uai });
    const cls = await em.findOneByOrFail(SchoolClass, { schoolId: school.id, schoolYear: r.year, code: r.code });
    const period = await em.findOneByOrFail(Period, { schemeId: cls.periodSchemeId!, position: r.position });
    const studentId = Number(await h.ids.student(r.ine));
    const locked = r.status === ReportStatus.LOCKED;
    const reportId = Number(
      (
        await em.insert(PeriodicReport, {
          studentId,
          periodId: period.id,
          classId: cls.id,
          schoolYear: r.year,
          status: r.status,
          synthesis: `Bilan ${r.year} en ${r.code}.`,
          lockedAt: locked ? new Date(`${period.endsOn}T17:00:00Z`) : null,
          version: 2,
        })
      ).identifiers[0].id,
    );
    const entryId = Number((await em.insert(ReportEntry, { reportId, subjectCode: r.subject, positioning: 3, appreciation: "Travail régulier." })).identifiers[0].id);
    await em.insert(ReportEntryElement, { entryId, label: `Élément travaillé en ${r.year}` });
  }

  describe("Inès, arrived this year from academy A02", () => {
    it("R-SEED-06: before the transfer, the receiving school sees nothing of her earlier record", async () => {
      const record = (await h.data("head.hugo", RECORD, { id: await h.ids.student(INES) })).student;
      expect(years(record)).toEqual([`2026 ${UAI.hugo}`]);
      // The 2026 draft of the demo only: her 2025 CM2 report (a level R-SEED-12 shows in 6e) is kept in A02.
      expect(reportYears(record)).toEqual(["2026 6A"]);
    });

    it("R-SEED-13: her guardian sees her whole record, transferred or not", async () => {
      // The collège's online service must be open first (R-SEED-11).
      await h.data("head.hugo", `mutation($id: ID!) { openOnlineService(schoolId: $id) { uai } }`, { id: hugoSchool });
      const record = (await h.data("parent.garcia", RECORD, { id: await h.ids.student(INES) })).student;
      expect(years(record)).toEqual([`2025 ${UAI.parc}`, `2026 ${UAI.hugo}`]);
      expect(record.periodicReports).toEqual([{ schoolYear: 2025, status: "LOCKED", class: { code: "CM2" } }]);
    });

    it("R-SEED-06: a teacher of the receiving school may not transfer (FORBIDDEN), and nothing is written", async () => {
      for (const login of ["teacher.maths", "teacher.francais", "dasen.lyon"]) {
        const result = await h.run(login, TRANSFER, { schoolId: hugoSchool, ine: INES });
        expect(onlyError(result).extensions?.code).toBe("FORBIDDEN");
      }
      // Leads a school and teaches at the collège: sees the collège, but does not lead it.
      const result = await h.run("director.teaching", TRANSFER, { schoolId: hugoSchool, ine: INES });
      expect(onlyError(result).extensions?.code).toBe("FORBIDDEN");
      expect(await transfers()).toBe(0);
      expect(await transferAudits()).toBe(0);
    });

    it("R-SEED-06: the DIRECTOR of another school gets NOT_FOUND for the receiving school, like a missing one", async () => {
      const foreign = await h.run("director.moulin", TRANSFER, { schoolId: hugoSchool, ine: INES });
      const missing = await h.run("director.moulin", TRANSFER, { schoolId: "987654", ine: INES });
      expect(foreign).toEqual(missing);
      expect(onlyError(foreign).extensions?.code).toBe("NOT_FOUND");
      expect(onlyError(await h.run("director.parc", TRANSFER, { schoolId: hugoSchool, ine: INES })).extensions?.code).toBe("NOT_FOUND");
      expect(await transfers()).toBe(0);
    });

    it("R-SEED-06: the HEAD of the receiving school transfers her in her year of arrival, audited", async () => {
      const data = await h.data("head.hugo", TRANSFER, { schoolId: hugoSchool, ine: INES });
      expect(data.transferStudentInterAcademic).toEqual({
        // The response already reads the record as it is after the transfer.
        student: { ine: INES, firstName: "Inès", enrolments: [{ schoolYear: 2026 }, { schoolYear: 2025 }] },
        fromAcademies: [{ code: "A02" }],
        alreadyTransferred: false,
      });
      const rows: Array<Record<string, unknown>> = await h.db.dataSource.query(
        `SELECT t.studentId, fa.code AS fromCode, ta.code AS toCode, s.uai, t.schoolYear, a.login
         FROM inter_academic_transfer t JOIN academy fa ON fa.id = t.fromAcademyId JOIN academy ta ON ta.id = t.toAcademyId
         JOIN school s ON s.id = t.receivingSchoolId JOIN account a ON a.id = t.performedByAccountId`,
      );
      expect(rows.map((r) => ({ ...r, studentId: String(r.studentId), schoolYear: Number(r.schoolYear) }))).toEqual([
        { studentId: await h.ids.student(INES), fromCode: "A02", toCode: "A01", uai: UAI.hugo, schoolYear: 2026, login: "head.hugo" },
      ]);
      const events: Array<Record<string, any>> = await h.db.dataSource.query(
        "SELECT actorAccountId, entityType, entityId, schoolId, studentId, details FROM audit_event WHERE action = 'TRANSFER_INTER_ACADEMIC'",
      );
      const a02 = (await h.db.dataSource.query("SELECT id FROM academy WHERE code = 'A02'"))[0].id;
      const head = await h.db.dataSource.manager.findOneByOrFail(Account, { login: "head.hugo" });
      expect(events).toHaveLength(1);
      expect({ ...events[0], actorAccountId: Number(events[0].actorAccountId), schoolId: String(events[0].schoolId), studentId: String(events[0].studentId) }).toEqual({
        actorAccountId: head.id,
        entityType: "Student",
        entityId: await h.ids.student(INES),
        schoolId: hugoSchool,
        studentId: await h.ids.student(INES),
        details: JSON.stringify({ fromAcademyIds: [Number(a02)] }),
      });
    });

    it("R-SEED-06: after the transfer, the receiving school sees her earlier record, within R-SEED-12", async () => {
      const record = (await h.data("head.hugo", RECORD, { id: await h.ids.student(INES) })).student;
      expect(years(record)).toEqual([`2025 ${UAI.parc}`, `2026 ${UAI.hugo}`]);
      expect(reportYears(record)).toEqual(["2025 CM2", "2026 6A"]);
      // Her guardian's view did not depend on it.
      const guardian = (await h.data("parent.garcia", RECORD, { id: await h.ids.student(INES) })).student;
      expect(years(guardian)).toEqual([`2025 ${UAI.parc}`, `2026 ${UAI.hugo}`]);
    });

    it("R-SEED-06: repeating the transfer changes nothing and says so", async () => {
      const before = { transfers: await transfers(), audits: await transferAudits() };
      const data = await h.data("head.hugo", TRANSFER, { schoolId: hugoSchool, ine: INES.toLowerCase() });
      expect(data.transferStudentInterAcademic).toEqual({
        student: { ine: INES, firstName: "Inès", enrolments: [{ schoolYear: 2026 }, { schoolYear: 2025 }] },
        fromAcademies: [{ code: "A02" }],
        alreadyTransferred: true,
      });
      expect({ transfers: await transfers(), audits: await transferAudits() }).toEqual(before);
    });
  });

  describe("refusals", () => {
    it("R-SEED-06: a pupil not enrolled in the receiving school is refused exactly like an unknown INE", async () => {
      const before = { transfers: await transfers(), audits: await transferAudits() };
      const elsewhere = await h.run("head.hugo", TRANSFER, { schoolId: hugoSchool, ine: TOM });
      const unknown = await h.run("head.hugo", TRANSFER, { schoolId: hugoSchool, ine: "9999999999Z" });
      expect(elsewhere).toEqual(unknown);
      expect(onlyError(elsewhere).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "ine", rule: "R-SEED-06" });
      expect({ transfers: await transfers(), audits: await transferAudits() }).toEqual(before);
    });

    it("R-SEED-06: a school the pupil has left cannot bring in their record", async () => {
      // Inès left the École du Parc (A02) for the collège (A01): the Parc cannot transfer her anywhere now.
      const left = await h.run("director.parc", TRANSFER, { schoolId: await h.ids.school(UAI.parc), ine: INES });
      const unknown = await h.run("director.parc", TRANSFER, { schoolId: await h.ids.school(UAI.parc), ine: "9999999999Z" });
      expect(left).toEqual(unknown);
      expect(onlyError(left).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "ine", rule: "R-SEED-06" });
    });

    it("R-SEED-06: a pupil who arrives only in a later year is not enrolled yet", async () => {
      const late = await h.run("head.hugo", TRANSFER, { schoolId: hugoSchool, ine: LATE });
      const unknown = await h.run("head.hugo", TRANSFER, { schoolId: hugoSchool, ine: "9999999999Z" });
      expect(late).toEqual(unknown);
    });

    it("R-SEED-06: a pupil whose previous school is in the same academy has nothing to transfer", async () => {
      const before = { transfers: await transfers(), audits: await transferAudits() };
      const result = await h.run("head.hugo", TRANSFER, { schoolId: hugoSchool, ine: HUGO_MARTIN });
      const error = onlyError(result);
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "ine", rule: "R-SEED-06" });
      expect(error.message).toMatch(/nothing to transfer/);
      // A pupil with no school before this one has nothing to transfer either.
      const first = onlyError(await h.run("director.parc", TRANSFER, { schoolId: await h.ids.school(UAI.parc), ine: TOM }));
      expect(first.extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "R-SEED-06" });
      expect({ transfers: await transfers(), audits: await transferAudits() }).toEqual(before);
    });

    it("R-SEED-06: a pupil who left for another academy and came back brings in the years spent there", async () => {
      const data = await h.data("director.moulin", TRANSFER, { schoolId: await h.ids.school(UAI.moulin), ine: BACK });
      expect(data.transferStudentInterAcademic).toMatchObject({ fromAcademies: [{ code: "A02" }], alreadyTransferred: false });
      const record = (await h.data("director.moulin", RECORD, { id: await h.ids.student(BACK) })).student;
      expect(years(record)).toEqual([`2024 ${UAI.moulin}`, `2025 ${UAI.parc}`, `2026 ${UAI.moulin}`]);
    });

    it("R-SEED-06: two simultaneous transfers of one pupil write one row and one audit event", async () => {
      const studentId = Number(await h.ids.student(TWIN));
      const results = await Promise.all([1, 2].map(() => h.data("head.hugo", TRANSFER, { schoolId: hugoSchool, ine: TWIN })));
      expect(results.map((r) => r.transferStudentInterAcademic.alreadyTransferred).sort()).toEqual([false, true]);
      expect(await count("SELECT COUNT(*) AS n FROM inter_academic_transfer WHERE studentId = ?", [studentId])).toBe(1);
      expect(await count("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'TRANSFER_INTER_ACADEMIC' AND studentId = ?", [studentId])).toBe(1);
    });

    it("R-SEED-06: an INE that is not one is bad input", async () => {
      const error = onlyError(await h.run("head.hugo", TRANSFER, { schoolId: hugoSchool, ine: "123" }));
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "ine" });
    });
  });

  describe("Zoé, three years of history", () => {
    /** Every table of the schema, in full; a transfer may write only its own row and its audit event. */
    async function dumpAll(): Promise<Record<string, unknown[]>> {
      const out: Record<string, unknown[]> = {};
      for (const metadata of h.db.dataSource.entityMetadatas) {
        if (["inter_academic_transfer", "audit_event"].includes(metadata.tableName)) continue;
        // Date columns also as the database's own text: keeps MariaDB's microseconds in the comparison.
        const dates = metadata.columns
          .filter((c) => c.isCreateDate || c.type === "datetime")
          .map((c) => `, CAST(t.${c.databaseName} AS CHAR) AS ${c.databaseName}Text`)
          .join("");
        const order = metadata.primaryColumns.map((c) => `t.${c.databaseName}`).join(", ");
        out[metadata.tableName] = JSON.parse(JSON.stringify(await h.db.dataSource.query(`SELECT t.*${dates} FROM ${metadata.tableName} t ORDER BY ${order}`)));
      }
      return out;
    }

    /** Written directly, as earlier years' records would have been: her reports, end-of-cycle report, attestations and Pix. */
    async function seedHistory(): Promise<void> {
      await h.db.dataSource.transaction(async (em) => {
        await insertReport(em, { ine: ZOE, uai: UAI.parc, year: 2024, code: "CM2", position: 3, status: ReportStatus.LOCKED, subject: "FRA-RAC" });
        await insertReport(em, { ine: ZOE, uai: UAI.hugo, year: 2025, code: "6A", position: 2, status: ReportStatus.LOCKED, subject: "061300" });
        await insertReport(em, { ine: ZOE, uai: UAI.hugo, year: 2026, code: "5A", position: 1, status: ReportStatus.DRAFT, subject: "061300" });
        const studentId = Number(await h.ids.student(ZOE));
        const parc = Number(await h.ids.school(UAI.parc));
        const hugo = Number(await h.ids.school(UAI.hugo));
        const head = (await em.findOneByOrFail(Account, { login: "head.hugo" })).id;
        const insert = async (table: string, row: Record<string, unknown>) => {
          const columns = Object.keys(row);
          await em.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`, Object.values(row));
        };
        const idOf = async (sql: string) => Number((await em.query(sql, [studentId]))[0].id);
        // Cycle 3 ends in 6e: made at the collège in 2025.
        await insert("cycle_report", {
          studentId,
          cycle: 3,
          schoolYear: 2025,
          schoolId: hugo,
          status: "LOCKED",
          lockedAt: "2026-06-20 10:00:00",
          synthesis: "Cycle 3 validé.",
          createdByAccountId: head,
          version: 2,
        });
        const cycleReportId = await idOf("SELECT id FROM cycle_report WHERE studentId = ?");
        for (const [i, code] of ["CPD_FRA", "CPD_ETR", "CPD_SCI", "CPD_ART", "MET_APP", "FRM_CIT", "SYS_NAT", "REP_MND"].entries()) {
          await insert("cycle_report_component", { cycleReportId, code, level: 1 + (i % 4) });
        }
        // APER at the École du Parc (kept in A02), ASSR1 at the collège.
        await insert("attestation", { studentId, type: "APER", obtainedOn: "2025-05-15", schoolId: parc, schoolYear: 2024 });
        await insert("attestation", { studentId, type: "ASSR1", obtainedOn: "2026-05-20", schoolId: hugo, schoolYear: 2025 });
        await insert("pix_certification", { studentId, schoolId: hugo, schoolYear: 2025, certifiedOn: "2026-05-28", score: 212, version: 1 });
        const certificationId = await idOf("SELECT id FROM pix_certification WHERE studentId = ?");
        await insert("pix_competence_level", { certificationId, competence: "1.1", level: 2 });
      });
    }

    it("R-SEED-06: a transfer in a year after arrival keeps every report, end-of-cycle report and attestation intact", async () => {
      await seedHistory();
      const zoe = await h.ids.student(ZOE);
      const of = async (table: string, where = "studentId = ?") => count(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, [Number(zoe)]);
      expect({
        reports: await of("periodic_report"),
        entries: await of("report_entry", "reportId IN (SELECT id FROM periodic_report WHERE studentId = ?)"),
        cycleReports: await of("cycle_report"),
        components: await of("cycle_report_component", "cycleReportId IN (SELECT id FROM cycle_report WHERE studentId = ?)"),
        attestations: await of("attestation"),
        pix: await of("pix_certification"),
      }).toEqual({ reports: 3, entries: 3, cycleReports: 1, components: 8, attestations: 2, pix: 1 });
      const before = await dumpAll();
      const RECORD_PARTS = `query($id: ID!) { student(id: $id) {
        enrolments { schoolYear school { uai } } periodicReports { schoolYear class { code } } attestations { type } cycleReports { cycle }
      } }`;
      const seen = (await h.data("head.hugo", RECORD_PARTS, { id: zoe })).student;
      // In 5e, R-SEED-12 shows CM1 to 5e: the 2024 CM2 report is hidden only because it is kept in A02, and so is the APER.
      expect(reportYears(seen)).toEqual(["2025 6A", "2026 5A"]);
      expect(seen.attestations.map((a: { type: string }) => a.type)).toEqual(["ASSR1"]);

      // Arrived at the collège in 2025: transferred in 2026, a later year.
      const data = await h.data("head.hugo", TRANSFER, { schoolId: hugoSchool, ine: ZOE });
      expect(data.transferStudentInterAcademic).toMatchObject({ fromAcademies: [{ code: "A02" }], alreadyTransferred: false });
      expect(await dumpAll()).toEqual(before);

      const record = (await h.data("head.hugo", RECORD_PARTS, { id: zoe })).student;
      expect(years(record)).toEqual([`2024 ${UAI.parc}`, `2025 ${UAI.hugo}`, `2026 ${UAI.hugo}`]);
      expect(reportYears(record)).toEqual(["2024 CM2", "2025 6A", "2026 5A"]);
      expect(record.attestations.map((a: { type: string }) => a.type).sort()).toEqual(["APER", "ASSR1"]);
      expect(record.cycleReports).toEqual([{ cycle: 3 }]);
    });
  });
});
