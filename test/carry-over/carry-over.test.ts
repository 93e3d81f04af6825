import { randomUUID } from "node:crypto";
import { EntityManager } from "typeorm";
import { fixedClock } from "../../src/common/clock";
import { createContext } from "../../src/common/context";
import { currentSchoolYear } from "../../src/common/school-year";
import { loadPrincipal } from "../../src/auth/principal";
import { SchoolClass } from "../../src/modules/class/school-class.entity";
import { Period } from "../../src/modules/period/period.entity";
import { PeriodicReport } from "../../src/modules/report/periodic-report.entity";
import { ClassProgramElement, ReportEntry, ReportEntryElement } from "../../src/modules/report/report-parts.entity";
import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { seedCarryOverDemo } from "../../src/modules/carry-over/carry-over.demo";
import { createHarness, GraphQLResponse, Harness, onlyError, UAI } from "../support/harness";

const CARRY = `mutation($classId: ID!) {
  carryOverProgramElements(classId: $classId) { brought { subjectCode label } periodsCovered alreadyPresent }
}`;
const SET_ELEMENTS = `mutation($classId: ID!, $periodId: ID!, $subject: String!, $labels: [String!]!) {
  setClassProgramElements(classId: $classId, periodId: $periodId, subjectCode: $subject, labels: $labels) { label }
}`;

/** Last year's CM1 at Jean Moulin (carry-over.demo.ts), taught by teacher.cm2, who has CM2 this year. */
const DEMO_CM1_ELEMENTS = [
  { subjectCode: "FRA-RAC", label: "Lire et comprendre un texte narratif" },
  { subjectCode: "FRA-RAC", label: "Identifier le verbe et son sujet" },
  { subjectCode: "FRA-RAC", label: "Écrire un texte court en respectant la ponctuation" },
  { subjectCode: "HIG-RAC", label: "Se repérer sur une frise chronologique" },
  { subjectCode: "MAT-RAC", label: "Nombres entiers jusqu'au million" },
  { subjectCode: "MAT-RAC", label: "Fractions simples : moitié, tiers, quart" },
];
/** Chloé's own element in her locked 2025 CM1 report: an individual source. */
const CHLOE_OWN = { subjectCode: "FRA-RAC", label: "Lecture à voix haute d'un poème" };

/** Last year's teachers of 6A at the collège, so that a 2D class has two teachers' sources. */
const EXTRA_DIRECTORY = {
  format: "livret-directory/1",
  assignments: [
    { login: "teacher.maths", school: UAI.hugo, schoolYear: 2025, class: "6A", subject: "061300" },
    { login: "teacher.francais", school: UAI.hugo, schoolYear: 2025, class: "6A", subject: "020700" },
  ],
};

type Brought = { subjectCode: string; label: string };
const bySubject = (list: Brought[]) => [...list].sort((a, b) => a.subjectCode.localeCompare(b.subjectCode) || a.label.localeCompare(b.label));

describe("yearly carry-over of program elements", () => {
  let h: Harness;
  let cm2: number;
  let cm1Last: number;
  beforeAll(async () => {
    // Demo reports: CP and CE2-CM1 have locked reports this year; CE1, CM2 and the collège's 6A only drafts.
    h = await createHarness("carry_over", { demoReports: true });
    await loadDirectoryText(h.db.dataSource, JSON.stringify(EXTRA_DIRECTORY));
    await h.db.dataSource.transaction(async (em) => {
      // Idempotent: a no-op once src/db/demo-reports.ts calls it too.
      await seedCarryOverDemo(em);
      await addOwnElements(em, "1000000006F", UAI.moulin, 2025, "CM1", "FRA-RAC", [CHLOE_OWN.label]);
      const sixA = await classOf(em, UAI.hugo, 2025, "6A");
      const periods = await periodsOf(em, sixA);
      await em.insert(ClassProgramElement, [
        { classId: sixA.id, periodId: periods[0].id, subjectCode: "061300", label: "Nombres décimaux" },
        { classId: sixA.id, periodId: periods[0].id, subjectCode: "061300", label: "Proportionnalité" },
        { classId: sixA.id, periodId: periods[1].id, subjectCode: "020700", label: "Le récit d'aventure" },
      ]);
      // Lucas's locked 2025 6A report: one label the class also had, one of his own.
      await addOwnElements(em, "2000000003C", UAI.hugo, 2025, "6A", "061300", ["Proportionnalité", "Aires et périmètres"]);
    });
    cm2 = Number(await h.ids.class(UAI.moulin, 2026, "CM2"));
    cm1Last = Number(await h.ids.class(UAI.moulin, 2025, "CM1"));
  });
  afterAll(() => h.close());

  async function classOf(em: EntityManager, uai: string, year: number, code: string): Promise<SchoolClass> {
    const rows: Array<{ id: number }> = await em.query(
      "SELECT c.id FROM school_class c JOIN school s ON s.id = c.schoolId WHERE s.uai = ? AND c.schoolYear = ? AND c.code = ?",
      [uai, year, code],
    );
    return em.findOneByOrFail(SchoolClass, { id: rows[0].id });
  }
  const periodsOf = (em: EntityManager, cls: SchoolClass) => em.find(Period, { where: { schemeId: cls.periodSchemeId! }, order: { position: "ASC" } });

  /** Individual elements on the pupil's report entry of that subject in that class (the demo report). */
  async function addOwnElements(em: EntityManager, ine: string, uai: string, year: number, code: string, subject: string, labels: string[]) {
    const cls = await classOf(em, uai, year, code);
    const studentId = Number(await h.ids.student(ine));
    const report = await em.findOneByOrFail(PeriodicReport, { classId: cls.id, studentId });
    const entry = await em.findOneByOrFail(ReportEntry, { reportId: report.id, subjectCode: subject });
    await em.insert(ReportEntryElement, labels.map((label) => ({ entryId: entry.id, label })));
  }

  const count = async (sql: string, params: unknown[] = []) => Number((await h.db.dataSource.query(sql, params))[0].n);
  const writes = async () => ({
    elements: await count("SELECT COUNT(*) AS n FROM class_program_element"),
    audits: await count("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'CARRY_OVER_PROGRAM_ELEMENTS'"),
  });
  /** The class's whole-class elements as (period position, subject, label, source id). */
  async function elementsOf(classId: number): Promise<Array<{ position: number; subjectCode: string; label: string; carriedOverFromId: number | null }>> {
    const rows: Array<Record<string, unknown>> = await h.db.dataSource.query(
      `SELECT p.position, e.subjectCode, e.label, e.carriedOverFromId FROM class_program_element e JOIN period p ON p.id = e.periodId
       WHERE e.classId = ? ORDER BY p.position, e.subjectCode, e.label`,
      [classId],
    );
    return rows.map((r) => ({
      position: Number(r.position),
      subjectCode: String(r.subjectCode),
      label: String(r.label),
      carriedOverFromId: r.carriedOverFromId === null ? null : Number(r.carriedOverFromId),
    }));
  }
  /** Ids of last year's whole-class elements by label (the first one, when a label is in several periods). */
  async function sourceIds(classId: number): Promise<Map<string, number>> {
    const rows = await h.db.dataSource.manager.find(ClassProgramElement, { where: { classId }, order: { id: "DESC" } });
    return new Map(rows.map((r) => [r.label, r.id]));
  }
  const clearTarget = (classId: number) => h.db.dataSource.manager.delete(ClassProgramElement, { classId });

  /** Runs an operation as `login` on another day: last school year's settings changes are made during last year. */
  async function runAt(isoDate: string, login: string, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
    const clock = fixedClock(isoDate);
    const principal = await loadPrincipal(h.db.dataSource.manager, login, currentSchoolYear(clock));
    const contextValue = createContext({ requestId: randomUUID(), principal, dataSource: h.db.dataSource, clock });
    const response = await h.apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== "single") throw new Error("unexpected incremental response");
    return response.body.singleResult as GraphQLResponse;
  }

  describe("R-SEED-07: the whole year at once", () => {
    afterAll(() => clearTarget(cm2));

    it("R-SEED-07: the operation takes a class and no period", () => {
      const field = h.schema.getMutationType()!.getFields().carryOverProgramElements;
      expect(field.args.map((a) => a.name)).toEqual(["classId"]);
    });

    it("R-SEED-07: brings last year's elements into every period of the class, and tells what it brought", async () => {
      // A label already typed into period 2 stays single there and is still brought to periods 1 and 3.
      const period2 = (await periodsOf(h.db.dataSource.manager, await h.db.dataSource.manager.findOneByOrFail(SchoolClass, { id: cm2 })))[1];
      await h.data("teacher.cm2", SET_ELEMENTS, { classId: String(cm2), periodId: String(period2.id), subject: "FRA-RAC", labels: ["Identifier le verbe et son sujet"] });
      const before = await writes();

      const data = await h.data("teacher.cm2", CARRY, { classId: String(cm2) });
      const expected = [...DEMO_CM1_ELEMENTS, CHLOE_OWN];
      expect(bySubject(data.carryOverProgramElements.brought)).toEqual(bySubject(expected));
      expect(data.carryOverProgramElements).toMatchObject({ periodsCovered: 3, alreadyPresent: 0 });

      const sources = await sourceIds(cm1Last);
      const rows = await elementsOf(cm2);
      for (const position of [1, 2, 3]) {
        const inPeriod = rows.filter((r) => r.position === position);
        expect(bySubject(inPeriod)).toEqual(
          bySubject(
            expected.map((e) => ({
              ...e,
              position,
              // The element typed in by hand keeps no source; carried ones name last year's whole-class element.
              carriedOverFromId: position === 2 && e.label === "Identifier le verbe et son sujet" ? null : (sources.get(e.label) ?? null),
            })),
          ),
        );
      }
      expect(sources.size).toBe(6);
      const after = await writes();
      expect(after).toEqual({ elements: before.elements + 7 * 3 - 1, audits: before.audits + 1 });
      const [event] = await h.db.dataSource.query(
        "SELECT entityType, entityId, details FROM audit_event WHERE action = 'CARRY_OVER_PROGRAM_ELEMENTS' ORDER BY id DESC LIMIT 1",
      );
      expect(event.entityType).toBe("SchoolClass");
      expect(event.entityId).toBe(String(cm2));
      expect(JSON.parse(event.details)).toEqual({ fromSchoolYear: 2025, elementsBrought: 7, rowsInserted: 20, alreadyPresent: 0, periods: 3 });
    });

    it("R-SEED-07: a report of the class shows the carried elements as whole-class ones", async () => {
      const reportId = (await h.db.dataSource.manager.findOneByOrFail(PeriodicReport, { classId: cm2 })).id;
      const data = await h.data("teacher.cm2", `query($id: ID!) { periodicReport(id: $id) { entries { subject { code } programElements { label wholeClass } } } }`, {
        id: String(reportId),
      });
      const fra = data.periodicReport.entries.find((e: { subject: { code: string } }) => e.subject.code === "FRA-RAC");
      expect(fra.programElements).toEqual(
        expect.arrayContaining([
          { label: "Lire et comprendre un texte narratif", wholeClass: true },
          { label: CHLOE_OWN.label, wholeClass: true },
        ]),
      );
    });

    it("R-SEED-07: running it again duplicates nothing, writes nothing and says everything was there", async () => {
      const before = await writes();
      const rows = await elementsOf(cm2);
      const data = await h.data("director.moulin", CARRY, { classId: String(cm2) });
      expect(data.carryOverProgramElements).toEqual({ brought: [], periodsCovered: 3, alreadyPresent: 7 });
      expect(await writes()).toEqual(before);
      expect(await elementsOf(cm2)).toEqual(rows);
    });

    it("R-SEED-07: a class whose teachers taught nothing last year gets nothing, and nothing is written", async () => {
      const before = await writes();
      const data = await h.data("director.moulin", CARRY, { classId: await h.ids.class(UAI.moulin, 2026, "CE1") });
      expect(data.carryOverProgramElements).toEqual({ brought: [], periodsCovered: 3, alreadyPresent: 0 });
      expect(await writes()).toEqual(before);
    });
  });

  describe("at the same moment", () => {
    afterAll(() => clearTarget(cm2));
    it("R-SEED-07: two carry-overs of one class at once bring each element once", async () => {
      const before = await writes();
      const results = await Promise.all(["teacher.cm2", "director.moulin"].map((login) => h.data(login, CARRY, { classId: String(cm2) })));
      expect(results.map((r) => r.carryOverProgramElements.brought.length).sort()).toEqual([0, 7]);
      expect(await writes()).toEqual({ elements: before.elements + 7 * 3, audits: before.audits + 1 });
    });
  });

  describe("whose elements", () => {
    let sixA: string;
    beforeAll(async () => {
      sixA = await h.ids.class(UAI.hugo, 2026, "6A");
    });
    afterAll(async () => clearTarget(Number(sixA)));

    it("R-SEED-07: a teacher brings only their own subjects; the HEAD brings the rest", async () => {
      const maths = await h.data("teacher.maths", CARRY, { classId: sixA });
      // 2025 had two periods (semesters), 2026 has three: every element goes into all three.
      expect(maths.carryOverProgramElements).toEqual({
        brought: [
          { subjectCode: "061300", label: "Nombres décimaux" },
          { subjectCode: "061300", label: "Proportionnalité" },
          { subjectCode: "061300", label: "Aires et périmètres" },
        ],
        periodsCovered: 3,
        alreadyPresent: 0,
      });
      const head = await h.data("head.hugo", CARRY, { classId: sixA });
      expect(head.carryOverProgramElements).toEqual({
        brought: [{ subjectCode: "020700", label: "Le récit d'aventure" }],
        periodsCovered: 3,
        alreadyPresent: 3,
      });
      const rows = await elementsOf(Number(sixA));
      expect(rows).toHaveLength(4 * 3);
      // Lucas's own element has no whole-class source; "Proportionnalité" names the class's one.
      expect(rows.filter((r) => r.label === "Aires et périmètres").map((r) => r.carriedOverFromId)).toEqual([null, null, null]);
      expect(rows.filter((r) => r.label === "Proportionnalité").every((r) => r.carriedOverFromId !== null)).toBe(true);
    });
  });

  describe("R-SEED-04(c): whole-class elements deleted by a data-source change", () => {
    afterAll(() => clearTarget(cm2));
    const UPDATE = `mutation($classId: ID!) {
      updateClassSettings(classId: $classId, settings: { dataSource: IMPORT, positioningType: OBJECTIVES }, confirmDataLoss: true) {
        change { id impact { classProgramElementsDeleted } }
      }
    }`;
    const RESTORE = `mutation($id: ID!) { restoreClassSettingsChange(changeId: $id) { id dataSource } }`;
    /** A day of last school year: settings change and are restored only during their class's year (R-NEW-01). */
    const LAST_YEAR = "2026-03-10T10:00:00Z";
    let changeId: string;

    /*
     * The deleted state is made by the class-settings service itself, run on a day of 2025-2026, rather
     * than imitated with a hand-written archive: the test then holds whatever that service archives and
     * deletes, and a restore through it brings the elements back with their original ids.
     */
    it("R-SEED-04(c): are not offered by next year's carry-over", async () => {
      const changed = await runAt(LAST_YEAR, "director.moulin", UPDATE, { classId: String(cm1Last) });
      expect(changed.errors).toBeUndefined();
      expect(changed.data!.updateClassSettings.change.impact.classProgramElementsDeleted).toBe(7);
      changeId = changed.data!.updateClassSettings.change.id;
      expect(await count("SELECT COUNT(*) AS n FROM class_program_element WHERE classId = ?", [cm1Last])).toBe(0);

      const data = await h.data("teacher.cm2", CARRY, { classId: String(cm2) });
      // Chloé's locked report stayed (read-only, R-SEED-04a), and with it her own element.
      expect(data.carryOverProgramElements).toEqual({ brought: [CHLOE_OWN], periodsCovered: 3, alreadyPresent: 0 });
      expect((await elementsOf(cm2)).map((r) => r.label)).toEqual([CHLOE_OWN.label, CHLOE_OWN.label, CHLOE_OWN.label]);
    });

    it("R-SEED-04(c): are offered again once the change is restored, from their original rows", async () => {
      const restored = await runAt(LAST_YEAR, "director.moulin", RESTORE, { id: changeId });
      expect(restored.errors).toBeUndefined();
      const sources = await sourceIds(cm1Last);
      expect(sources.size).toBe(6);

      const data = await h.data("teacher.cm2", CARRY, { classId: String(cm2) });
      expect(bySubject(data.carryOverProgramElements.brought)).toEqual(bySubject(DEMO_CM1_ELEMENTS));
      expect(data.carryOverProgramElements).toMatchObject({ periodsCovered: 3, alreadyPresent: 1 });
      const rows = await elementsOf(cm2);
      expect(rows).toHaveLength(7 * 3);
      for (const e of DEMO_CM1_ELEMENTS) {
        expect(rows.filter((r) => r.label === e.label).map((r) => r.carriedOverFromId)).toEqual([sources.get(e.label), sources.get(e.label), sources.get(e.label)]);
      }
    });
  });

  describe("R-SEED-08: blocked by a lock", () => {
    it("R-SEED-08: carry-over is refused once a report of the class is locked this year", async () => {
      const before = await writes();
      const cp = await h.ids.class(UAI.moulin, 2026, "CP");
      for (const login of ["director.moulin", "teacher.cp"]) {
        const error = onlyError(await h.run(login, CARRY, { classId: cp }));
        expect(error.extensions).toMatchObject({ code: "CARRY_OVER_UNAVAILABLE", rule: "R-SEED-08" });
      }
      expect(await writes()).toEqual(before);
    });

    it("R-SEED-08: locking one report of a class closes its carry-over", async () => {
      const report = await h.db.dataSource.manager.findOneByOrFail(PeriodicReport, { classId: cm2 });
      await h.data("director.moulin", `mutation($id: ID!) { lockPeriodicReport(id: $id) { status } }`, { id: String(report.id) });
      try {
        const before = await writes();
        const error = onlyError(await h.run("teacher.cm2", CARRY, { classId: String(cm2) }));
        expect(error.extensions).toMatchObject({ code: "CARRY_OVER_UNAVAILABLE", rule: "R-SEED-08" });
        expect(await writes()).toEqual(before);
      } finally {
        await h.data("director.moulin", `mutation($id: ID!) { unlockPeriodicReport(id: $id) { status } }`, { id: String(report.id) });
      }
    });
  });

  describe("refusals", () => {
    it("refuses callers outside the class: NOT_FOUND for a class they cannot see, FORBIDDEN without a school role", async () => {
      const before = await writes();
      for (const login of ["teacher.cp", "head.hugo", "director.parc"]) {
        expect([login, onlyError(await h.run(login, CARRY, { classId: String(cm2) })).extensions?.code]).toEqual([login, "NOT_FOUND"]);
      }
      // A teacher of groups only sees no class.
      expect(onlyError(await h.run("teacher.latin", CARRY, { classId: await h.ids.class(UAI.hugo, 2026, "6A") })).extensions?.code).toBe("NOT_FOUND");
      for (const login of ["dasen.lyon", "parent.martin"]) {
        expect([login, onlyError(await h.run(login, CARRY, { classId: String(cm2) })).extensions?.code]).toEqual([login, "FORBIDDEN"]);
      }
      expect(onlyError(await h.run(null, CARRY, { classId: String(cm2) })).extensions?.code).toBe("UNAUTHENTICATED");
      expect(await writes()).toEqual(before);
    });

    it("R-SEED-09: refuses a class of an earlier year", async () => {
      const error = onlyError(await h.run("director.moulin", CARRY, { classId: String(cm1Last) }));
      expect(error.extensions).toMatchObject({ code: "PAST_YEAR", rule: "R-SEED-09" });
    });

    it("R-SEED-01: refuses a class whose periods are not set", async () => {
      const error = onlyError(await h.run("head.hugo", CARRY, { classId: await h.ids.class(UAI.hugo, 2026, "3A") }));
      expect(error.extensions).toMatchObject({ code: "PERIODS_NOT_CONFIGURED", rule: "R-SEED-01" });
    });

    it("R-SEED-02/R-SEED-05: refuses a class without settings or set to IMPORT", async () => {
      const ce1 = Number(await h.ids.class(UAI.moulin, 2026, "CE1"));
      const repo = h.db.dataSource.getRepository(SchoolClass);
      try {
        await repo.update({ id: ce1 }, { dataSource: null, positioningType: null });
        expect(onlyError(await h.run("teacher.ce1", CARRY, { classId: String(ce1) })).extensions).toMatchObject({ code: "SETTINGS_MISMATCH", rule: "R-SEED-02" });
        await repo.update({ id: ce1 }, { dataSource: "IMPORT" as never, positioningType: "OBJECTIVES" as never });
        expect(onlyError(await h.run("teacher.ce1", CARRY, { classId: String(ce1) })).extensions).toMatchObject({ code: "SETTINGS_MISMATCH", rule: "R-SEED-05" });
      } finally {
        await repo.update({ id: ce1 }, { dataSource: "ENTRY" as never, positioningType: "OBJECTIVES" as never });
      }
    });
  });
});
