import DataLoader from "dataloader";
import { In, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { Context } from "./context";
import { byKey, groupedByKey, yearKey } from "./grouping";
import { createCycleReportLoaders } from "../modules/cycle-report/cycle-report.loaders";
import { createAttestationLoaders } from "../modules/attestation/attestation.loaders";
import { createTransferLoaders } from "../modules/transfer/transfer.loaders";
import { createClassSettingsLoaders } from "../modules/class-settings/class-settings.loaders";
import { scopeClasses, scopeGroups, scopeReports, scopeStudents } from "../auth/scope";
import { Academy } from "../modules/school/academy.entity";
import { School } from "../modules/school/school.entity";
import { SchoolClass } from "../modules/class/school-class.entity";
import { TeachingGroup } from "../modules/class/teaching-group.entity";
import { PeriodScheme } from "../modules/period/period-scheme.entity";
import { Period } from "../modules/period/period.entity";
import { Student } from "../modules/student/student.entity";
import { Enrolment } from "../modules/student/enrolment.entity";
import { GroupMembership } from "../modules/student/group-membership.entity";
import { Account } from "../modules/account/account.entity";
import { StudentGuardian } from "../modules/account/student-guardian.entity";
import { Subject } from "../modules/subject/subject.entity";
import { PeriodicReport } from "../modules/report/periodic-report.entity";
import {
  ClassDigitalSkillsAppreciation,
  ClassProgramElement,
  GroupDigitalSkillsAppreciation,
  ReportDigitalSkill,
  ReportEntry,
  ReportEntryElement,
  ReportEntryTeacher,
  ReportParcours,
  ReportReferenceTeacher,
  ReportSupportMeasure,
} from "../modules/report/report-parts.entity";

/**
 * Pupils per parent (class or group) from a query selecting `parentId` and `studentId`: the pairs
 * first (a pupil may appear under several parents), then the pupils themselves, by name.
 */
async function studentsByParent(ctx: Context, parentIds: readonly number[], pairsQuery: SelectQueryBuilder<ObjectLiteral>): Promise<Student[][]> {
  const pairs = (await pairsQuery.getRawMany<{ parentId: number | string; studentId: number | string }>()).map((p) => ({
    parentId: Number(p.parentId),
    studentId: Number(p.studentId),
  }));
  if (!pairs.length) return parentIds.map(() => []);
  const students = await ctx.dataSource.getRepository(Student).find({
    where: { id: In([...new Set(pairs.map((p) => p.studentId))]) },
    order: { surname: "ASC", firstName: "ASC", id: "ASC" },
  });
  const rank = new Map(students.map((s, i) => [s.id, i]));
  const byId = new Map(students.map((s) => [s.id, s]));
  return groupedByKey(parentIds, pairs, (p) => p.parentId).map((list) =>
    list.sort((a, b) => rank.get(a.studentId)! - rank.get(b.studentId)!).map((p) => byId.get(p.studentId)!),
  );
}

export { yearKey };
const unpackYearKeys = (keys: readonly string[]) => {
  const pairs = keys.map((k) => k.split(":").map(Number) as [number, number]);
  return { ids: [...new Set(pairs.map(([id]) => id))], years: [...new Set(pairs.map(([, y]) => y))] };
};

/** All rows of `entity` whose `column` is one of the keys, grouped per key. */
function childrenLoader<E extends ObjectLiteral>(ctx: Context, entity: new () => E, column: keyof E & string, order: Record<string, "ASC" | "DESC"> = { id: "ASC" }) {
  return new DataLoader<number, E[]>(async (keys) => {
    const rows = await ctx.dataSource.getRepository(entity).find({ where: { [column]: In([...keys]) } as never, order: order as never });
    return groupedByKey(keys, rows, (r) => r[column] as number);
  });
}

function byIdLoader<E extends ObjectLiteral & { id: number }>(ctx: Context, entity: new () => E) {
  return new DataLoader<number, E | null>(async (ids) => {
    const rows = await ctx.dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
    return byKey(ids, rows, (r) => r.id);
  });
}

/**
 * Per-request loaders. By-id loaders resolve relations; they do not check visibility, so the record
 * parts of a pupil (reports, enrolments, guardians…) check `studentInScope` themselves, and every
 * loader that returns a list of pupils, classes, groups or reports applies the caller's scope in SQL.
 */
export function createLoaders(ctx: Context) {
  const ds = ctx.dataSource;
  return {
    ...createCycleReportLoaders(ctx),
    ...createAttestationLoaders(ctx),
    ...createTransferLoaders(ctx),
    ...createClassSettingsLoaders(ctx),
    academyById: byIdLoader(ctx, Academy),
    schoolById: byIdLoader(ctx, School),
    classById: byIdLoader(ctx, SchoolClass),
    groupById: byIdLoader(ctx, TeachingGroup),
    periodSchemeById: byIdLoader(ctx, PeriodScheme),
    periodById: byIdLoader(ctx, Period),

    /**
     * Whether the caller may see each pupil now (scopeStudents, in SQL). A Student reached through a
     * relation (a report's pupil, a former pupil's old class) is not scoped by the path that reached it;
     * every part of the record checks this before answering.
     */
    studentInScope: new DataLoader<number, boolean>(async (ids) => {
      const qb = ds.createQueryBuilder().select("s.id", "id").from(Student, "s").where("s.id IN (:...ids)", { ids: [...ids] });
      const rows = await scopeStudents(ctx, qb, "s").getRawMany<{ id: number | string }>();
      const visible = new Set(rows.map((r) => Number(r.id)));
      return ids.map((id) => visible.has(id));
    }),
    reportById: byIdLoader(ctx, PeriodicReport),
    studentById: byIdLoader(ctx, Student),
    accountById: byIdLoader(ctx, Account),

    subjectByCode: new DataLoader<string, Subject | null>(async (codes) => {
      const rows = await ds.getRepository(Subject).findBy({ code: In([...codes]) });
      return byKey(codes, rows, (r) => r.code);
    }),

    /** Reports of each class, keyed by yearKey(classId, periodId); scoped to what the caller may work on. */
    reportsByClassPeriod: new DataLoader<string, PeriodicReport[]>(async (keys) => {
      const { ids, years: periodIds } = unpackYearKeys(keys);
      const qb = ds
        .getRepository(PeriodicReport)
        .createQueryBuilder("r")
        .innerJoin(Student, "s", "s.id = r.studentId")
        .where("r.classId IN (:...ids) AND r.periodId IN (:...periodIds)", { ids, periodIds })
        .orderBy("s.surname", "ASC")
        .addOrderBy("s.firstName", "ASC")
        .addOrderBy("r.id", "ASC");
      const rows = await scopeReports(ctx, qb, "r").getMany();
      return groupedByKey(keys, rows, (r) => yearKey(r.classId, r.periodId));
    }),

    /** Every periodic report of each pupil, oldest year first; callers filter by what the reader may see. */
    reportsByStudent: childrenLoader(ctx, PeriodicReport, "studentId", { schoolYear: "ASC", periodId: "ASC" }),
    entriesByReport: childrenLoader(ctx, ReportEntry, "reportId", { subjectCode: "ASC" }),
    entryTeachersByEntry: childrenLoader(ctx, ReportEntryTeacher, "entryId"),
    entryElementsByEntry: childrenLoader(ctx, ReportEntryElement, "entryId"),
    referenceTeachersByReport: childrenLoader(ctx, ReportReferenceTeacher, "reportId"),
    digitalSkillsByReport: childrenLoader(ctx, ReportDigitalSkill, "reportId", { code: "ASC" }),
    parcoursByReport: childrenLoader(ctx, ReportParcours, "reportId", { code: "ASC" }),
    supportMeasuresByReport: childrenLoader(ctx, ReportSupportMeasure, "reportId", { code: "ASC" }),
    groupAppreciationByGroup: new DataLoader<number, GroupDigitalSkillsAppreciation | null>(async (groupIds) => {
      const rows = await ds.getRepository(GroupDigitalSkillsAppreciation).findBy({ groupId: In([...groupIds]) });
      return byKey(groupIds, rows, (r) => r.groupId);
    }),
    collectiveAppreciationByClass: new DataLoader<number, ClassDigitalSkillsAppreciation | null>(async (classIds) => {
      const rows = await ds.getRepository(ClassDigitalSkillsAppreciation).findBy({ classId: In([...classIds]) });
      return byKey(classIds, rows, (r) => r.classId);
    }),

    /** Whole-class program elements keyed by yearKey(classId, periodId). */
    classElementsByClassPeriod: new DataLoader<string, ClassProgramElement[]>(async (keys) => {
      const { ids, years: periodIds } = unpackYearKeys(keys);
      const rows = await ds
        .getRepository(ClassProgramElement)
        .find({ where: { classId: In(ids), periodId: In(periodIds) }, order: { id: "ASC" } });
      return groupedByKey(keys, rows, (r) => yearKey(r.classId, r.periodId));
    }),

    periodsByScheme: new DataLoader<number, Period[]>(async (schemeIds) => {
      const rows = await ds.getRepository(Period).find({ where: { schemeId: In([...schemeIds]) }, order: { position: "ASC" } });
      return groupedByKey(schemeIds, rows, (r) => r.schemeId);
    }),

    /** Keyed by yearKey(schoolId, schoolYear). */
    periodSchemesBySchoolYear: new DataLoader<string, PeriodScheme[]>(async (keys) => {
      const { ids, years } = unpackYearKeys(keys);
      const rows = await ds
        .getRepository(PeriodScheme)
        .find({ where: { schoolId: In(ids), schoolYear: In(years) }, order: { name: "ASC" } });
      return groupedByKey(keys, rows, (r) => yearKey(r.schoolId, r.schoolYear));
    }),

    /** Keyed by yearKey(schoolId, schoolYear); scoped. */
    classesBySchoolYear: new DataLoader<string, SchoolClass[]>(async (keys) => {
      const { ids, years } = unpackYearKeys(keys);
      const qb = ds
        .getRepository(SchoolClass)
        .createQueryBuilder("c")
        .where("c.schoolId IN (:...ids) AND c.schoolYear IN (:...years)", { ids, years })
        .orderBy("c.code", "ASC");
      const rows = await scopeClasses(ctx, qb, "c").getMany();
      return groupedByKey(keys, rows, (r) => yearKey(r.schoolId, r.schoolYear));
    }),

    /** Keyed by yearKey(schoolId, schoolYear); scoped. */
    groupsBySchoolYear: new DataLoader<string, TeachingGroup[]>(async (keys) => {
      const { ids, years } = unpackYearKeys(keys);
      const qb = ds
        .getRepository(TeachingGroup)
        .createQueryBuilder("g")
        .where("g.schoolId IN (:...ids) AND g.schoolYear IN (:...years)", { ids, years })
        .orderBy("g.code", "ASC");
      const rows = await scopeGroups(ctx, qb, "g").getMany();
      return groupedByKey(keys, rows, (r) => yearKey(r.schoolId, r.schoolYear));
    }),

    /** Pupils enrolled in each class, limited to the pupils the caller may see. */
    studentsByClass: new DataLoader<number, Student[]>(async (classIds) => {
      const qb = ds
        .createQueryBuilder()
        .select("e.classId", "parentId")
        .addSelect("s.id", "studentId")
        .from(Student, "s")
        .innerJoin(Enrolment, "e", "e.studentId = s.id")
        .where("e.classId IN (:...classIds)", { classIds: [...classIds] });
      return studentsByParent(ctx, classIds, scopeStudents(ctx, qb, "s"));
    }),

    /** Pupils of each group, limited to the pupils the caller may see. */
    studentsByGroup: new DataLoader<number, Student[]>(async (groupIds) => {
      const qb = ds
        .createQueryBuilder()
        .select("gm.groupId", "parentId")
        .addSelect("s.id", "studentId")
        .from(Student, "s")
        .innerJoin(GroupMembership, "gm", "gm.studentId = s.id")
        .where("gm.groupId IN (:...groupIds)", { groupIds: [...groupIds] });
      return studentsByParent(ctx, groupIds, scopeStudents(ctx, qb, "s"));
    }),

    /** Every enrolment of each pupil, newest year first. Callers filter by what the viewer may see. */
    enrolmentsByStudent: new DataLoader<number, Enrolment[]>(async (studentIds) => {
      const rows = await ds
        .getRepository(Enrolment)
        .find({ where: { studentId: In([...studentIds]) }, order: { schoolYear: "DESC", id: "ASC" } });
      return groupedByKey(studentIds, rows, (r) => r.studentId);
    }),

    /** Groups of each pupil, keyed by yearKey(studentId, schoolYear). */
    groupsByStudentYear: new DataLoader<string, TeachingGroup[]>(async (keys) => {
      const { ids, years } = unpackYearKeys(keys);
      const memberships = await ds
        .getRepository(GroupMembership)
        .createQueryBuilder("gm")
        .innerJoinAndMapOne("gm.group", TeachingGroup, "g", "g.id = gm.groupId")
        .where("gm.studentId IN (:...ids) AND g.schoolYear IN (:...years)", { ids, years })
        .orderBy("g.code", "ASC")
        .getMany();
      return groupedByKey(keys, memberships, (m) => yearKey(m.studentId, m.group!.schoolYear)).map((list) => list.map((m) => m.group!));
    }),

    /** Guardian accounts of each pupil with the link's relationship. */
    guardiansByStudent: new DataLoader<number, Array<{ account: Account; relationship: string | null }>>(async (studentIds) => {
      const links = await ds
        .getRepository(StudentGuardian)
        .find({ where: { studentId: In([...studentIds]) }, relations: { guardian: true }, order: { id: "ASC" } });
      return groupedByKey(studentIds, links, (l) => l.studentId).map((list) =>
        list.map((l) => ({ account: l.guardian as Account, relationship: l.relationship })),
      );
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
