import { EntityTarget, ObjectLiteral } from "typeorm";
import * as audit from "../../src/modules/audit/audit.service";
import { Account } from "../../src/modules/account/account.entity";
import { SchoolClass } from "../../src/modules/class/school-class.entity";
import { ClassSettingsChange } from "../../src/modules/class-settings/class-settings-change.entity";
import { Period } from "../../src/modules/period/period.entity";
import { PeriodicReport, ReportStatus } from "../../src/modules/report/periodic-report.entity";
import {
  ClassDigitalSkillsAppreciation,
  ClassProgramElement,
  ReportDigitalSkill,
  ReportEntry,
  ReportEntryElement,
  ReportEntryTeacher,
  ReportParcours,
  ReportReferenceTeacher,
  ReportSupportMeasure,
} from "../../src/modules/report/report-parts.entity";
import { createHarness, Harness, onlyError, UAI } from "../support/harness";

const IMPACT_FIELDS = `positioningsDeleted averagesDeleted reportsDeleted entriesDeleted pupilProgramElementsDeleted otherReportPartsDeleted
  classProgramElementsDeleted collectiveAppreciationsDeleted reportsMadeReadOnly reportsUntouched positioningsKept averagesKept destructive`;
const IMPACT = `query($classId: ID!, $settings: ClassSettingsInput!) {
  classSettingsChangeImpact(classId: $classId, settings: $settings) { ${IMPACT_FIELDS} }
}`;
const UPDATE = `mutation($classId: ID!, $settings: ClassSettingsInput!, $confirm: Boolean) {
  updateClassSettings(classId: $classId, settings: $settings, confirmDataLoss: $confirm) {
    class { id dataSource positioningType }
    change { id changedAt restoredAt previousSettings { dataSource positioningType } newSettings { dataSource positioningType } impact { ${IMPACT_FIELDS} } }
  }
}`;
const RESTORE = `mutation($id: ID!) { restoreClassSettingsChange(changeId: $id) { id dataSource positioningType } }`;
const CHANGES = `query($id: ID!) { class(id: $id) { code settingsChanges { id restoredAt newSettings { dataSource positioningType } } } }`;

const ENTRY_OBJECTIVES = { dataSource: "ENTRY", positioningType: "OBJECTIVES" };
const ENTRY_GRADES = { dataSource: "ENTRY", positioningType: "GRADES" };
const IMPORT_OBJECTIVES = { dataSource: "IMPORT", positioningType: "OBJECTIVES" };
const IMPORT_GRADES = { dataSource: "IMPORT", positioningType: "GRADES" };

const NOTHING = {
  positioningsDeleted: 0,
  averagesDeleted: 0,
  reportsDeleted: 0,
  entriesDeleted: 0,
  pupilProgramElementsDeleted: 0,
  otherReportPartsDeleted: 0,
  classProgramElementsDeleted: 0,
  collectiveAppreciationsDeleted: 0,
  reportsMadeReadOnly: 0,
  reportsUntouched: 0,
  positioningsKept: 0,
  averagesKept: 0,
  destructive: false,
};

/** A positioning-type change of the seeded CP class: the drafts' values go, Léa's locked report keeps hers (R-NEW-04). */
const POSITIONING_CHANGE = { ...NOTHING, positioningsDeleted: 2, averagesDeleted: 1, reportsUntouched: 1, positioningsKept: 2, averagesKept: 1, destructive: true };

/** Every table a settings change may touch, children after parents. */
const REPORT_TABLES: Record<string, EntityTarget<ObjectLiteral>> = {
  periodic_report: PeriodicReport,
  report_entry: ReportEntry,
  report_entry_teacher: ReportEntryTeacher,
  report_entry_element: ReportEntryElement,
  report_reference_teacher: ReportReferenceTeacher,
  report_digital_skill: ReportDigitalSkill,
  report_parcours: ReportParcours,
  report_support_measure: ReportSupportMeasure,
  class_program_element: ClassProgramElement,
  class_digital_skills_appreciation: ClassDigitalSkillsAppreciation,
};

/** The CP class's seeded rows (ids), and a bystander class whose rows no change of CP may touch. */
interface Seed {
  classId: number;
  bystanderClassId: number;
  lockedLea1: number;
  draftNoah1: number;
  draftLea2: number;
}

describe("class settings", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("class_settings");
  });
  afterAll(() => h.close());

  const em = () => h.db.dataSource.manager;
  const count = async (table: string) => Number((await h.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  /**
   * Full raw dumps (SELECT *) of every row, ordered by id. Date columns are also read as the database's
   * own text, which keeps MariaDB's microseconds and SQLite's exact format in the comparison.
   * school_class leaves out `version`, which a change and a restore each move forward on purpose.
   */
  async function dump(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    const tables: Record<string, EntityTarget<ObjectLiteral>> = { ...REPORT_TABLES, school_class: SchoolClass };
    for (const [table, target] of Object.entries(tables)) {
      const dates = h.db.dataSource
        .getMetadata(target)
        .columns.filter((c) => c.isCreateDate || c.type === "datetime")
        .map((c) => `, CAST(t.${c.databaseName} AS CHAR) AS ${c.databaseName}Text`)
        .join("");
      const rows: Array<Record<string, unknown>> = await h.db.dataSource.query(`SELECT t.*${dates} FROM ${table} t ORDER BY t.id`);
      out[table] = JSON.parse(JSON.stringify(table === "school_class" ? rows.map(({ version: _version, ...rest }) => rest) : rows));
    }
    return out;
  }
  const writes = async () => ({ changes: await count("class_settings_change"), audit: await count("audit_event") });

  /** Empties every report table and change archive, and gives CP back unset settings. */
  async function reset(): Promise<void> {
    for (const target of [...Object.values(REPORT_TABLES)].reverse()) await em().createQueryBuilder().delete().from(target).execute();
    await em().createQueryBuilder().delete().from(ClassSettingsChange).execute();
    await em().update(SchoolClass, { id: Number(await h.ids.class(UAI.moulin, 2026, "CP")) }, { dataSource: null, positioningType: null });
  }

  /**
   * CP 2026 at Jean Moulin: Léa's LOCKED period-1 report and her DRAFT period-2 report, Noah's DRAFT
   * period-1 report, each with parts; two whole-class program elements and the collective
   * appreciation. CE1 gets a class-wide element and appreciation of its own.
   */
  async function seed(options: { settings?: typeof ENTRY_OBJECTIVES | null } = {}): Promise<Seed> {
    await reset();
    const classId = Number(await h.ids.class(UAI.moulin, 2026, "CP"));
    const bystanderClassId = Number(await h.ids.class(UAI.moulin, 2026, "CE1"));
    const cls = await em().findOneByOrFail(SchoolClass, { id: classId });
    const periods = await em().find(Period, { where: { schemeId: cls.periodSchemeId! }, order: { position: "ASC" } });
    const lea = Number(await h.ids.student("1000000001A"));
    const noah = Number(await h.ids.student("1000000002B"));
    const teacher = (await em().findOneByOrFail(Account, { login: "teacher.cp" })).id;
    const director = (await em().findOneByOrFail(Account, { login: "director.moulin" })).id;

    const insert = async (target: EntityTarget<ObjectLiteral>, values: ObjectLiteral) => Number((await em().insert(target, values)).identifiers[0].id);
    const report = (studentId: number, periodId: number, extra: ObjectLiteral) =>
      insert(PeriodicReport, { studentId, periodId, classId, schoolYear: 2026, ...extra });
    const entry = (reportId: number, subjectCode: string, values: ObjectLiteral) => insert(ReportEntry, { reportId, subjectCode, ...values });

    const lockedLea1 = await report(lea, periods[0].id, {
      status: ReportStatus.LOCKED,
      lockedAt: new Date("2026-11-20T08:30:00Z"),
      lockedByAccountId: director,
      synthesis: "Léa entre dans la lecture avec plaisir.",
      version: 3,
    });
    const leaFra = await entry(lockedLea1, "FRA-RAC", { positioning: 3, appreciation: "Bonne progression en lecture." });
    await entry(lockedLea1, "MAT-RAC", { positioning: 4, appreciation: "Très à l'aise avec les nombres." });
    await entry(lockedLea1, "EPS-RAC", { studentAverage: "15,5", classAverage: "12", appreciation: "Très investie." });
    await insert(ReportEntryTeacher, { entryId: leaFra, accountId: teacher });
    await insert(ReportEntryElement, { entryId: leaFra, label: "Lire des syllabes simples" });
    await insert(ReportReferenceTeacher, { reportId: lockedLea1, accountId: teacher });
    await insert(ReportParcours, { reportId: lockedLea1, code: "PAR_CIT", text: "Conseil d'élèves" });

    const draftNoah1 = await report(noah, periods[0].id, { status: ReportStatus.DRAFT, synthesis: "Noah progresse.", version: 2 });
    const noahFra = await entry(draftNoah1, "FRA-RAC", { positioning: 2, appreciation: "Des efforts en lecture." });
    await entry(draftNoah1, "MAT-RAC", { studentAverage: "9", classAverage: "11" });
    await insert(ReportEntryTeacher, { entryId: noahFra, accountId: teacher });
    await insert(ReportEntryElement, { entryId: noahFra, label: "Reconnaître les sons" });
    await insert(ReportReferenceTeacher, { reportId: draftNoah1, accountId: teacher });
    await insert(ReportParcours, { reportId: draftNoah1, code: "PAR_ART", text: "Chorale" });
    await insert(ReportSupportMeasure, { reportId: draftNoah1, code: "PAP", details: "Plan d'accompagnement" });

    const draftLea2 = await report(lea, periods[1].id, { status: ReportStatus.DRAFT });
    await entry(draftLea2, "FRA-RAC", { positioning: 1 });
    await insert(ReportDigitalSkill, { reportId: draftLea2, code: "CN_INF_MEN", level: 2 });

    await insert(ClassProgramElement, { classId, periodId: periods[0].id, subjectCode: "FRA-RAC", label: "Reconnaître les lettres" });
    await insert(ClassProgramElement, { classId, periodId: periods[0].id, subjectCode: "MAT-RAC", label: "Compter jusqu'à 20" });
    await insert(ClassDigitalSkillsAppreciation, { classId, text: "Classe curieuse et soigneuse." });
    await insert(ClassProgramElement, { classId: bystanderClassId, periodId: periods[0].id, subjectCode: "FRA-RAC", label: "Lire un texte court" });
    await insert(ClassDigitalSkillsAppreciation, { classId: bystanderClassId, text: "CE1 attentif." });

    if (options.settings !== null) {
      // The first setting deletes nothing (R-SEED-02), so it needs no confirmation.
      await h.data("director.moulin", UPDATE, { classId: String(classId), settings: options.settings ?? ENTRY_OBJECTIVES });
    }
    return { classId, bystanderClassId, lockedLea1, draftNoah1, draftLea2 };
  }

  const impactOf = async (classId: number, settings: object) =>
    (await h.data("director.moulin", IMPACT, { classId: String(classId), settings })).classSettingsChangeImpact;
  const change = async (classId: number, settings: object) =>
    (await h.data("director.moulin", UPDATE, { classId: String(classId), settings, confirm: true })).updateClassSettings;
  const reportRow = (id: number) => em().findOneBy(PeriodicReport, { id });
  const entriesOf = (reportId: number) => em().find(ReportEntry, { where: { reportId }, order: { id: "ASC" } });

  describe("impact and confirmation", () => {
    it("R-SEED-02: the first setting of a class deletes nothing and needs no confirmation", async () => {
      const { classId } = await seed({ settings: null });
      const before = await dump();
      expect(await impactOf(classId, IMPORT_GRADES)).toEqual(NOTHING);

      const result = await h.data("director.moulin", UPDATE, { classId: String(classId), settings: IMPORT_GRADES });
      expect(result.updateClassSettings.class).toEqual({ id: String(classId), ...IMPORT_GRADES });
      expect(result.updateClassSettings.change).toMatchObject({
        previousSettings: { dataSource: null, positioningType: null },
        newSettings: IMPORT_GRADES,
        impact: NOTHING,
        restoredAt: null,
      });
      expect(typeof result.updateClassSettings.change.changedAt).toBe("string");
      const after = await dump();
      expect({ ...after, school_class: null }).toEqual({ ...before, school_class: null });
    });

    it("R-SEED-02: the impact query counts exactly what each change would delete or freeze, and changes nothing", async () => {
      const { classId } = await seed();
      const before = { rows: await dump(), writes: await writes() };

      // Data source only (R-SEED-04): Noah's and Léa's drafts go with their 3 entries, Noah's own program element,
      // his parcours and support measure and Léa's digital-skill level; Léa's locked report freezes.
      expect(await impactOf(classId, IMPORT_OBJECTIVES)).toEqual({
        ...NOTHING,
        reportsDeleted: 2,
        entriesDeleted: 3,
        pupilProgramElementsDeleted: 1,
        otherReportPartsDeleted: 3,
        classProgramElementsDeleted: 2,
        collectiveAppreciationsDeleted: 1,
        reportsMadeReadOnly: 1,
        reportsUntouched: 1,
        destructive: true,
      });
      // Positioning type only (R-SEED-03): every positioning and average of the drafts; Léa's locked report keeps hers.
      expect(await impactOf(classId, ENTRY_GRADES)).toEqual(POSITIONING_CHANGE);
      // Both: the data-source effects first; what remains is Léa's locked report, which keeps its values (R-NEW-04).
      expect(await impactOf(classId, IMPORT_GRADES)).toEqual({
        ...NOTHING,
        reportsUntouched: 1,
        positioningsKept: 2,
        averagesKept: 1,
        reportsDeleted: 2,
        entriesDeleted: 3,
        pupilProgramElementsDeleted: 1,
        otherReportPartsDeleted: 3,
        classProgramElementsDeleted: 2,
        collectiveAppreciationsDeleted: 1,
        reportsMadeReadOnly: 1,
        destructive: true,
      });
      // The settings the class already has: nothing.
      expect(await impactOf(classId, ENTRY_OBJECTIVES)).toEqual(NOTHING);

      expect(await dump()).toEqual(before.rows);
      expect(await writes()).toEqual(before.writes);
    });

    it("R-SEED-02: a destructive change without confirmation is refused with DATA_LOSS_NOT_CONFIRMED, the rule and the impact, writing nothing", async () => {
      const { classId } = await seed();
      const versionBefore = (await em().findOneByOrFail(SchoolClass, { id: classId })).version;
      const before = { rows: await dump(), writes: await writes() };
      for (const confirm of [undefined, false, null]) {
        const result = await h.run("director.moulin", UPDATE, { classId: String(classId), settings: IMPORT_GRADES, confirm });
        expect(result.data?.updateClassSettings ?? null).toBeNull();
        expect(onlyError(result).extensions).toMatchObject({
          code: "DATA_LOSS_NOT_CONFIRMED",
          rule: "R-SEED-02",
          impact: { reportsDeleted: 2, entriesDeleted: 3, reportsMadeReadOnly: 1, positioningsDeleted: 0, averagesDeleted: 0, reportsUntouched: 1, destructive: true },
        });
      }
      expect(await dump()).toEqual(before.rows);
      expect(await writes()).toEqual(before.writes);
      expect((await em().findOneByOrFail(SchoolClass, { id: classId })).version).toBe(versionBefore);
    });

    it("R-SEED-02: the settings the class already has change nothing and record no change", async () => {
      const { classId } = await seed();
      const versionBefore = (await em().findOneByOrFail(SchoolClass, { id: classId })).version;
      const before = await writes();
      const result = await h.data("director.moulin", UPDATE, { classId: String(classId), settings: ENTRY_OBJECTIVES });
      expect(result.updateClassSettings).toEqual({ class: { id: String(classId), ...ENTRY_OBJECTIVES }, change: null });
      expect(await writes()).toEqual(before);
      expect((await em().findOneByOrFail(SchoolClass, { id: classId })).version).toBe(versionBefore);
    });
  });

  describe("effects", () => {
    it("R-SEED-03: changing the positioning type clears every positioning and average of the drafts and nothing else", async () => {
      const seeded = await seed();
      const before = await dump();
      const classVersion = (await em().findOneByOrFail(SchoolClass, { id: seeded.classId })).version;

      const result = await change(seeded.classId, ENTRY_GRADES);
      expect(result.class).toMatchObject(ENTRY_GRADES);
      expect(result.change.impact).toEqual(POSITIONING_CHANGE);

      const after = await dump();
      const blank = (row: any) => (row.reportId === seeded.lockedLea1 ? row : { ...row, positioning: null, studentAverage: null, classAverage: null });
      expect(after.report_entry).toEqual(before.report_entry.map(blank));
      // Each draft had a positioning or an average: it moves one version forward, nothing else of it changes.
      const bumped = (r: any) => (r.id === seeded.lockedLea1 ? r : { ...r, version: r.version + 1 });
      expect(after.periodic_report).toEqual(before.periodic_report.map(bumped));
      for (const table of Object.keys(REPORT_TABLES).filter((t) => t !== "report_entry" && t !== "periodic_report")) {
        expect([table, after[table]]).toEqual([table, before[table]]);
      }
      expect((await em().findOneByOrFail(SchoolClass, { id: seeded.classId })).version).toBe(classVersion + 1);
    });

    it("R-NEW-04: a positioning-type change leaves a locked report's positionings and averages exactly as they are", async () => {
      const seeded = await seed();
      const report = await reportRow(seeded.lockedLea1);
      const entries = await entriesOf(seeded.lockedLea1);
      expect(entries.filter((e) => e.positioning !== null)).toHaveLength(2);

      await change(seeded.classId, ENTRY_GRADES);
      expect(await entriesOf(seeded.lockedLea1)).toEqual(entries);
      expect(await reportRow(seeded.lockedLea1)).toEqual(report);
    });

    it("R-NEW-04: a read-only report keeps its positionings through later positioning-type changes, and the preview says so", async () => {
      const seeded = await seed();
      await change(seeded.classId, IMPORT_OBJECTIVES);
      const report = await reportRow(seeded.lockedLea1);
      expect(report!.readOnly).toBe(true);
      const entries = await entriesOf(seeded.lockedLea1);

      expect(await impactOf(seeded.classId, IMPORT_GRADES)).toEqual({ ...NOTHING, reportsUntouched: 1, positioningsKept: 2, averagesKept: 1 });
      const result = await h.data("director.moulin", UPDATE, { classId: String(seeded.classId), settings: IMPORT_GRADES });
      expect(result.updateClassSettings.change.impact).toMatchObject({ positioningsDeleted: 0, averagesDeleted: 0, destructive: false });
      expect(await entriesOf(seeded.lockedLea1)).toEqual(entries);
      expect(await reportRow(seeded.lockedLea1)).toEqual(report);
    });

    it("R-SEED-04(a): a locked report stays, read-only for good, and a later data-source change leaves it alone", async () => {
      const seeded = await seed();
      const before = await reportRow(seeded.lockedLea1);
      const entriesBefore = await entriesOf(seeded.lockedLea1);

      await change(seeded.classId, IMPORT_OBJECTIVES);
      const frozen = await reportRow(seeded.lockedLea1);
      expect(frozen).toEqual({ ...before, readOnly: true, version: before!.version + 1 });
      expect(await entriesOf(seeded.lockedLea1)).toEqual(entriesBefore);

      // Back to ENTRY: the report stays read-only and counts as neither deleted nor frozen again, only as untouched.
      expect(await impactOf(seeded.classId, ENTRY_OBJECTIVES)).toEqual({ ...NOTHING, reportsUntouched: 1 });
      const back = await h.data("director.moulin", UPDATE, { classId: String(seeded.classId), settings: ENTRY_OBJECTIVES });
      expect(back.updateClassSettings.change.impact).toEqual({ ...NOTHING, reportsUntouched: 1 });
      expect(await reportRow(seeded.lockedLea1)).toEqual(frozen);
    });

    it("R-SEED-04(b): unlocked reports go with all their parts, and so do the class-wide program elements and the collective appreciation", async () => {
      const seeded = await seed();
      const before = await dump();
      const result = await change(seeded.classId, IMPORT_OBJECTIVES);
      expect(result.change.impact).toEqual({
        ...NOTHING,
        reportsDeleted: 2,
        entriesDeleted: 3,
        pupilProgramElementsDeleted: 1,
        otherReportPartsDeleted: 3,
        classProgramElementsDeleted: 2,
        collectiveAppreciationsDeleted: 1,
        reportsMadeReadOnly: 1,
        reportsUntouched: 1,
        destructive: true,
      });

      const after = await dump();
      const gone = new Set([seeded.draftNoah1, seeded.draftLea2]);
      const goneEntries = new Set(before.report_entry.filter((e: any) => gone.has(e.reportId)).map((e: any) => e.id));
      expect(after.periodic_report.map((r: any) => r.id)).toEqual([seeded.lockedLea1]);
      expect(after.report_entry).toEqual(before.report_entry.filter((e: any) => !gone.has(e.reportId)));
      for (const table of ["report_entry_teacher", "report_entry_element"]) {
        expect([table, after[table]]).toEqual([table, before[table].filter((r: any) => !goneEntries.has(r.entryId))]);
      }
      for (const table of ["report_reference_teacher", "report_digital_skill", "report_parcours", "report_support_measure"]) {
        expect([table, after[table]]).toEqual([table, before[table].filter((r: any) => !gone.has(r.reportId))]);
      }
      expect(after.report_digital_skill).toEqual([]);
      expect(after.report_support_measure).toEqual([]);
      // Only CE1's class-wide rows are left: CP's are gone, so next year's carry-over cannot offer them (R-SEED-04c).
      expect(after.class_program_element).toEqual(before.class_program_element.filter((r: any) => r.classId === seeded.bystanderClassId));
      expect(after.class_digital_skills_appreciation).toEqual(
        before.class_digital_skills_appreciation.filter((r: any) => r.classId === seeded.bystanderClassId),
      );
    });

    it("R-SEED-09: a past-year class's settings can neither be previewed nor changed", async () => {
      await seed();
      const pastClass = await h.ids.class(UAI.moulin, 2025, "CP");
      const before = await writes();
      for (const query of [IMPACT, UPDATE]) {
        const result = await h.run("director.moulin", query, { classId: pastClass, settings: IMPORT_GRADES, confirm: true });
        expect(onlyError(result).extensions).toMatchObject({ code: "PAST_YEAR", rule: "R-SEED-09" });
      }
      expect(await writes()).toEqual(before);
    });
  });

  describe("restore", () => {
    it("R-NEW-01: a change then its restore leaves every affected table exactly as before (school_class but its version)", async () => {
      for (const settings of [IMPORT_GRADES, IMPORT_OBJECTIVES, ENTRY_GRADES]) {
        const seeded = await seed();
        const before = await dump();
        const classVersion = (await em().findOneByOrFail(SchoolClass, { id: seeded.classId })).version;

        const result = await change(seeded.classId, settings);
        expect(await dump()).not.toEqual(before);
        const restored = await h.data("director.moulin", RESTORE, { id: result.change.id });
        expect(restored.restoreClassSettingsChange).toEqual({ id: String(seeded.classId), ...ENTRY_OBJECTIVES });

        expect([settings, await dump()]).toEqual([settings, before]);
        expect((await em().findOneByOrFail(SchoolClass, { id: seeded.classId })).version).toBe(classVersion + 2);
        const stored = await em().findOneByOrFail(ClassSettingsChange, { id: Number(result.change.id) });
        expect(stored.restoredAt).not.toBeNull();
        expect(stored.restoredByAccountId).toBe((await em().findOneByOrFail(Account, { login: "director.moulin" })).id);
      }
    });

    it("R-NEW-01: a collège class of 30 pupils × 3 periods × 10 subjects, full content, archives and restores", async () => {
      await reset();
      const classId = Number(await h.ids.class(UAI.hugo, 2026, "4A"));
      const cls = await em().findOneByOrFail(SchoolClass, { id: classId });
      await em().update(SchoolClass, { id: classId }, { dataSource: null, positioningType: null });
      const periods = (await em().find(Period, { where: { schemeId: cls.periodSchemeId! }, order: { position: "ASC" } })).slice(0, 3);
      expect(periods).toHaveLength(3);
      const subjects: Array<{ code: string }> = await h.db.dataSource.query("SELECT code FROM subject WHERE degree = ? ORDER BY code", ["SECOND"]);
      const tenSubjects = subjects.slice(0, 10).map((s) => s.code);
      expect(tenSubjects).toHaveLength(10);
      // Texts at their limits, with 4-byte characters: the archive is as large as the domain allows.
      const full = (n: number, seed: string) => `${seed} é🎓`.repeat(Math.ceil(n / (seed.length + 4))).slice(0, n);
      await h.data("head.hugo", UPDATE, { classId: String(classId), settings: ENTRY_GRADES });
      for (let pupil = 0; pupil < 30; pupil++) {
        const ine = `9${String(pupil).padStart(9, "0")}Z`;
        const studentId = Number((await em().insert("student", { ine, surname: `Élève${pupil}`, firstName: "Test" })).identifiers[0].id);
        for (const period of periods) {
          const reportId = Number(
            (await em().insert(PeriodicReport, { studentId, periodId: period.id, classId, schoolYear: 2026, status: ReportStatus.DRAFT, synthesis: full(1000, "Synthèse") })).identifiers[0].id,
          );
          const entries = tenSubjects.map((subjectCode) => ({ reportId, subjectCode, studentAverage: "12,5", classAverage: "11", appreciation: full(600, subjectCode) }));
          await em().insert(ReportEntry, entries);
          const stored = await em().find(ReportEntry, { where: { reportId } });
          await em().insert(ReportEntryElement, stored.flatMap((e) => [1, 2, 3].map((k) => ({ entryId: e.id, label: full(300, `Élément ${k}`) }))));
        }
      }
      const before = await dump();
      const result = (await h.data("head.hugo", UPDATE, { classId: String(classId), settings: IMPORT_GRADES, confirm: true })).updateClassSettings;
      expect(result.change.impact).toMatchObject({ reportsDeleted: 90, entriesDeleted: 900, pupilProgramElementsDeleted: 2700 });
      expect(await count("periodic_report")).toBe(0);
      const restored = await h.data("head.hugo", RESTORE, { id: result.change.id });
      expect(restored.restoreClassSettingsChange).toEqual({ id: String(classId), ...ENTRY_GRADES });
      expect(await dump()).toEqual(before);
    });

    it("R-NEW-01: restored class-wide program elements are back in class_program_element with their ids", async () => {
      const seeded = await seed();
      const elements = await em().find(ClassProgramElement, { where: { classId: seeded.classId }, order: { id: "ASC" } });
      const result = await change(seeded.classId, IMPORT_OBJECTIVES);
      expect(await em().count(ClassProgramElement, { where: { classId: seeded.classId } })).toBe(0);
      await h.data("director.moulin", RESTORE, { id: result.change.id });
      expect(await em().find(ClassProgramElement, { where: { classId: seeded.classId }, order: { id: "ASC" } })).toEqual(elements);
    });

    it("R-NEW-01: restoring the first setting gives the class back unset settings", async () => {
      const { classId } = await seed({ settings: null });
      const result = await h.data("director.moulin", UPDATE, { classId: String(classId), settings: ENTRY_OBJECTIVES });
      const restored = await h.data("director.moulin", RESTORE, { id: result.updateClassSettings.change.id });
      expect(restored.restoreClassSettingsChange).toEqual({ id: String(classId), dataSource: null, positioningType: null });
    });

    it("R-NEW-01: a change cannot be restored twice", async () => {
      const seeded = await seed();
      const result = await change(seeded.classId, IMPORT_GRADES);
      await h.data("director.moulin", RESTORE, { id: result.change.id });
      const before = { rows: await dump(), writes: await writes() };
      const again = await h.run("director.moulin", RESTORE, { id: result.change.id });
      expect(onlyError(again).extensions).toMatchObject({ code: "CONFLICT", rule: "R-NEW-01" });
      expect(await dump()).toEqual(before.rows);
      expect(await writes()).toEqual(before.writes);
    });

    it("R-NEW-01: a restore is refused once a report of the class was created since the change", async () => {
      const seeded = await seed();
      const result = await change(seeded.classId, IMPORT_OBJECTIVES);
      const cls = await em().findOneByOrFail(SchoolClass, { id: seeded.classId });
      const period = await em().findOneByOrFail(Period, { schemeId: cls.periodSchemeId!, position: 3 });
      await em().insert(PeriodicReport, {
        studentId: Number(await h.ids.student("1000000002B")),
        periodId: period.id,
        classId: seeded.classId,
        schoolYear: 2026,
        status: ReportStatus.DRAFT,
        source: "IMPORT" as never,
      });
      const before = { rows: await dump(), writes: await writes() };
      const refused = await h.run("director.moulin", RESTORE, { id: result.change.id });
      expect(onlyError(refused).extensions).toMatchObject({ code: "CONFLICT", rule: "R-NEW-01" });
      expect(await dump()).toEqual(before.rows);
      expect(await writes()).toEqual(before.writes);
      expect((await em().findOneByOrFail(ClassSettingsChange, { id: Number(result.change.id) })).restoredAt).toBeNull();
    });

    it("R-NEW-01: a restore is refused once a surviving report was edited since the change", async () => {
      const seeded = await seed();
      const result = await change(seeded.classId, ENTRY_GRADES);
      // An edit moves the report's version forward (R-NEW-03).
      await em().update(ReportEntry, { reportId: seeded.draftNoah1, subjectCode: "MAT-RAC" }, { studentAverage: "10" });
      await em().increment(PeriodicReport, { id: seeded.draftNoah1 }, "version", 1);
      const before = await dump();
      const refused = await h.run("director.moulin", RESTORE, { id: result.change.id });
      expect(onlyError(refused).extensions).toMatchObject({ code: "CONFLICT", rule: "R-NEW-01" });
      expect(await dump()).toEqual(before);
    });

    it("R-NEW-01: a restore is refused once class-wide rows were entered again after a data-source change", async () => {
      const seeded = await seed();
      const result = await change(seeded.classId, IMPORT_OBJECTIVES);
      await em().insert(ClassDigitalSkillsAppreciation, { classId: seeded.classId, text: "Nouvelle appréciation." });
      const refused = await h.run("director.moulin", RESTORE, { id: result.change.id });
      expect(onlyError(refused).extensions).toMatchObject({ code: "CONFLICT", rule: "R-NEW-01" });
    });

    it("R-NEW-01: only the latest unrestored change of a class can be restored, back to the very beginning", async () => {
      const seeded = await seed();
      const before = await dump();
      const first = await change(seeded.classId, IMPORT_OBJECTIVES);
      const second = await change(seeded.classId, IMPORT_GRADES);

      const early = await h.run("director.moulin", RESTORE, { id: first.change.id });
      expect(onlyError(early).extensions).toMatchObject({ code: "CONFLICT", rule: "R-NEW-01" });

      await h.data("director.moulin", RESTORE, { id: second.change.id });
      await h.data("director.moulin", RESTORE, { id: first.change.id });
      expect(await dump()).toEqual(before);

      // Newest first, restored ones included.
      const listed = await h.data("director.moulin", CHANGES, { id: String(seeded.classId) });
      expect(listed.class.settingsChanges.map((c: { id: string }) => c.id)).toEqual(
        [second.change.id, first.change.id, expect.any(String)],
      );
      expect(listed.class.settingsChanges.slice(0, 2).every((c: { restoredAt: string | null }) => c.restoredAt !== null)).toBe(true);
    });

    it("R-NEW-01: a change of a past-year class cannot be restored", async () => {
      await seed();
      const pastClassId = Number(await h.ids.class(UAI.moulin, 2025, "CP"));
      const director = (await em().findOneByOrFail(Account, { login: "director.moulin" })).id;
      // Such a change could only have been made during 2025-2026: written directly.
      const id = Number(
        (
          await em().insert(ClassSettingsChange, {
            classId: pastClassId,
            changedAt: new Date("2025-10-01T08:00:00Z"),
            changedByAccountId: director,
            previousDataSource: null,
            previousPositioningType: null,
            newDataSource: "ENTRY" as never,
            newPositioningType: "OBJECTIVES" as never,
            impact: JSON.stringify(NOTHING),
            archive: JSON.stringify({ format: 1, deleted: {}, reports: [], entries: [], after: { reports: [], classProgramElementIds: null, collectiveAppreciationIds: null } }),
          })
        ).identifiers[0].id,
      );
      const before = await writes();
      const refused = await h.run("director.moulin", RESTORE, { id: String(id) });
      expect(onlyError(refused).extensions).toMatchObject({ code: "PAST_YEAR", rule: "R-NEW-01" });
      expect(await writes()).toEqual(before);
    });
  });

  describe("audit", () => {
    const eventsSince = async (id: number) =>
      (await h.db.dataSource.query("SELECT * FROM audit_event WHERE id > ? ORDER BY id", [id])) as Array<Record<string, any>>;
    const lastAuditId = async () => Number((await h.db.dataSource.query("SELECT COALESCE(MAX(id), 0) AS id FROM audit_event"))[0].id);

    it("R-NEW-02: a change and a restore each leave one audit event with the change id and counts, never pupils' texts", async () => {
      const seeded = await seed();
      const since = await lastAuditId();
      const result = await change(seeded.classId, IMPORT_GRADES);
      await h.data("director.moulin", RESTORE, { id: result.change.id });

      const events = await eventsSince(since);
      expect(events.map((e) => e.action)).toEqual(["CHANGE_CLASS_SETTINGS", "RESTORE_CLASS_SETTINGS"]);
      const schoolId = Number(await h.ids.school(UAI.moulin));
      for (const event of events) {
        expect(event).toMatchObject({ entityType: "SchoolClass", entityId: String(seeded.classId), schoolId });
        expect(event.actorAccountId).not.toBeNull();
        expect(event.requestId).toBeTruthy();
        expect(JSON.parse(event.details)).toMatchObject({ changeId: Number(result.change.id), reportsDeleted: 2, reportsMadeReadOnly: 1 });
        for (const text of ["Léa", "Noah", "lecture", "Chorale", "Classe curieuse", "Reconnaître"]) expect(event.details).not.toContain(text);
      }
    });

    it("R-NEW-02: the audit event is written in the change's transaction: when it fails, nothing of the change remains", async () => {
      const seeded = await seed();
      const before = { rows: await dump(), writes: await writes() };
      const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
      const failing = jest.spyOn(audit, "recordAudit").mockRejectedValueOnce(new Error("audit store unavailable"));
      try {
        const result = await h.run("director.moulin", UPDATE, { classId: String(seeded.classId), settings: IMPORT_GRADES, confirm: true });
        expect(onlyError(result).extensions?.code).toBe("INTERNAL_SERVER_ERROR");
        expect(failing).toHaveBeenCalledTimes(1);
      } finally {
        failing.mockRestore();
        quiet.mockRestore();
      }
      expect(await dump()).toEqual(before.rows);
      expect(await writes()).toEqual(before.writes);
    });

    it("R-NEW-02: refusals leave no audit event", async () => {
      const seeded = await seed();
      const before = await writes();
      await h.run("director.moulin", UPDATE, { classId: String(seeded.classId), settings: IMPORT_GRADES });
      await h.run("teacher.cp", UPDATE, { classId: String(seeded.classId), settings: IMPORT_GRADES, confirm: true });
      await h.run("director.parc", UPDATE, { classId: String(seeded.classId), settings: IMPORT_GRADES, confirm: true });
      await h.run("director.moulin", RESTORE, { id: "987654" });
      expect(await writes()).toEqual(before);
    });
  });

  describe("permissions", () => {
    it("only the DIRECTOR of the class's school may preview, change, restore or list: FORBIDDEN for staff without the role, NOT_FOUND for another school's lead", async () => {
      const seeded = await seed();
      const made = await change(seeded.classId, IMPORT_OBJECTIVES);
      const classId = String(seeded.classId);
      const before = { rows: await dump(), writes: await writes() };
      const cases: Array<[string, string, Record<string, unknown>, string]> = [
        ["teacher.cp", UPDATE, { classId, settings: ENTRY_GRADES, confirm: true }, "FORBIDDEN"],
        ["teacher.cp", IMPACT, { classId, settings: ENTRY_GRADES }, "FORBIDDEN"],
        ["teacher.cp", RESTORE, { id: made.change.id }, "FORBIDDEN"],
        ["dasen.lyon", UPDATE, { classId, settings: ENTRY_GRADES, confirm: true }, "FORBIDDEN"],
        ["parent.martin", UPDATE, { classId, settings: ENTRY_GRADES, confirm: true }, "FORBIDDEN"],
        ["director.parc", UPDATE, { classId, settings: ENTRY_GRADES, confirm: true }, "NOT_FOUND"],
        ["director.parc", IMPACT, { classId, settings: ENTRY_GRADES }, "NOT_FOUND"],
        ["director.parc", RESTORE, { id: made.change.id }, "NOT_FOUND"],
        ["head.hugo", RESTORE, { id: made.change.id }, "NOT_FOUND"],
      ];
      for (const [login, query, variables, code] of cases) {
        const result = await h.run(login, query, variables);
        expect([login, onlyError(result).extensions?.code]).toEqual([login, code]);
      }
      // A change another lead cannot see answers exactly like one that does not exist.
      const missing = await h.run("director.parc", RESTORE, { id: "987654" });
      const foreign = await h.run("director.parc", RESTORE, { id: made.change.id });
      expect(foreign).toEqual(missing);
      expect(await dump()).toEqual(before.rows);
      expect(await writes()).toEqual(before.writes);
    });

    it("SchoolClass.settingsChanges is refused to the class's teacher while the rest of the class still answers", async () => {
      const seeded = await seed();
      const result = await h.run("teacher.cp", CHANGES, { id: String(seeded.classId) });
      expect(result.data?.class).toEqual({ code: "CP", settingsChanges: null });
      expect(onlyError(result)).toMatchObject({ path: ["class", "settingsChanges"], extensions: { code: "FORBIDDEN" } });

      const lead = await h.data("director.moulin", CHANGES, { id: String(seeded.classId) });
      expect(lead.class.settingsChanges).toEqual([expect.objectContaining({ restoredAt: null, newSettings: ENTRY_OBJECTIVES })]);
    });

    it("refuses a malformed id as BAD_USER_INPUT", async () => {
      const result = await h.run("director.moulin", RESTORE, { id: "abc" });
      expect(onlyError(result).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "changeId" });
    });
  });
});
