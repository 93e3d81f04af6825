import { Level } from "../../src/common/domain";
import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { PeriodicReport, ReportStatus } from "../../src/modules/report/periodic-report.entity";
import { STAFF_VISIBLE_REPORT_LEVELS } from "../../src/modules/student/record";
import { countStatements, createHarness, Harness, onlyError, UAI } from "../support/harness";

const ORDER: Level[] = [Level.CP, Level.CE1, Level.CE2, Level.CM1, Level.CM2, Level.SIXIEME, Level.CINQUIEME, Level.QUATRIEME, Level.TROISIEME];
const FIRST_DEGREE = new Set<Level>([Level.CP, Level.CE1, Level.CE2, Level.CM1, Level.CM2]);

/** The R-SEED-12 table as SPEC.md writes it. */
const TABLE: Array<[Level, Level[]]> = [
  [Level.CP, [Level.CP]],
  [Level.CE1, [Level.CP, Level.CE1]],
  [Level.CE2, [Level.CP, Level.CE1, Level.CE2]],
  [Level.CM1, [Level.CP, Level.CE1, Level.CE2, Level.CM1]],
  [Level.CM2, [Level.CM1, Level.CM2]],
  [Level.SIXIEME, [Level.CM1, Level.CM2, Level.SIXIEME]],
  [Level.CINQUIEME, [Level.CM1, Level.CM2, Level.SIXIEME, Level.CINQUIEME]],
  [Level.QUATRIEME, [Level.CINQUIEME, Level.QUATRIEME]],
  [Level.TROISIEME, [Level.CINQUIEME, Level.QUATRIEME, Level.TROISIEME]],
];

const RECORD = `query($id: ID!) { student(id: $id) { periodicReports { schoolYear status class { levels } } } }`;

describe("the pupil's record", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("student_record", { demoReports: true });
    await buildPupilsAtEveryLevel();
  });
  afterAll(() => h.close());

  /**
   * One pupil per current level, each with a locked report for every earlier level (one level a year,
   * écoles at Jean Moulin, collège years at Victor Hugo, all in academy A01).
   */
  async function buildPupilsAtEveryLevel() {
    const classes: object[] = [];
    const schemes: object[] = [];
    const pupils: object[] = [];
    for (let year = 2017; year <= 2026; year++) {
      for (const uai of [UAI.moulin, UAI.hugo]) {
        const levels = ORDER.filter((l) => FIRST_DEGREE.has(l) === (uai === UAI.moulin));
        for (const level of levels) classes.push({ school: uai, schoolYear: year, code: `T-${level}`, label: `Table ${level}`, levels: [level] });
        schemes.push({
          school: uai,
          schoolYear: year,
          name: "Année",
          periods: [{ startsOn: `${year}-09-01`, endsOn: `${year + 1}-07-01` }],
          classes: levels.map((l) => `T-${l}`),
        });
      }
    }
    TABLE.forEach(([current], i) => {
      const index = ORDER.indexOf(current);
      pupils.push({
        ine: `80000000${String(i).padStart(2, "0")}T`.slice(0, 11),
        surname: `Table${i}`,
        firstName: current,
        enrolments: ORDER.slice(0, index + 1).map((level, k) => ({
          school: FIRST_DEGREE.has(level) ? UAI.moulin : UAI.hugo,
          schoolYear: 2026 - (index - k),
          class: `T-${level}`,
          level,
        })),
      });
    });
    await loadDirectoryText(h.db.dataSource, JSON.stringify({ format: "livret-directory/1", classes, periodSchemes: schemes, pupils }));
    const rows: Array<{ studentId: number; classId: number; schoolYear: number; periodId: number }> = await h.db.dataSource.query(
      `SELECT e.studentId, e.classId, e.schoolYear, p.id AS periodId FROM enrolment e
       JOIN student s ON s.id = e.studentId JOIN school_class c ON c.id = e.classId JOIN period p ON p.schemeId = c.periodSchemeId
       WHERE s.surname LIKE 'Table%'`,
    );
    await h.db.dataSource.getRepository(PeriodicReport).insert(
      rows.map((r) => ({ studentId: r.studentId, classId: r.classId, schoolYear: r.schoolYear, periodId: r.periodId, status: ReportStatus.LOCKED })),
    );
  }

  it("mirrors the SPEC table exactly", () => {
    expect(Object.fromEntries(TABLE)).toEqual(STAFF_VISIBLE_REPORT_LEVELS);
  });

  for (const [i, [current, visible]] of TABLE.entries()) {
    it(`R-SEED-12: staff see the periodic reports of ${visible.join(", ")} for a pupil now in ${current}`, async () => {
      const id = await h.ids.student(`80000000${String(i).padStart(2, "0")}T`.slice(0, 11));
      const lead = FIRST_DEGREE.has(current) ? "director.moulin" : "head.hugo";
      const data = await h.data(lead, RECORD, { id });
      const seen = data.student.periodicReports.map((r: { class: { levels: Level[] } }) => r.class.levels[0]);
      expect(seen).toEqual(visible);
    });
  }

  for (const [i, [current, visible]] of TABLE.entries()) {
    it(`R-SEED-12: for a pupil now in ${current}, a report by id and a past class's reports agree with the record, for both leads`, async () => {
      const ine = `80000000${String(i).padStart(2, "0")}T`.slice(0, 11);
      const reports: Array<{ id: number; classId: number; periodId: number; level: Level }> = await h.db.dataSource.query(
        `SELECT r.id, r.classId, r.periodId, e.level FROM periodic_report r JOIN student s ON s.id = r.studentId
         JOIN enrolment e ON e.studentId = r.studentId AND e.classId = r.classId WHERE s.ine = ? ORDER BY r.schoolYear`,
        [ine],
      );
      const own = FIRST_DEGREE.has(current) ? "director.moulin" : "head.hugo";
      for (const lead of ["director.moulin", "head.hugo"]) {
        const expected = lead === own ? visible : [];
        const byId: Level[] = [];
        const byClass: Level[] = [];
        for (const r of reports) {
          const one = await h.run(lead, `query($id: ID!) { periodicReport(id: $id) { id } }`, { id: String(r.id) });
          if (one.data?.periodicReport) byId.push(r.level);
          else expect(onlyError(one).extensions?.code).toBe("NOT_FOUND");
          const cls = await h.run(lead, `query($c: ID!, $p: ID!) { class(id: $c) { periodicReports(periodId: $p) { id } } }`, {
            c: String(r.classId),
            p: String(r.periodId),
          });
          if (cls.data?.class?.periodicReports.some((x: { id: string }) => x.id === String(r.id))) byClass.push(r.level);
        }
        // A lead opens only their own school's classes: the class path shows that school's levels of the same set.
        const ownDegree = (l: Level) => FIRST_DEGREE.has(l) === (lead === "director.moulin");
        expect([lead, byId, byClass]).toEqual([lead, expected, expected.filter(ownDegree)]);
      }
    });
  }

  it("R-SEED-13: a guardian reads every locked report of their child, of every year, and no draft", async () => {
    const data = await h.data("parent.martin", `{ myChildren { firstName periodicReports { schoolYear status synthesis } } }`);
    expect(data.myChildren).toEqual([{ firstName: "Léa", periodicReports: [{ schoolYear: 2026, status: "LOCKED", synthesis: expect.any(String) }] }]);
  });

  it("R-SEED-11: a guardian's collège child appears once the school opens the online service, with every locked year", async () => {
    const hugo = await h.ids.school(UAI.hugo);
    await h.data("head.hugo", `mutation($id: ID!) { openOnlineService(schoolId: $id) { uai } }`, { id: hugo });
    const data = await h.data("parent.martin", `{ myChildren { firstName periodicReports { schoolYear status } } }`);
    expect(data.myChildren.map((c: { firstName: string }) => c.firstName)).toEqual(["Hugo", "Léa"]);
    // Hugo's 2025 CM2 report (école, locked) and no 2026 draft.
    expect(data.myChildren[0].periodicReports).toEqual([{ schoolYear: 2025, status: "LOCKED" }]);
  });

  it("R-SEED-13: a guardian whose EduConnect account is inactive sees no child at all", async () => {
    expect(await h.data("parent.durand", "{ myChildren { firstName } }")).toEqual({ myChildren: [] });
  });

  it("R-SEED-12: a DIRECTOR no longer opens a former pupil's report once the pupil left for the collège, by id or through the past class", async () => {
    // Hugo Martin left Jean Moulin (CM2 in 2025) for the collège.
    const [{ id, periodId, classId }] = await h.db.dataSource.query(
      "SELECT r.id, r.periodId, r.classId FROM periodic_report r JOIN student s ON s.id = r.studentId WHERE s.ine = '2000000001A' AND r.schoolYear = 2025",
    );
    const byId = await h.run("director.moulin", `query($id: ID!) { periodicReport(id: $id) { schoolYear } }`, { id: String(id) });
    const missing = await h.run("director.moulin", `query($id: ID!) { periodicReport(id: $id) { schoolYear } }`, { id: "987654" });
    expect(byId).toEqual(missing);
    const pastClass = await h.data("director.moulin", `query($c: ID!, $p: ID!) { class(id: $c) { periodicReports(periodId: $p) { student { ine } } } }`, {
      c: String(classId),
      p: String(periodId),
    });
    expect(pastClass.class.periodicReports.map((r: { student: { ine: string } }) => r.student.ine)).not.toContain("2000000001A");
  });

  it("discloses nothing of a pupil's record through a relation that reaches a pupil out of the caller's scope", async () => {
    // The DASEN reads the past-year report they authorised an amendment of (R-SEED-10), not the pupil's record.
    const [{ id }] = await h.db.dataSource.query(
      "SELECT r.id FROM periodic_report r JOIN student s ON s.id = r.studentId WHERE s.ine = '1000000006F' AND r.schoolYear = 2025 ORDER BY r.id LIMIT 1",
    );
    await h.data(
      "dasen.lyon",
      `mutation($input: GrantPriorYearAmendmentInput!) { grantPriorYearAmendment(input: $input) { id } }`,
      { input: { reportId: String(id), elements: ["SYNTHESIS"], ticketRef: "SUP-1", documentRef: "DOC-1" } },
    );
    const data = await h.data(
      "dasen.lyon",
      `query($id: ID!) { periodicReport(id: $id) { schoolYear student { firstName enrolments { schoolYear }
        periodicReports { schoolYear } cycleReports { cycle } attestations { type } pixCertifications { score } } } }`,
      { id: String(id) },
    );
    expect(data.periodicReport).toEqual({
      schoolYear: 2025,
      // The one report the amendment opens, by this path too (R-SEED-12); nothing else of the record.
      student: { firstName: "Chloé", enrolments: [], periodicReports: [{ schoolYear: 2025 }], cycleReports: [], attestations: [], pixCertifications: [] },
    });
    expect(onlyError(await h.run("dasen.lyon", `query($id: ID!) { student(id: $id) { firstName } }`, { id: await h.ids.student("1000000006F") })).extensions?.code).toBe(
      "NOT_FOUND",
    );
  });

  it("refuses myChildren to staff", async () => {
    expect(onlyError(await h.run("director.moulin", "{ myChildren { firstName } }")).extensions?.code).toBe("FORBIDDEN");
  });

  it("R-NEW-02: each read of a pupil's record by staff leaves an audit event naming who, which pupil and when", async () => {
    const id = await h.ids.student("1000000001A");
    const before: Array<{ n: number }> = await h.db.dataSource.query("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'READ_STUDENT_RECORD'");
    await h.data("teacher.cp", RECORD, { id });
    const events: Array<{ actorAccountId: number; studentId: number; schoolId: number; at: unknown }> = await h.db.dataSource.query(
      "SELECT actorAccountId, studentId, schoolId, at FROM audit_event WHERE action = 'READ_STUDENT_RECORD' ORDER BY id DESC",
    );
    expect(events.length).toBe(Number(before[0].n) + 1);
    const teacher = (await h.db.dataSource.query("SELECT id FROM account WHERE login = 'teacher.cp'"))[0].id;
    expect(events[0]).toMatchObject({ actorAccountId: teacher, studentId: Number(id), schoolId: Number(await h.ids.school(UAI.moulin)) });
    expect(events[0].at).toBeTruthy();
  });

  it("R-NEW-02: guardians' reads are not staff reads and leave no event", async () => {
    const count = async () => Number((await h.db.dataSource.query("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'READ_STUDENT_RECORD'"))[0].n);
    const before = await count();
    await h.data("parent.martin", `{ myChildren { periodicReports { id } } }`);
    expect(await count()).toBe(before);
  });

  it("R-NEW-02: a class's whole record page audits each pupil once, in one statement", async () => {
    const classId = await h.ids.class(UAI.moulin, 2026, "CE2-CM1");
    const query = `query($c: ID!) { class(id: $c) { students { periodicReports { status entries { positioning } } } } }`;
    const count = async () => Number((await h.db.dataSource.query("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'READ_STUDENT_RECORD'"))[0].n);
    const before = await count();
    await h.data("teacher.ce2cm1", query, { c: classId });
    expect(await count()).toBe(before + 2);
  });

  it("keeps the statement count of a class's record page flat as the class grows", async () => {
    const classId = await h.ids.class(UAI.moulin, 2026, "CM2");
    const query = `query($c: ID!) { class(id: $c) { students { surname enrolments { schoolYear } periodicReports { status entries { positioning teachers { surname } } } } } }`;
    const run = () => h.data("director.moulin", query, { c: classId });
    const small = await countStatements(h, run);
    const pupils = Array.from({ length: 15 }, (_, i) => ({
      ine: `7000000${String(i).padStart(3, "0")}G`,
      surname: `Grow${i}`,
      firstName: "Test",
      enrolments: [
        { school: UAI.moulin, schoolYear: 2026, class: "CM2", level: "CM2" },
        { school: UAI.moulin, schoolYear: 2025, class: "CM1", level: "CM1" },
      ],
    }));
    await loadDirectoryText(h.db.dataSource, JSON.stringify({ format: "livret-directory/1", pupils }));
    const rows: Array<{ id: number }> = await h.db.dataSource.query("SELECT id FROM student WHERE surname LIKE 'Grow%'");
    const [{ periodId }] = await h.db.dataSource.query(
      "SELECT p.id AS periodId FROM period p JOIN school_class c ON c.periodSchemeId = p.schemeId WHERE c.id = ? AND p.position = 1",
      [Number(classId)],
    );
    await h.db.dataSource
      .getRepository(PeriodicReport)
      .insert(rows.map((r) => ({ studentId: r.id, classId: Number(classId), schoolYear: 2026, periodId, status: ReportStatus.DRAFT })));
    const large = await countStatements(h, run);
    expect((await run()).class.students.length).toBe(16);
    expect(large).toBe(small);
  });
});
