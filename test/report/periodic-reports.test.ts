import { PeriodicReport } from "../../src/modules/report/periodic-report.entity";
import { PriorYearAmendment } from "../../src/modules/amendment/prior-year-amendment.entity";
import { SchoolClass } from "../../src/modules/class/school-class.entity";
import { ReportEntry, ReportEntryElement, ReportEntryTeacher, ReportReferenceTeacher } from "../../src/modules/report/report-parts.entity";
import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { countStatements, createHarness, Harness, onlyError, UAI } from "../support/harness";

const REPORT_FIELDS = `id status version readOnly synthesis
  entries { subject { code } positioning studentAverage classAverage appreciation teachers { surname } programElements { label wholeClass } }
  referenceTeachers { surname } schoolLife { lateCount justifiedAbsences unjustifiedAbsences comment }
  digitalSkills { levels { code level } appreciation collectiveAppreciation }`;
const CREATE = `mutation($input: CreatePeriodicReportInput!) { createPeriodicReport(input: $input) { ${REPORT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdatePeriodicReportInput!) { updatePeriodicReport(id: $id, expectedVersion: $v, input: $input) { ${REPORT_FIELDS} } }`;
const LOCK = `mutation($id: ID!) { lockPeriodicReport(id: $id) { status version } }`;
const UNLOCK = `mutation($id: ID!) { unlockPeriodicReport(id: $id) { status version } }`;

describe("periodic reports", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("periodic_reports", { demoReports: true });
  });
  afterAll(() => h.close());

  const periodId = (uai: string, year: number, code: string, position: number) => h.ids.period(uai, year, code, position);
  const reportOf = async (ine: string, uai: string, year: number, code: string, position: number) => {
    const rows: Array<{ id: number; version: number }> = await h.db.dataSource.query(
      "SELECT r.id, r.version FROM periodic_report r JOIN student s ON s.id = r.studentId WHERE s.ine = ? AND r.periodId = ?",
      [ine, Number(await periodId(uai, year, code, position))],
    );
    return { id: String(rows[0].id), version: Number(rows[0].version) };
  };
  const count = async (table: string) => Number((await h.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const createInput = async (uai: string, year: number, code: string, ine: string, position: number) => ({
    classId: await h.ids.class(uai, year, code),
    studentId: await h.ids.student(ine),
    periodId: await periodId(uai, year, code, position),
  });

  describe("creation", () => {
    it("R-SEED-01: refuses a report while the class's periods are not set", async () => {
      const result = await h.run("head.hugo", CREATE, {
        input: { classId: await h.ids.class(UAI.hugo, 2026, "3A"), studentId: await h.ids.student("2000000005E"), periodId: await periodId(UAI.hugo, 2026, "6A", 1) },
      });
      expect(onlyError(result).extensions).toMatchObject({ code: "PERIODS_NOT_CONFIGURED", rule: "R-SEED-01" });
    });

    it("R-SEED-02: refuses a report while the class has no settings", async () => {
      const threeA = Number(await h.ids.class(UAI.hugo, 2026, "3A"));
      const scheme: Array<{ periodSchemeId: number }> = await h.db.dataSource.query("SELECT periodSchemeId FROM school_class WHERE id = ?", [
        Number(await h.ids.class(UAI.hugo, 2026, "6A")),
      ]);
      await h.db.dataSource.getRepository(SchoolClass).update({ id: threeA }, { periodSchemeId: scheme[0].periodSchemeId });
      const result = await h.run("head.hugo", CREATE, {
        input: { classId: String(threeA), studentId: await h.ids.student("2000000005E"), periodId: await periodId(UAI.hugo, 2026, "6A", 1) },
      });
      expect(onlyError(result).extensions).toMatchObject({ code: "SETTINGS_MISMATCH", rule: "R-SEED-02" });
    });

    it("R-SEED-05: refuses a typed-in report in a class set to IMPORT", async () => {
      const ce1 = Number(await h.ids.class(UAI.moulin, 2026, "CE1"));
      await h.db.dataSource.getRepository(SchoolClass).update({ id: ce1 }, { dataSource: "IMPORT" as never });
      try {
        const result = await h.run("teacher.ce1", CREATE, { input: await createInput(UAI.moulin, 2026, "CE1", "1000000003C", 2) });
        expect(onlyError(result).extensions).toMatchObject({ code: "SETTINGS_MISMATCH", rule: "R-SEED-05" });
      } finally {
        await h.db.dataSource.getRepository(SchoolClass).update({ id: ce1 }, { dataSource: "ENTRY" as never });
      }
    });

    it("R-SEED-09: refuses a report in an earlier school year", async () => {
      const result = await h.run("director.moulin", CREATE, { input: await createInput(UAI.moulin, 2025, "CP", "1000000003C", 1) });
      expect(onlyError(result).extensions).toMatchObject({ code: "PAST_YEAR", rule: "R-SEED-09" });
    });

    it("refuses a pupil of another class and a period of another class, naming the field", async () => {
      const otherPupil = await h.run("teacher.cp", CREATE, { input: await createInput(UAI.moulin, 2026, "CP", "1000000003C", 2) });
      expect(onlyError(otherPupil).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "studentId" });
      const input = await createInput(UAI.moulin, 2026, "CP", "1000000002B", 2);
      const otherPeriod = await h.run("teacher.cp", CREATE, { input: { ...input, periodId: await periodId(UAI.hugo, 2026, "6A", 2) } });
      expect(onlyError(otherPeriod).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "periodId" });
    });

    it("R-PUB-20: one report per pupil and period", async () => {
      const result = await h.run("teacher.cp", CREATE, { input: await createInput(UAI.moulin, 2026, "CP", "1000000002B", 1) });
      expect(onlyError(result).extensions).toMatchObject({ code: "CONFLICT", rule: "R-PUB-20" });
    });

    it("R-SEED-16: creates a draft; the 1D teacher who creates it is its reference teacher; audited", async () => {
      const before = await count("audit_event");
      const data = await h.data("teacher.ce1", CREATE, { input: await createInput(UAI.moulin, 2026, "CE1", "1000000003C", 2) });
      expect(data.createPeriodicReport).toMatchObject({ status: "DRAFT", version: 1, entries: [], referenceTeachers: [{ surname: "Robin" }] });
      expect(await count("audit_event")).toBe(before + 1);
    });
  });

  describe("editing", () => {
    it("R-SEED-16: a 1D teacher who edits a report joins its reference teachers in the same response, once", async () => {
      const created = await h.data("director.moulin", CREATE, { input: await createInput(UAI.moulin, 2026, "CP", "1000000002B", 2) });
      const report = created.createPeriodicReport;
      expect(report.referenceTeachers).toEqual([]);
      const first = await h.data("teacher.cp", UPDATE, { id: report.id, v: 1, input: { synthesis: "Noah s'investit davantage." } });
      expect(first.updatePeriodicReport.referenceTeachers).toEqual([{ surname: "Chevalier" }]);
      const second = await h.data("teacher.cp", UPDATE, { id: report.id, v: 2, input: { synthesis: "Noah progresse." } });
      expect(second.updatePeriodicReport.referenceTeachers).toEqual([{ surname: "Chevalier" }]);
    });

    it("records entries with their teacher, individual and whole-class program elements", async () => {
      const { id, version } = await reportOf("1000000002B", UAI.moulin, 2026, "CP", 1);
      const data = await h.data("teacher.cp", UPDATE, {
        id,
        v: version,
        input: { entries: [{ subjectCode: "FRA-RAC", positioning: 3, appreciation: "Des progrès nets.", programElements: ["Lire des mots courts"] }] },
      });
      expect(data.updatePeriodicReport.entries).toEqual([
        {
          subject: { code: "FRA-RAC" },
          positioning: 3,
          studentAverage: null,
          classAverage: null,
          appreciation: "Des progrès nets.",
          teachers: [{ surname: "Chevalier" }],
          programElements: [
            { label: "Reconnaître les lettres de l'alphabet", wholeClass: true },
            { label: "Écrire son prénom", wholeClass: true },
            { label: "Lire des mots courts", wholeClass: false },
          ],
        },
      ]);
      expect(data.updatePeriodicReport.version).toBe(version + 1);
    });

    const badEntries: Array<[string, Record<string, unknown>, string]> = [
      ["R-PUB-06: a positioning out of 1–4", { subjectCode: "FRA-RAC", positioning: 5 }, "BAD_USER_INPUT"],
      ["R-PUB-06: a grade in a class without grades", { subjectCode: "FRA-RAC", studentAverage: "12" }, "BAD_USER_INPUT"],
      ["R-PUB-19: an appreciation over 600 characters", { subjectCode: "FRA-RAC", appreciation: "é".repeat(601) }, "BAD_USER_INPUT"],
      ["a blank appreciation", { subjectCode: "FRA-RAC", appreciation: "   " }, "BAD_USER_INPUT"],
      ["an unknown domain code", { subjectCode: "XYZ-RAC", positioning: 2 }, "BAD_USER_INPUT"],
      ["a 2D subject in a 1D report", { subjectCode: "061300", positioning: 2 }, "BAD_USER_INPUT"],
      ["a program element over 300 characters", { subjectCode: "FRA-RAC", programElements: ["x".repeat(301)] }, "BAD_USER_INPUT"],
    ];
    for (const [what, entry, code] of badEntries) {
      it(`${what} is refused with ${code} and nothing is written`, async () => {
        const { id, version } = await reportOf("1000000002B", UAI.moulin, 2026, "CP", 1);
        const audits = await count("audit_event");
        const result = await h.run("teacher.cp", UPDATE, { id, v: version, input: { entries: [entry] } });
        expect(onlyError(result).extensions?.code).toBe(code);
        expect(JSON.stringify(result.errors)).not.toContain("x".repeat(301));
        expect((await reportOf("1000000002B", UAI.moulin, 2026, "CP", 1)).version).toBe(version);
        expect(await count("audit_event")).toBe(audits);
      });
    }

    it("R-PUB-06: a GRADES class takes averages and refuses a positioning", async () => {
      const created = await h.data("teacher.maths", CREATE, { input: await createInput(UAI.hugo, 2026, "5A", "2000000003C", 2) });
      const id = created.createPeriodicReport.id;
      const refused = await h.run("teacher.maths", UPDATE, { id, v: 1, input: { entries: [{ subjectCode: "061300", positioning: 3 }] } });
      expect(onlyError(refused).extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "R-PUB-06", field: "entries[0].positioning" });
      const badAverage = await h.run("teacher.maths", UPDATE, { id, v: 1, input: { entries: [{ subjectCode: "061300", studentAverage: "douze" }] } });
      expect(onlyError(badAverage).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "entries[0].studentAverage" });
      const ok = await h.data("teacher.maths", UPDATE, {
        id,
        v: 1,
        input: { entries: [{ subjectCode: "061300", studentAverage: "15,25", classAverage: "12", appreciation: "Excellent." }] },
      });
      expect(ok.updatePeriodicReport.entries[0]).toMatchObject({ studentAverage: "15,25", classAverage: "12", positioning: null });
    });

    it("R-PUB-19: school life is collège-only and bounded 0–999", async () => {
      const { id, version } = await reportOf("2000000001A", UAI.hugo, 2026, "6A", 1);
      const tooMany = await h.run("head.hugo", UPDATE, { id, v: version, input: { schoolLife: { lateCount: 1000, justifiedAbsences: 0, unjustifiedAbsences: 0 } } });
      expect(onlyError(tooMany).extensions?.code).toBe("BAD_USER_INPUT");
      const ok = await h.data("head.hugo", UPDATE, {
        id,
        v: version,
        input: { schoolLife: { lateCount: 3, justifiedAbsences: 4, unjustifiedAbsences: 1, comment: "Retards en hausse." } },
      });
      expect(ok.updatePeriodicReport.schoolLife).toEqual({ lateCount: 3, justifiedAbsences: 4, unjustifiedAbsences: 1, comment: "Retards en hausse." });
      const noah = await reportOf("1000000002B", UAI.moulin, 2026, "CP", 1);
      const firstDegree = await h.run("director.moulin", UPDATE, {
        id: noah.id,
        v: noah.version,
        input: { schoolLife: { lateCount: 0, justifiedAbsences: 0, unjustifiedAbsences: 0 } },
      });
      expect(onlyError(firstDegree).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "schoolLife" });
    });

    it("lets 2D teachers edit only the subjects they teach the pupil, group teachers included", async () => {
      const hugo = await reportOf("2000000001A", UAI.hugo, 2026, "6A", 1);
      const notTheirs = await h.run("teacher.maths", UPDATE, { id: hugo.id, v: hugo.version, input: { entries: [{ subjectCode: "020700", positioning: 2 }] } });
      expect(onlyError(notTheirs).extensions?.code).toBe("FORBIDDEN");
      const french = await h.data("teacher.francais", UPDATE, { id: hugo.id, v: hugo.version, input: { entries: [{ subjectCode: "020700", positioning: 2 }] } });
      expect(french.updatePeriodicReport.entries.map((e: { subject: { code: string } }) => e.subject.code)).toEqual(["020700", "061300"]);

      const lucas = await h.data("teacher.maths", CREATE, { input: await createInput(UAI.hugo, 2026, "5A", "2000000003C", 3) });
      const latin = await h.data("teacher.latin", UPDATE, {
        id: lucas.createPeriodicReport.id,
        v: 1,
        input: { entries: [{ subjectCode: "020300", studentAverage: "16", appreciation: "Très bon latiniste." }] },
      });
      expect(latin.updatePeriodicReport.entries[0].teachers).toEqual([{ surname: "Clément" }]);
      const synthesis = await h.run("teacher.latin", UPDATE, { id: lucas.createPeriodicReport.id, v: 2, input: { synthesis: "Bien." } });
      expect(onlyError(synthesis).extensions?.code).toBe("FORBIDDEN");
    });

    it("hides a report from a teacher of another class exactly like a missing one", async () => {
      const { id, version } = await reportOf("1000000002B", UAI.moulin, 2026, "CP", 1);
      const foreign = await h.run("teacher.ce1", UPDATE, { id, v: version, input: { synthesis: "x" } });
      const missing = await h.run("teacher.ce1", UPDATE, { id: "987654", v: version, input: { synthesis: "x" } });
      expect(foreign).toEqual(missing);
      expect(onlyError(foreign).extensions?.code).toBe("NOT_FOUND");
    });

    it("R-NEW-03: of two saves from the same version, exactly one wins and the other gets CONFLICT", async () => {
      const { id, version } = await reportOf("1000000005E", UAI.moulin, 2026, "CE2-CM1", 1);
      const audits = await count("audit_event");
      const results = await Promise.all([
        h.run("teacher.ce2cm1", UPDATE, { id, v: version, input: { synthesis: "Version A" } }),
        h.run("director.moulin", UPDATE, { id, v: version, input: { synthesis: "Version B" } }),
      ]);
      const winners = results.filter((r) => !r.errors);
      const losers = results.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(onlyError(losers[0]).extensions).toMatchObject({ code: "CONFLICT", rule: "R-NEW-03" });
      const stored = await h.db.dataSource.getRepository(PeriodicReport).findOneByOrFail({ id: Number(id) });
      expect(stored.version).toBe(version + 1);
      expect(stored.synthesis).toBe(winners[0].data!.updatePeriodicReport.synthesis);
      expect(await count("audit_event")).toBe(audits + 1);
    });
  });

  describe("locking", () => {
    it("lets a 1D class teacher lock, refuses edits of a locked report, and lets only the director unlock", async () => {
      const { id, version } = await reportOf("1000000002B", UAI.moulin, 2026, "CP", 1);
      expect((await h.data("teacher.cp", LOCK, { id })).lockPeriodicReport.status).toBe("LOCKED");
      const edit = await h.run("teacher.cp", UPDATE, { id, v: version + 1, input: { synthesis: "Trop tard." } });
      expect(onlyError(edit).extensions?.code).toBe("REPORT_LOCKED");
      expect(onlyError(await h.run("teacher.cp", UNLOCK, { id })).extensions?.code).toBe("FORBIDDEN");
      expect((await h.data("director.moulin", UNLOCK, { id })).unlockPeriodicReport.status).toBe("DRAFT");
    });

    it("R-PUB-04: a save sent with the version the lock produced never lands in the locked report", async () => {
      const { id } = await reportOf("1000000002B", UAI.moulin, 2026, "CP", 1);
      for (let attempt = 0; attempt < 12; attempt++) {
        const before = await h.db.dataSource.getRepository(PeriodicReport).findOneByOrFail({ id: Number(id) });
        expect(before.status).toBe("DRAFT");
        // The save names the version the lock is about to produce, and runs while the lock commits.
        const [locked, save] = await Promise.all([
          h.run("director.moulin", LOCK, { id }),
          new Promise((resolve) => setTimeout(resolve, attempt % 4)).then(() =>
            h.run("teacher.cp", UPDATE, { id, v: before.version + 1, input: { synthesis: `Après verrou ${attempt}` } }),
          ),
        ]);
        expect(locked.errors).toBeUndefined();
        expect(["REPORT_LOCKED", "CONFLICT"]).toContain(onlyError(save).extensions?.code);
        const after = await h.db.dataSource.getRepository(PeriodicReport).findOneByOrFail({ id: Number(id) });
        expect(after).toMatchObject({ status: "LOCKED", synthesis: before.synthesis, version: before.version + 1 });
        expect((await h.data("director.moulin", UNLOCK, { id })).unlockPeriodicReport.status).toBe("DRAFT");
      }
    });

    it("refuses a 2D teacher's lock: in collèges the HEAD locks", async () => {
      const { id } = await reportOf("2000000001A", UAI.hugo, 2026, "6A", 1);
      expect(onlyError(await h.run("teacher.maths", LOCK, { id })).extensions?.code).toBe("FORBIDDEN");
      expect((await h.data("head.hugo", LOCK, { id })).lockPeriodicReport.status).toBe("LOCKED");
    });

    it("locks every draft report of a class for a period at once", async () => {
      const data = await h.data(
        "director.moulin",
        `mutation($c: ID!, $p: ID!) { lockClassReports(classId: $c, periodId: $p) { locked alreadyLocked refused { code } } }`,
        { c: await h.ids.class(UAI.moulin, 2026, "CE2-CM1"), p: await periodId(UAI.moulin, 2026, "CE2-CM1", 1) },
      );
      expect(data.lockClassReports).toEqual({ locked: 1, alreadyLocked: 1, refused: [] });
    });

    it("R-SEED-19: the last CM2 report locks once the class's collective digital-skills appreciation exists, alone", async () => {
      const created = await h.data("teacher.cm2", CREATE, { input: await createInput(UAI.moulin, 2026, "CM2", "1000000006F", 3) });
      const id = created.createPeriodicReport.id;
      expect(created.createPeriodicReport.digitalSkills).toEqual({ levels: [], appreciation: null, collectiveAppreciation: null });
      expect(onlyError(await h.run("teacher.cm2", LOCK, { id })).extensions).toMatchObject({ rule: "R-SEED-19" });
      await h.data(
        "teacher.cm2",
        `mutation($c: ID!) { setCollectiveDigitalSkillsAppreciation(classId: $c, text: "La classe a travaillé la sécurité en ligne.") { id } }`,
        { c: await h.ids.class(UAI.moulin, 2026, "CM2") },
      );
      expect((await h.data("teacher.cm2", LOCK, { id })).lockPeriodicReport.status).toBe("LOCKED");
    });

    it("R-SEED-19: the last 6e report locks with a group's collective appreciation alone, shown on the report", async () => {
      const created = await h.data("teacher.maths", CREATE, { input: await createInput(UAI.hugo, 2026, "6A", "2000000001A", 3) });
      const id = created.createPeriodicReport.id;
      expect(onlyError(await h.run("head.hugo", LOCK, { id })).extensions).toMatchObject({ rule: "R-SEED-19" });
      await h.data("head.hugo", `mutation($g: ID!) { setGroupCollectiveDigitalSkillsAppreciation(groupId: $g, text: "Le groupe a créé un diaporama.") { code } }`, {
        g: await h.ids.group(UAI.hugo, 2026, "ANG-G1"),
      });
      expect((await h.data("head.hugo", LOCK, { id })).lockPeriodicReport.status).toBe("LOCKED");
      const read = await h.data("head.hugo", `query($id: ID!) { periodicReport(id: $id) { digitalSkills { collectiveAppreciation groupAppreciations { groupCode text } } } }`, { id });
      expect(read.periodicReport.digitalSkills).toEqual({
        collectiveAppreciation: null,
        groupAppreciations: [{ groupCode: "ANG-G1", text: "Le groupe a créé un diaporama." }],
      });
    });

    it("accepts digital skills only in the last period of CM2 or 6e", async () => {
      const { id, version } = await reportOf("1000000006F", UAI.moulin, 2026, "CM2", 1);
      const result = await h.run("teacher.cm2", UPDATE, { id, v: version, input: { digitalSkills: { levels: [{ code: "CN_INF_MEN", level: 2 }] } } });
      expect(onlyError(result).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "digitalSkills" });
    });

    it("R-SEED-04: a read-only report refuses edits and unlocking", async () => {
      const { id, version } = await reportOf("1000000004D", UAI.moulin, 2026, "CE2-CM1", 1);
      await h.db.dataSource.getRepository(PeriodicReport).update({ id: Number(id) }, { readOnly: true });
      try {
        expect(onlyError(await h.run("director.moulin", UNLOCK, { id })).extensions).toMatchObject({ code: "REPORT_READ_ONLY", rule: "R-SEED-04" });
        const edit = await h.run("director.moulin", UPDATE, { id, v: version, input: { synthesis: "x" } });
        expect(onlyError(edit).extensions).toMatchObject({ code: "REPORT_READ_ONLY", rule: "R-SEED-04" });
      } finally {
        await h.db.dataSource.getRepository(PeriodicReport).update({ id: Number(id) }, { readOnly: false });
      }
    });
  });

  describe("past years", () => {
    it("R-SEED-10: a past-year report changes only under an amendment listing the changed elements", async () => {
      const { id, version } = await reportOf("1000000003C", UAI.moulin, 2025, "CP", 3);
      const refused = await h.run("director.moulin", UPDATE, { id, v: version, input: { synthesis: "Synthèse corrigée." } });
      expect(onlyError(refused).extensions).toMatchObject({ code: "AMENDMENT_NOT_AUTHORISED", rule: "R-SEED-10" });
      const dasen = await h.db.dataSource.query("SELECT id FROM account WHERE login = 'dasen.lyon'");
      const amendment = await h.db.dataSource.getRepository(PriorYearAmendment).save({
        reportId: Number(id),
        grantedByAccountId: Number(dasen[0].id),
        elements: JSON.stringify(["SYNTHESIS"]),
        ticketRef: "SESAM-0001",
        documentRef: "courrier DASEN 2026-11-02",
      });
      const outside = await h.run("director.moulin", UPDATE, { id, v: version, input: { entries: [{ subjectCode: "FRA-RAC", positioning: 3 }] } });
      expect(onlyError(outside).extensions).toMatchObject({ code: "AMENDMENT_NOT_AUTHORISED", rule: "R-SEED-10" });
      const ok = await h.data("director.moulin", UPDATE, { id, v: version, input: { synthesis: "Synthèse corrigée." } });
      expect(ok.updatePeriodicReport).toMatchObject({ synthesis: "Synthèse corrigée.", status: "LOCKED" });
      const events: Array<{ action: string; details: string }> = await h.db.dataSource.query(
        "SELECT action, details FROM audit_event WHERE entityType = 'PeriodicReport' AND entityId = ? AND action = 'AMEND_PAST_YEAR_REPORT' ORDER BY id DESC",
        [id],
      );
      expect(events[0].action).toBe("AMEND_PAST_YEAR_REPORT");
      expect(JSON.parse(events[0].details).amendmentIds).toEqual([amendment.id]);
    });

    it("R-SEED-09: a teacher cannot change a past-year report; one the pupil's record shows them answers PAST_YEAR, not NOT_FOUND", async () => {
      const { id, version } = await reportOf("1000000006F", UAI.moulin, 2025, "CM1", 3);
      const result = await h.run("teacher.cm2", UPDATE, { id, v: version, input: { synthesis: "x" } });
      expect(onlyError(result).extensions).toMatchObject({ code: "PAST_YEAR", rule: "R-SEED-09" });
      const hidden = await h.run("teacher.cp", UPDATE, { id, v: version, input: { synthesis: "x" } });
      expect(onlyError(hidden).extensions?.code).toBe("NOT_FOUND");
    });
  });

  it("R-NEW-02: reading a report, alone or in a class's list, leaves one read event per pupil", async () => {
    const reads = async () => Number((await h.db.dataSource.query("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'READ_STUDENT_RECORD'"))[0].n);
    const { id } = await reportOf("2000000001A", UAI.hugo, 2026, "6A", 1);
    const before = await reads();
    await h.data("head.hugo", `query($id: ID!) { periodicReport(id: $id) { status } }`, { id });
    expect(await reads()).toBe(before + 1);
    await h.data("head.hugo", `query($c: ID!, $p: ID!) { class(id: $c) { periodicReports(periodId: $p) { status } } }`, {
      c: await h.ids.class(UAI.hugo, 2026, "6A"),
      p: await periodId(UAI.hugo, 2026, "6A", 1),
    });
    expect(await reads()).toBe(before + 3);
  });

  it("lists a class's reports for a period to its teacher, by pupil name", async () => {
    const data = await h.data("teacher.cp", `query($c: ID!, $p: ID!) { class(id: $c) { periodicReports(periodId: $p) { student { firstName } status } } }`, {
      c: await h.ids.class(UAI.moulin, 2026, "CP"),
      p: await periodId(UAI.moulin, 2026, "CP", 1),
    });
    expect(data.class.periodicReports).toEqual([
      { student: { firstName: "Léa" }, status: "LOCKED" },
      { student: { firstName: "Noah" }, status: "DRAFT" },
    ]);
  });
});

describe("periodic reports of a class: statements do not grow with the class", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("report_statements", { demoReports: true });
  });
  afterAll(() => h.close());

  const QUERY = `query($c: ID!, $p: ID!) { class(id: $c) { periodicReports(periodId: $p) {
    status student { surname } referenceTeachers { surname }
    entries { subject { label } positioning appreciation teachers { surname } programElements { label wholeClass } }
    digitalSkills { appreciation } } } }`;

  it("counts the same SQL statements for 2 and for 22 reports", async () => {
    const classId = await h.ids.class("0691001A", 2026, "CP");
    const [{ periodId }] = await h.db.dataSource.query(
      "SELECT p.id AS periodId FROM period p JOIN school_class c ON c.periodSchemeId = p.schemeId WHERE c.id = ? AND p.position = 1",
      [Number(classId)],
    );
    const run = () => h.data("teacher.cp", QUERY, { c: classId, p: String(periodId) });
    const before = await countStatements(h, run);
    expect((await run()).class.periodicReports).toHaveLength(2);

    // Twenty more pupils in CP, each with a report holding two subjects, a teacher and an element.
    const pupils = Array.from({ length: 20 }, (_, i) => ({
      ine: `9100000${String(i).padStart(3, "0")}Z`,
      surname: `Extra${i}`,
      firstName: "Test",
      enrolments: [{ school: "0691001A", schoolYear: 2026, class: "CP", level: "CP" }],
    }));
    await loadDirectoryText(h.db.dataSource, JSON.stringify({ format: "livret-directory/1", pupils }));
    const teacher = (await h.db.dataSource.query("SELECT id FROM account WHERE login = 'teacher.cp'"))[0].id;
    for (const p of pupils) {
      const [{ id: studentId }] = await h.db.dataSource.query("SELECT id FROM student WHERE ine = ?", [p.ine]);
      const report = await h.db.dataSource.getRepository(PeriodicReport).save({
        studentId,
        periodId,
        classId: Number(classId),
        schoolYear: 2026,
      });
      for (const subjectCode of ["FRA-RAC", "MAT-RAC"]) {
        const entry = await h.db.dataSource.getRepository(ReportEntry).save({ reportId: report.id, subjectCode, positioning: 3 });
        await h.db.dataSource.getRepository(ReportEntryTeacher).insert({ entryId: entry.id, accountId: teacher });
        await h.db.dataSource.getRepository(ReportEntryElement).insert({ entryId: entry.id, label: "Compter jusqu'à 100" });
      }
      await h.db.dataSource.getRepository(ReportReferenceTeacher).insert({ reportId: report.id, accountId: teacher });
    }
    const after = await countStatements(h, run);
    expect((await run()).class.periodicReports).toHaveLength(22);
    expect(after).toBe(before);
  });
});

describe("an edit racing a change of the class's settings", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("report_settings_race", { demoReports: true });
  });
  afterAll(() => h.close());

  const SETTINGS = `mutation($c: ID!, $t: PositioningType!) {
    updateClassSettings(classId: $c, settings: { dataSource: ENTRY, positioningType: $t }, confirmDataLoss: true) { class { positioningType } } }`;

  it("R-PUB-06 / R-NEW-03: never leaves a positioning in a class set to GRADES, whichever commits first", async () => {
    const classId = await h.ids.class(UAI.moulin, 2026, "CE1");
    const positionedInGrades = async () =>
      Number(
        (
          await h.db.dataSource.query(
            `SELECT COUNT(*) AS n FROM report_entry e JOIN periodic_report r ON r.id = e.reportId JOIN school_class c ON c.id = r.classId
             WHERE c.id = ? AND c.positioningType = 'GRADES' AND e.positioning IS NOT NULL`,
            [Number(classId)],
          )
        )[0].n,
      );
    for (let round = 0; round < 5; round++) {
      await h.data("director.moulin", SETTINGS, { c: classId, t: "OBJECTIVES" });
      const [{ id, version }] = await h.db.dataSource.query(
        "SELECT r.id, r.version FROM periodic_report r WHERE r.classId = ? ORDER BY r.id LIMIT 1",
        [Number(classId)],
      );
      const [edit, change] = await Promise.all([
        h.run("teacher.ce1", UPDATE, { id: String(id), v: Number(version), input: { entries: [{ subjectCode: "FRA-RAC", positioning: 2 }] } }),
        h.run("director.moulin", SETTINGS, { c: classId, t: "GRADES" }),
      ]);
      expect(change.errors).toBeUndefined();
      // The edit either landed before the change (whose clearing then removed the positioning) or was refused.
      if (edit.errors) expect(edit.errors.map((e) => e.extensions?.code)).toEqual([expect.stringMatching(/^(CONFLICT|BAD_USER_INPUT)$/)]);
      expect(await positionedInGrades()).toBe(0);
    }
  });
});
