import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { CycleReport, CycleReportComponent } from "../../src/modules/cycle-report/cycle-report.entity";
import { ReportStatus } from "../../src/modules/report/periodic-report.entity";
import { countStatements, createHarness, GraphQLResponse, Harness, onlyError, UAI } from "../support/harness";

const FIELDS = `id cycle schoolYear status lockedAt synthesis version
  components { code level } complementaryTeaching { code level } regionalLanguage { code level }
  student { firstName } school { uai } createdBy { surname firstName }`;
const READ = `query($id: ID!) { cycleReport(id: $id) { ${FIELDS} } }`;
const CREATE = `mutation($s: ID!, $c: Int!) { createCycleReport(studentId: $s, cycle: $c) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateCycleReportInput!) { updateCycleReport(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`;
const LOCK = `mutation($id: ID!) { lockCycleReport(id: $id) { status lockedAt version } }`;
const UNLOCK = `mutation($id: ID!) { unlockCycleReport(id: $id) { status lockedAt version } }`;
const OF_STUDENT = `query($id: ID!) { student(id: $id) { cycleReports { cycle status school { uai } } } }`;

const INE = { eloise: "1000000004D", louis: "1000000005E", hugo: "2000000001A", ines: "2000000002B", lucas: "2000000003C", manon: "2000000004D", adam: "2000000005E" };
const SOCLE = ["CPD_FRA", "CPD_ETR", "CPD_SCI", "CPD_ART", "MET_APP", "FRM_CIT", "SYS_NAT", "REP_MND"];
/** All 8 components, each rated `level` unless overridden. */
const allComponents = (level = 3, overrides: Record<string, number> = {}) => SOCLE.map((code) => ({ code, level: overrides[code] ?? level }));

describe("end-of-cycle reports", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("cycle_reports", { demoReports: true });
  });
  afterAll(() => h.close());

  const count = async (table: string, where = "1 = 1", params: unknown[] = []) =>
    Number((await h.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);
  /** The stored report of a pupil for a cycle: id and version, read from the database. */
  const reportOf = async (ine: string, cycle: number) => {
    const rows: Array<{ id: number; version: number }> = await h.db.dataSource.query(
      "SELECT r.id, r.version FROM cycle_report r JOIN student s ON s.id = r.studentId WHERE s.ine = ? AND r.cycle = ?",
      [ine, cycle],
    );
    return { id: String(rows[0].id), version: Number(rows[0].version) };
  };
  /** A report written directly, as an earlier year or another school left it. */
  const insertReport = async (ine: string, uai: string, cycle: number, schoolYear: number, status: ReportStatus) => {
    const [{ id: studentId }] = await h.db.dataSource.query("SELECT id FROM student WHERE ine = ?", [ine]);
    const [{ id: schoolId }] = await h.db.dataSource.query("SELECT id FROM school WHERE uai = ?", [uai]);
    const [{ id: accountId }] = await h.db.dataSource.query("SELECT id FROM account WHERE login = 'director.moulin'");
    const report = await h.db.dataSource.getRepository(CycleReport).save({
      studentId: Number(studentId),
      cycle,
      schoolYear,
      schoolId: Number(schoolId),
      status,
      lockedAt: status === ReportStatus.LOCKED ? new Date(`${schoolYear + 1}-06-20T17:00:00Z`) : null,
      synthesis: "Bilan d'une autre année.",
      createdByAccountId: Number(accountId),
      version: 1,
    });
    await h.db.dataSource.getRepository(CycleReportComponent).insert(SOCLE.map((code) => ({ cycleReportId: report.id, code, level: 3 })));
    return String(report.id);
  };

  describe("creation", () => {
    it("R-PUB-15: refuses a cycle that does not end at the pupil's level in this kind of school, naming `cycle`", async () => {
      const cases: Array<[string, string, number]> = [
        ["director.moulin", INE.eloise, 3],
        ["director.moulin", INE.eloise, 5],
        ["director.moulin", INE.louis, 2],
        ["head.hugo", INE.lucas, 4],
        ["head.hugo", INE.adam, 3],
      ];
      for (const [login, ine, cycle] of cases) {
        const result = await h.run(login, CREATE, { s: await h.ids.student(ine), c: cycle });
        expect([ine, cycle, onlyError(result).extensions]).toEqual([ine, cycle, expect.objectContaining({ code: "BAD_USER_INPUT", field: "cycle" })]);
      }
    });

    it("refuses a creator who is neither the pupil's DIRECTOR/HEAD nor a teacher of the pupil's class", async () => {
      // teacher.latin sees Manon through the LATIN group only.
      const result = await h.run("teacher.latin", CREATE, { s: await h.ids.student(INE.manon), c: 4 });
      expect(onlyError(result).extensions?.code).toBe("FORBIDDEN");
    });

    it("hides a pupil of another school exactly like a missing one", async () => {
      const foreign = await h.run("director.parc", CREATE, { s: await h.ids.student(INE.eloise), c: 2 });
      const missing = await h.run("director.parc", CREATE, { s: "987654", c: 2 });
      expect(foreign).toEqual(missing);
      expect(onlyError(foreign).extensions?.code).toBe("NOT_FOUND");
    });

    it("creates an empty draft for a 6e pupil, by a teacher of the class, audited", async () => {
      const audits = await count("audit_event", "action = 'CREATE_CYCLE_REPORT'");
      const data = await h.data("teacher.maths", CREATE, { s: await h.ids.student(INE.ines), c: 3 });
      expect(data.createCycleReport).toMatchObject({
        cycle: 3,
        schoolYear: 2026,
        status: "DRAFT",
        lockedAt: null,
        synthesis: null,
        version: 1,
        components: [],
        complementaryTeaching: null,
        regionalLanguage: null,
        student: { firstName: "Inès" },
        school: { uai: UAI.hugo },
        createdBy: { surname: "Fontaine", firstName: "Pierre" },
      });
      expect(await count("audit_event", "action = 'CREATE_CYCLE_REPORT'")).toBe(audits + 1);
    });

    it("R-PUB-20: one end-of-cycle report per pupil and cycle", async () => {
      const again = await h.run("head.hugo", CREATE, { s: await h.ids.student(INE.ines), c: 3 });
      expect(onlyError(again).extensions).toMatchObject({ code: "CONFLICT", rule: "R-PUB-20" });
      const demo = await h.run("director.moulin", CREATE, { s: await h.ids.student(INE.eloise), c: 2 });
      expect(onlyError(demo).extensions).toMatchObject({ code: "CONFLICT", rule: "R-PUB-20" });
      expect(await count("cycle_report", "cycle = 3 AND studentId = ?", [Number(await h.ids.student(INE.ines))])).toBe(1);
    });

    it("R-PUB-20: of two creations racing for one pupil and cycle, one creates and the other gets CONFLICT", async () => {
      const pupil = { ine: "9600000001Z", surname: "Course", firstName: "Zoé", enrolments: [{ school: UAI.hugo, schoolYear: 2026, class: "3A", level: "TROISIEME" }] };
      await loadDirectoryText(h.db.dataSource, JSON.stringify({ format: "livret-directory/1", pupils: [pupil] }));
      const s = await h.ids.student(pupil.ine);
      const results = await Promise.all([h.run("head.hugo", CREATE, { s, c: 4 }), h.run("head.hugo", CREATE, { s, c: 4 })]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(onlyError(results.find((r) => r.errors)!).extensions).toMatchObject({ code: "CONFLICT", rule: "R-PUB-20" });
      expect(await count("cycle_report", "studentId = ?", [Number(s)])).toBe(1);
      expect(await count("audit_event", "action = 'CREATE_CYCLE_REPORT' AND studentId = ?", [Number(s)])).toBe(1);
    });
  });

  describe("content", () => {
    const badComponents: Array<[string, Array<{ code: string; level: number }>, string]> = [
      ["7 components", allComponents().slice(1), "components"],
      ["a component twice", [...allComponents(), { code: "CPD_FRA", level: 2 }], "components[8].code"],
      ["an unknown component", [{ code: "CPD_XYZ", level: 2 }, ...allComponents().slice(1)], "components[0].code"],
      ["a level of 5", allComponents(3, { SYS_NAT: 5 }), "components[6].level"],
      ["a level of -1", allComponents(3, { CPD_ART: -1 }), "components[3].level"],
      ["no list at all", null as never, "components"],
    ];
    for (const [what, components, field] of badComponents) {
      it(`R-PUB-14: ${what} is refused, naming ${field}, and nothing is written`, async () => {
        const { id, version } = await reportOf(INE.hugo, 3);
        const audits = await count("audit_event");
        const result = await h.run("head.hugo", UPDATE, { id, v: version, input: { components } });
        expect(onlyError(result).extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "R-PUB-14", field });
        expect((await reportOf(INE.hugo, 3)).version).toBe(version);
        expect(await count("cycle_report_component", "cycleReportId = ?", [Number(id)])).toBe(3);
        expect(await count("audit_event")).toBe(audits);
      });
    }

    it("R-PUB-14: saves the 8 components rated 0–4 (0 = dispensé), replacing the earlier ratings, in the socle's order", async () => {
      const { id, version } = await reportOf(INE.hugo, 3);
      const shuffled = [...allComponents(2, { CPD_ETR: 0, REP_MND: 4 })].reverse();
      const data = await h.data("head.hugo", UPDATE, { id, v: version, input: { components: shuffled } });
      expect(data.updateCycleReport.components).toEqual(allComponents(2, { CPD_ETR: 0, REP_MND: 4 }));
      expect(data.updateCycleReport.version).toBe(version + 1);
      expect(await count("cycle_report_component", "cycleReportId = ?", [Number(id)])).toBe(8);
    });

    it("R-PUB-14: the synthesis has at most 1500 characters; blank is refused and null clears it", async () => {
      let { id, version } = await reportOf(INE.hugo, 3);
      const tooLong = await h.run("head.hugo", UPDATE, { id, v: version, input: { synthesis: "é".repeat(1501) } });
      expect(onlyError(tooLong).extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "R-PUB-14", field: "synthesis" });
      expect(JSON.stringify(tooLong.errors)).not.toContain("éééé");
      const blank = await h.run("head.hugo", UPDATE, { id, v: version, input: { synthesis: "   " } });
      expect(onlyError(blank).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "synthesis" });

      const longest = await h.data("head.hugo", UPDATE, { id, v: version, input: { synthesis: "é".repeat(1500) } });
      expect(longest.updateCycleReport.synthesis).toHaveLength(1500);
      const cleared = await h.data("head.hugo", UPDATE, { id, v: version + 1, input: { synthesis: null } });
      expect(cleared.updateCycleReport.synthesis).toBeNull();
      ({ version } = await reportOf(INE.hugo, 3));
      const text = await h.data("head.hugo", UPDATE, { id, v: version, input: { synthesis: "  Hugo a consolidé les acquis du cycle 3.  " } });
      expect(text.updateCycleReport.synthesis).toBe("Hugo a consolidé les acquis du cycle 3.");
    });

    it("R-PUB-14: complementary teaching is for cycle 4 only; regional language codes and levels 1–2 are checked", async () => {
      const { id, version } = await reportOf(INE.hugo, 3);
      const refusals: Array<[Record<string, unknown>, string]> = [
        [{ complementaryTeaching: { code: "LCA", level: 1 } }, "complementaryTeaching"],
        [{ regionalLanguage: { code: "XXX", level: 1 } }, "regionalLanguage.code"],
        [{ regionalLanguage: { code: "BRE", level: 3 } }, "regionalLanguage.level"],
        [{ regionalLanguage: { code: "BRE" } }, "regionalLanguage.level"],
        [{ regionalLanguage: { code: "AUC", level: 1 } }, "regionalLanguage.level"],
        [{}, "input"],
      ];
      for (const [input, field] of refusals) {
        const result = await h.run("head.hugo", UPDATE, { id, v: version, input });
        expect([input, onlyError(result).extensions]).toEqual([input, expect.objectContaining({ code: "BAD_USER_INPUT", field })]);
      }
      const ok = await h.data("head.hugo", UPDATE, { id, v: version, input: { regionalLanguage: { code: "BRE", level: 2 } } });
      expect(ok.updateCycleReport).toMatchObject({ regionalLanguage: { code: "BRE", level: 2 }, complementaryTeaching: null });
      const none = await h.data("head.hugo", UPDATE, { id, v: version + 1, input: { regionalLanguage: { code: "AUC" } } });
      expect(none.updateCycleReport.regionalLanguage).toEqual({ code: "AUC", level: null });
    });
  });

  describe("shared work on a report", () => {
    it("R-SEED-18: in an école, any teacher of the pupil's class reads and edits a report a colleague created", async () => {
      await loadDirectoryText(
        h.db.dataSource,
        JSON.stringify({
          format: "livret-directory/1",
          staff: [{ login: "teacher.ce2cm1b", surname: "Bonnet", firstName: "Lise", roles: [{ role: "TEACHER", school: UAI.moulin }] }],
          assignments: [{ login: "teacher.ce2cm1b", school: UAI.moulin, schoolYear: 2026, class: "CE2-CM1", subject: "FRA-RAC" }],
        }),
      );
      const { id, version } = await reportOf(INE.eloise, 2);
      const read = await h.data("teacher.ce2cm1b", READ, { id });
      expect(read.cycleReport).toMatchObject({ cycle: 2, status: "DRAFT", createdBy: { surname: "Gauthier" }, student: { firstName: "Éloïse" } });
      const edited = await h.data("teacher.ce2cm1b", UPDATE, { id, v: version, input: { synthesis: "Éloïse lit avec aisance." } });
      expect(edited.updateCycleReport).toMatchObject({ synthesis: "Éloïse lit avec aisance.", version: version + 1, createdBy: { surname: "Gauthier" } });
      // The creator goes on from the colleague's version.
      const back = await h.data("teacher.ce2cm1", UPDATE, { id, v: version + 1, input: { synthesis: "Éloïse lit avec aisance et plaisir." } });
      expect(back.updateCycleReport.version).toBe(version + 2);
      // A teacher of another class does not see it at all.
      expect(onlyError(await h.run("teacher.cp", READ, { id })).extensions?.code).toBe("NOT_FOUND");
    });

    it("R-SEED-18: in a collège, the pupil's class teachers and the HEAD work on it; a group-only teacher does not", async () => {
      const { id, version } = await reportOf(INE.hugo, 3);
      const byTeacher = await h.data("teacher.maths", UPDATE, { id, v: version, input: { synthesis: "Hugo a progressé en calcul mental." } });
      expect(byTeacher.updateCycleReport).toMatchObject({ createdBy: { surname: "Rousseau" }, version: version + 1 });
      expect(onlyError(await h.run("teacher.latin", READ, { id })).extensions?.code).toBe("NOT_FOUND");
    });

    it("R-NEW-03: of two saves from the same version, exactly one wins and the other gets CONFLICT", async () => {
      const { id, version } = await reportOf(INE.eloise, 2);
      const audits = await count("audit_event", "action = 'UPDATE_CYCLE_REPORT'");
      const results = await Promise.all([
        h.run("teacher.ce2cm1", UPDATE, { id, v: version, input: { synthesis: "Version A" } }),
        h.run("director.moulin", UPDATE, { id, v: version, input: { synthesis: "Version B" } }),
      ]);
      const winners = results.filter((r) => !r.errors);
      const losers = results.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(onlyError(losers[0]).extensions).toMatchObject({ code: "CONFLICT", rule: "R-NEW-03" });
      const stored = await h.db.dataSource.getRepository(CycleReport).findOneByOrFail({ id: Number(id) });
      expect(stored.version).toBe(version + 1);
      expect(stored.synthesis).toBe(winners[0].data!.updateCycleReport.synthesis);
      expect(await count("audit_event", "action = 'UPDATE_CYCLE_REPORT'")).toBe(audits + 1);
    });

    it("hides a report from other schools' staff exactly like a missing one, for every operation", async () => {
      const { id, version } = await reportOf(INE.eloise, 2);
      const operations: Array<[string, string, Record<string, unknown>]> = [
        ["director.parc", READ, {}],
        ["head.hugo", READ, {}],
        ["teacher.maths", UPDATE, { v: version, input: { synthesis: "x" } }],
        ["director.parc", LOCK, {}],
        ["head.hugo", UNLOCK, {}],
      ];
      for (const [login, query, variables] of operations) {
        const foreign = await h.run(login, query, { ...variables, id });
        const missing = await h.run(login, query, { ...variables, id: "987654" });
        expect(foreign).toEqual(missing);
        expect(onlyError(foreign).extensions?.code).toBe("NOT_FOUND");
      }
    });
  });

  describe("locking", () => {
    it("R-PUB-14: an école report locks only once complete, and then by a teacher of the class", async () => {
      const { id, version } = await reportOf(INE.eloise, 2);
      const refused = await h.run("teacher.ce2cm1", LOCK, { id });
      expect(onlyError(refused).extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "R-PUB-14", missing: ["CPD_ETR", "MET_APP", "SYS_NAT", "REP_MND"] });
      expect((await reportOf(INE.eloise, 2)).version).toBe(version);

      await h.data("teacher.ce2cm1", UPDATE, { id, v: version, input: { components: allComponents(3) } });
      const locked = await h.data("teacher.ce2cm1", LOCK, { id });
      expect(locked.lockCycleReport).toMatchObject({ status: "LOCKED", version: version + 2 });
      expect(new Date(locked.lockCycleReport.lockedAt).toISOString()).toBe(h.clock.now().toISOString());
    });

    it("R-PUB-14: 8 components without a synthesis cannot be locked", async () => {
      const { id, version } = await reportOf(INE.ines, 3);
      await h.data("head.hugo", UPDATE, { id, v: version, input: { components: allComponents(2) } });
      const refused = await h.run("head.hugo", LOCK, { id });
      expect(onlyError(refused).extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "R-PUB-14", missing: ["synthesis"] });
    });

    it("R-PUB-04: a locked report refuses edits; only the DIRECTOR/HEAD unlocks it", async () => {
      const { id, version } = await reportOf(INE.eloise, 2);
      const edit = await h.run("teacher.ce2cm1", UPDATE, { id, v: version, input: { synthesis: "Trop tard." } });
      expect(onlyError(edit).extensions).toMatchObject({ code: "REPORT_LOCKED", rule: "R-PUB-04" });
      expect(onlyError(await h.run("teacher.ce2cm1", UNLOCK, { id })).extensions?.code).toBe("FORBIDDEN");
      const unlocked = await h.data("director.moulin", UNLOCK, { id });
      expect(unlocked.unlockCycleReport).toEqual({ status: "DRAFT", lockedAt: null, version: version + 1 });
    });

    it("in a collège the HEAD locks, not the teachers", async () => {
      const { id } = await reportOf(INE.hugo, 3);
      expect(onlyError(await h.run("teacher.maths", LOCK, { id })).extensions?.code).toBe("FORBIDDEN");
      expect((await h.data("head.hugo", LOCK, { id })).lockCycleReport.status).toBe("LOCKED");
      // Locking again changes nothing.
      const audits = await count("audit_event");
      expect((await h.data("head.hugo", LOCK, { id })).lockCycleReport.status).toBe("LOCKED");
      expect(await count("audit_event")).toBe(audits);
    });

    it("R-PUB-14: a cycle 4 report takes a complementary teaching with level 1 or 2", async () => {
      const { id } = await reportOf(INE.adam, 4);
      const read = await h.data("head.hugo", READ, { id });
      expect(read.cycleReport).toMatchObject({ status: "LOCKED", complementaryTeaching: { code: "LCA", level: 1 }, components: allComponents(3, { CPD_SCI: 4, FRM_CIT: 4 }) });
      const { version } = (await h.data("head.hugo", UNLOCK, { id })).unlockCycleReport;
      for (const [option, field] of [
        [{ code: "LCE", level: 3 }, "complementaryTeaching.level"],
        [{ code: "AUC", level: 1 }, "complementaryTeaching.level"],
        [{ code: "BRE", level: 1 }, "complementaryTeaching.code"],
      ] as const) {
        const result = await h.run("head.hugo", UPDATE, { id, v: version, input: { complementaryTeaching: option } });
        expect(onlyError(result).extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "R-PUB-14", field });
      }
      const ok = await h.data("head.hugo", UPDATE, { id, v: version, input: { complementaryTeaching: { code: "LCE", level: 2 } } });
      expect(ok.updateCycleReport.complementaryTeaching).toEqual({ code: "LCE", level: 2 });
      expect((await h.data("head.hugo", LOCK, { id })).lockCycleReport.status).toBe("LOCKED");
    });

    it("R-SEED-10: an earlier year's end-of-cycle report can no longer be changed here", async () => {
      const id = await insertReport(INE.louis, UAI.moulin, 2, 2025, ReportStatus.DRAFT);
      for (const login of ["director.moulin", "teacher.ce2cm1"]) {
        const result = await h.run(login, UPDATE, { id, v: 1, input: { synthesis: "Correction." } });
        expect(onlyError(result).extensions).toMatchObject({ code: "AMENDMENT_NOT_AUTHORISED", rule: "R-SEED-10" });
      }
      expect(onlyError(await h.run("director.moulin", LOCK, { id })).extensions).toMatchObject({ code: "AMENDMENT_NOT_AUTHORISED" });
    });
  });

  describe("reading", () => {
    it("R-SEED-12: staff who see the pupil see every end-of-cycle report, whatever the pupil's level now", async () => {
      // Hugo's cycle 2 report, made by his école in CE2: a 6e teacher sees no CE2 periodic report, but sees this.
      const cycle2 = await insertReport(INE.hugo, UAI.moulin, 2, 2023, ReportStatus.LOCKED);
      const data = await h.data("teacher.maths", OF_STUDENT, { id: await h.ids.student(INE.hugo) });
      expect(data.student.cycleReports).toEqual([
        { cycle: 2, status: "LOCKED", school: { uai: UAI.moulin } },
        { cycle: 3, status: "LOCKED", school: { uai: UAI.hugo } },
      ]);
      // Reading it in the pupil's record is not working on it: the école's report is not the collège's to open.
      expect(onlyError(await h.run("teacher.maths", READ, { id: cycle2 })).extensions?.code).toBe("NOT_FOUND");
      const lead = await h.data("director.moulin", OF_STUDENT, { id: await h.ids.student(INE.eloise) });
      expect(lead.student.cycleReports).toEqual([{ cycle: 2, status: "DRAFT", school: { uai: UAI.moulin } }]);
    });

    it("R-SEED-06: a report kept in another academy stays hidden from staff until the pupil is transferred", async () => {
      await insertReport(INE.ines, UAI.parc, 2, 2023, ReportStatus.LOCKED);
      for (const login of ["head.hugo", "teacher.maths"]) {
        const data = await h.data(login, OF_STUDENT, { id: await h.ids.student(INE.ines) });
        expect(data.student.cycleReports).toEqual([{ cycle: 3, status: "DRAFT", school: { uai: UAI.hugo } }]);
      }
    });

    it("R-SEED-13: guardians see only the locked end-of-cycle reports of their own children, once the collège is open", async () => {
      const hugo = await h.ids.student(INE.hugo);
      expect(onlyError(await h.run("parent.martin", OF_STUDENT, { id: hugo })).extensions?.code).toBe("NOT_FOUND");
      await h.data("head.hugo", `mutation($id: ID!) { openOnlineService(schoolId: $id) { onlineServiceOpen } }`, { id: await h.ids.school(UAI.hugo) });

      const { id } = await reportOf(INE.hugo, 3);
      await h.data("head.hugo", UNLOCK, { id });
      const reads = await count("audit_event", "action = 'READ_STUDENT_RECORD'");
      const draft = await h.data("parent.martin", OF_STUDENT, { id: hugo });
      expect(draft.student.cycleReports).toEqual([{ cycle: 2, status: "LOCKED", school: { uai: UAI.moulin } }]);
      await h.data("head.hugo", LOCK, { id });
      const locked = await h.data("parent.martin", OF_STUDENT, { id: hugo });
      expect(locked.student.cycleReports.map((r: { cycle: number }) => r.cycle)).toEqual([2, 3]);
      // Guardians' reads are their own record, not a staff read.
      expect(await count("audit_event", "action = 'READ_STUDENT_RECORD'")).toBe(reads);

      expect(onlyError(await h.run("parent.martin", READ, { id })).extensions?.code).toBe("FORBIDDEN");
      expect(onlyError(await h.run("parent.bernard", OF_STUDENT, { id: hugo })).extensions?.code).toBe("NOT_FOUND");
      // EduConnect inactive: nothing at all.
      expect(onlyError(await h.run("parent.durand", OF_STUDENT, { id: await h.ids.student(INE.eloise) })).extensions?.code).toBe("NOT_FOUND");
    });
  });

  describe("audit", () => {
    const events = async (where: string, params: unknown[] = []) =>
      (await h.db.dataSource.query(`SELECT action, entityId, studentId, schoolId, details, requestId FROM audit_event WHERE ${where} ORDER BY id`, params)) as Array<{
        action: string;
        entityId: string | null;
        studentId: number | null;
        schoolId: number | null;
        details: string | null;
        requestId: string | null;
      }>;

    it("R-NEW-02: every write leaves an event naming the report, the pupil and the school, without the pupil's texts", async () => {
      const { id } = await reportOf(INE.eloise, 2);
      const trail = await events("entityType = 'CycleReport' AND entityId = ?", [id]);
      expect(trail.map((e) => e.action)).toEqual(["UPDATE_CYCLE_REPORT", "UPDATE_CYCLE_REPORT", "UPDATE_CYCLE_REPORT", "UPDATE_CYCLE_REPORT", "LOCK_CYCLE_REPORT", "UNLOCK_CYCLE_REPORT"]);
      const eloise = Number(await h.ids.student(INE.eloise));
      const moulin = Number(await h.ids.school(UAI.moulin));
      for (const e of trail) expect([Number(e.studentId), Number(e.schoolId), e.requestId]).toEqual([eloise, moulin, expect.any(String)]);
      const all = await events("entityType = 'CycleReport'");
      expect(all.map((e) => e.action)).toEqual(expect.arrayContaining(["CREATE_CYCLE_REPORT", "UPDATE_CYCLE_REPORT", "LOCK_CYCLE_REPORT", "UNLOCK_CYCLE_REPORT"]));
      const details = all.map((e) => e.details ?? "").join(" ");
      for (const text of ["Éloïse", "Hugo", "Version", "aisance", "éé"]) expect(details).not.toContain(text);
      expect(JSON.parse(trail[0].details!)).toEqual({ elements: ["SYNTHESIS"], version: expect.any(Number) });
    });

    it("R-NEW-02: a staff read of a pupil's end-of-cycle reports leaves a READ_STUDENT_RECORD event; a refused one leaves none", async () => {
      const eloise = Number(await h.ids.student(INE.eloise));
      const louis = Number(await h.ids.student(INE.louis));
      const reads = (studentId: number) => count("audit_event", "action = 'READ_STUDENT_RECORD' AND studentId = ?", [studentId]);
      const [eloiseBefore, louisBefore] = [await reads(eloise), await reads(louis)];

      const cls = await h.data("director.moulin", `query($id: ID!) { class(id: $id) { students { firstName cycleReports { cycle } } } }`, {
        id: await h.ids.class(UAI.moulin, 2026, "CE2-CM1"),
      });
      expect(cls.class.students).toEqual(
        expect.arrayContaining([
          { firstName: "Éloïse", cycleReports: [{ cycle: 2 }] },
          { firstName: "Louis", cycleReports: [{ cycle: 2 }] },
        ]),
      );
      expect([await reads(eloise), await reads(louis)]).toEqual([eloiseBefore + 1, louisBefore + 1]);

      const { id } = await reportOf(INE.eloise, 2);
      await h.data("teacher.ce2cm1", READ, { id });
      expect(await reads(eloise)).toBe(eloiseBefore + 2);
      const refused: GraphQLResponse = await h.run("director.parc", READ, { id });
      expect(onlyError(refused).extensions?.code).toBe("NOT_FOUND");
      expect(await reads(eloise)).toBe(eloiseBefore + 2);
    });
  });
});

describe("end-of-cycle reports of a class: statements do not grow with the class", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("cycle_report_statements", { demoReports: true });
  });
  afterAll(() => h.close());

  const QUERY = `query($id: ID!) { class(id: $id) { students { cycleReports { cycle status components { code level } createdBy { surname } school { uai } } } } }`;

  it("counts the same SQL statements for 2 and for 32 pupils, with their reports and components", async () => {
    const id = await h.ids.class(UAI.moulin, 2026, "CE2-CM1");
    const reportsOf = (data: Record<string, any>): Array<{ components: unknown[] }> =>
      data.class.students.flatMap((s: { cycleReports: unknown[] }) => s.cycleReports);
    const run = () => h.data("director.moulin", QUERY, { id });
    const before = await countStatements(h, run);
    expect(reportsOf(await run())).toHaveLength(1);

    const pupils = Array.from({ length: 30 }, (_, i) => ({
      ine: `95${String(i).padStart(8, "0")}Z`,
      surname: `Cycle${String(i).padStart(2, "0")}`,
      firstName: "Test",
      enrolments: [{ school: UAI.moulin, schoolYear: 2026, class: "CE2-CM1", level: "CE2" }],
    }));
    await loadDirectoryText(h.db.dataSource, JSON.stringify({ format: "livret-directory/1", pupils }));
    const [{ id: schoolId }] = await h.db.dataSource.query("SELECT id FROM school WHERE uai = ?", [UAI.moulin]);
    const [{ id: accountId }] = await h.db.dataSource.query("SELECT id FROM account WHERE login = 'teacher.ce2cm1'");
    for (const p of pupils) {
      const [{ id: studentId }] = await h.db.dataSource.query("SELECT id FROM student WHERE ine = ?", [p.ine]);
      const report = await h.db.dataSource.getRepository(CycleReport).save({
        studentId: Number(studentId),
        cycle: 2,
        schoolYear: 2026,
        schoolId: Number(schoolId),
        createdByAccountId: Number(accountId),
      });
      await h.db.dataSource.getRepository(CycleReportComponent).insert(SOCLE.map((code) => ({ cycleReportId: report.id, code, level: 2 })));
    }

    const after = await countStatements(h, run);
    const data = await run();
    expect(reportsOf(data)).toHaveLength(31);
    expect(reportsOf(data)[5].components).toHaveLength(8);
    expect(after).toBe(before);
  });
});
