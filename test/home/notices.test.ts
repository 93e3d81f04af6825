import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { countStatements, createHarness, Harness, UAI } from "../support/harness";

const NOTICES = `{ homeNotices { code severity message records { kind id label } } }`;
/** After the end of trimester 1 (2026-11-30) in both demo schools; still school year 2026. */
const AFTER_T1 = new Date("2026-12-05T10:00:00Z");

type Notice = { code: string; severity: string; message: string; records: Array<{ kind: string; id: string; label: string }> };

describe("home notices (R-SEED-15)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("notices", { demoReports: true });
  });
  afterAll(() => h.close());
  afterEach(() => jest.restoreAllMocks());

  const notices = async (login: string): Promise<Notice[]> => (await h.data(login, NOTICES)).homeNotices;
  const summary = async (login: string) => (await notices(login)).map((n) => [n.code, n.severity, n.records.map((r) => `${r.kind}:${r.label}`)]);
  const afterPeriodEnd = () => jest.spyOn(h.clock, "now").mockImplementation(() => new Date(AFTER_T1));

  it("R-SEED-15: a HEAD is told which classes lack periods and settings, and reminded what locking means", async () => {
    expect(await summary("head.hugo")).toEqual([
      ["PERIODS_NOT_SET", "ACTION_REQUIRED", ["CLASS:3A"]],
      ["CLASS_SETTINGS_MISSING", "ACTION_REQUIRED", ["CLASS:3A"]],
      ["LOCKING_REMINDER", "INFO", ["SCHOOL:Collège Victor Hugo"]],
    ]);
    const [periods] = await notices("head.hugo");
    expect(periods.records[0].id).toBe(await h.ids.class(UAI.hugo, 2026, "3A"));
    expect(periods.message).toMatch(/^Collège Victor Hugo: 1 class has no periods for 2026-2027/);
  });

  it("R-SEED-15: the locking reminder says a locked report is final, who unlocks it, and that it ends carry-over (R-SEED-08)", async () => {
    const reminder = (await notices("director.moulin")).find((n) => n.code === "LOCKING_REMINDER")!;
    expect(reminder.severity).toBe("INFO");
    expect(reminder.message).toMatch(/final/);
    expect(reminder.message).toMatch(/only the school's DIRECTOR\/HEAD can unlock/);
    expect(reminder.message).toMatch(/one report of a class is locked this school year, last year's program elements can no longer be carried over/);
    expect(reminder.records).toEqual([{ kind: "SCHOOL", id: await h.ids.school(UAI.moulin), label: "École élémentaire Jean Moulin" }]);
  });

  it("R-SEED-15: a DIRECTOR whose school has no periods nor settings yet gets both, per class", async () => {
    expect(await summary("director.parc")).toEqual([
      ["PERIODS_NOT_SET", "ACTION_REQUIRED", ["CLASS:CM2"]],
      ["CLASS_SETTINGS_MISSING", "ACTION_REQUIRED", ["CLASS:CM2"]],
      ["LOCKING_REMINDER", "INFO", ["SCHOOL:École du Parc"]],
    ]);
  });

  it("R-SEED-15: nothing about unlocked reports while their period runs (today 2026-11-28, trimester 1 ends 2026-11-30)", async () => {
    expect(await summary("director.moulin")).toEqual([["LOCKING_REMINDER", "INFO", ["SCHOOL:École élémentaire Jean Moulin"]]]);
    expect(await summary("teacher.cp")).toEqual([["LOCKING_REMINDER", "INFO", ["SCHOOL:École élémentaire Jean Moulin"]]]);
    expect(await summary("teacher.maths")).toEqual([]);
  });

  it("R-SEED-15: once the period has ended, the DIRECTOR is shown every draft report of it (locked ones are not)", async () => {
    afterPeriodEnd();
    const result = await notices("director.moulin");
    expect(result.map((n) => n.code)).toEqual(["UNLOCKED_AFTER_PERIOD_END", "LOCKING_REMINDER"]);
    const [late] = result;
    expect(late.severity).toBe("WARNING");
    expect(late.message).toMatch(/^École élémentaire Jean Moulin: 4 periodic reports are still unlocked although the period has ended/);
    // Drafts of trimester 1 by class code then name; Léa Martin (CP) and Éloïse Durand (CE2) are locked.
    expect(late.records.map((r) => r.label)).toEqual([
      "Roux Jade, CE1, period 1",
      "Moreau Louis, CE2-CM1, period 1",
      "Fournier Chloé, CM2, period 1",
      "Petit Noah, CP, period 1",
    ]);
    const [noah] = await h.db.dataSource.query(
      "SELECT r.id FROM periodic_report r JOIN student s ON s.id = r.studentId WHERE s.ine = '1000000002B' AND r.schoolYear = 2026",
    );
    expect(late.records[3]).toEqual({ kind: "PERIODIC_REPORT", id: String(noah.id), label: "Petit Noah, CP, period 1" });
  });

  it("R-SEED-15: teachers are shown the drafts of their own classes once the period has ended", async () => {
    afterPeriodEnd();
    expect(await summary("teacher.cp")).toEqual([
      ["UNLOCKED_REPORTS", "WARNING", ["PERIODIC_REPORT:Petit Noah, CP, period 1"]],
      ["LOCKING_REMINDER", "INFO", ["SCHOOL:École élémentaire Jean Moulin"]],
    ]);
    // A collège teacher cannot lock: no reminder; 5A's only report is locked.
    expect(await summary("teacher.maths")).toEqual([
      [
        "UNLOCKED_REPORTS",
        "WARNING",
        ["PERIODIC_REPORT:Lefebvre Manon, 4A, period 1", "PERIODIC_REPORT:Garcia Inès, 6A, period 1", "PERIODIC_REPORT:Martin Hugo, 6A, period 1"],
      ],
    ]);
    // A teacher of a group only has no class of their own.
    expect(await summary("teacher.latin")).toEqual([]);
  });

  it("R-SEED-15: guardians and a DASEN get no notice", async () => {
    afterPeriodEnd();
    for (const login of ["parent.martin", "parent.durand", "parent.bernard", "dasen.lyon"]) {
      expect([login, await notices(login)]).toEqual([login, []]);
    }
  });

  it("R-SEED-15: costs the same number of statements however many classes and reports there are", async () => {
    const measure = async (login: string) => {
      let result: Notice[] = [];
      const statements = await countStatements(h, async () => {
        result = await notices(login);
      });
      return { statements, records: result.reduce((sum, n) => sum + n.records.length, 0) };
    };
    afterPeriodEnd();
    const before = { lead: await measure("director.moulin"), teacher: await measure("teacher.cp"), head: await measure("head.hugo") };
    jest.restoreAllMocks();

    // Three more classes without periods or settings, and three more CP pupils with a draft of trimester 1.
    const ines = ["1000000201A", "1000000202B", "1000000203C"];
    await loadDirectoryText(
      h.db.dataSource,
      JSON.stringify({
        format: "livret-directory/1",
        classes: ["3B", "3C", "3D"].map((code) => ({ school: UAI.hugo, schoolYear: 2026, code, label: code, levels: ["TROISIEME"] })),
        pupils: ines.map((ine, i) => ({
          ine,
          surname: `Nouveau${i}`,
          firstName: "Élève",
          enrolments: [{ school: UAI.moulin, schoolYear: 2026, class: "CP", level: "CP" }],
        })),
      }),
    );
    const [period] = await h.db.dataSource.query(
      "SELECT p.id FROM period p JOIN school_class c ON c.periodSchemeId = p.schemeId WHERE c.id = ? AND p.position = 1",
      [Number(await h.ids.class(UAI.moulin, 2026, "CP"))],
    );
    for (const ine of ines) {
      await h.data("teacher.cp", "mutation($input: CreatePeriodicReportInput!) { createPeriodicReport(input: $input) { id } }", {
        input: { classId: await h.ids.class(UAI.moulin, 2026, "CP"), studentId: await h.ids.student(ine), periodId: String(period.id) },
      });
    }

    afterPeriodEnd();
    const after = { lead: await measure("director.moulin"), teacher: await measure("teacher.cp"), head: await measure("head.hugo") };
    expect(after.lead.records).toBe(before.lead.records + 3);
    expect(after.teacher.records).toBe(before.teacher.records + 3);
    expect(after.head.records).toBe(before.head.records + 6);
    expect([after.lead.statements, after.teacher.statements, after.head.statements]).toEqual([
      before.lead.statements,
      before.teacher.statements,
      before.head.statements,
    ]);
  });
});
