import { Context } from "../../common/context";
import { notFound } from "../../common/errors";
import { scopeStudents } from "../../auth/scope";
import { currentLevel, inVisibleAcademies, noteRecordRead, recordAcademies, STAFF_VISIBLE_REPORT_LEVELS } from "./record";
import { isGuardian, isStaff } from "../../auth/principal";
import { SchoolClass } from "../class/school-class.entity";
import { PeriodicReport, ReportStatus } from "../report/periodic-report.entity";
import { Enrolment } from "./enrolment.entity";
import { Student } from "./student.entity";
import { GuardianLink } from "./student.types";

/** One pupil, or NOT_FOUND when they do not exist or the caller may not see them. */
export async function findVisibleStudent(ctx: Context, id: number): Promise<Student> {
  const qb = ctx.dataSource.getRepository(Student).createQueryBuilder("s").where("s.id = :id", { id });
  const student = await scopeStudents(ctx, qb, "s").getOne();
  if (!student) throw notFound("Student");
  return student;
}

/** Opening a pupil's record by id: staff reads are audited (R-NEW-02). */
export async function openStudentRecord(ctx: Context, id: number): Promise<Student> {
  const student = await findVisibleStudent(ctx, id);
  noteRecordRead(ctx, student.id);
  return student;
}

/**
 * A pupil's enrolments the caller may see. Guardians see every year. Staff see the years spent in
 * the academies of their own schools: an earlier record from another academy stays hidden until it
 * is transferred (R-SEED-06).
 */
export async function visibleEnrolments(ctx: Context, student: Student): Promise<Enrolment[]> {
  if (!(await ctx.loaders.studentInScope.load(student.id))) return [];
  const [enrolments, academies] = await Promise.all([ctx.loaders.enrolmentsByStudent.load(student.id), recordAcademies(ctx, student.id)]);
  const visible = await inVisibleAcademies(ctx, academies, enrolments.map((e) => e.schoolId));
  return enrolments.filter((_, i) => visible[i]);
}

export async function guardiansOf(ctx: Context, student: Student): Promise<GuardianLink[]> {
  if (!(await ctx.loaders.studentInScope.load(student.id))) return [];
  const links = await ctx.loaders.guardiansByStudent.load(student.id);
  return links.map((l) => ({ surname: l.account.surname, firstName: l.account.firstName, relationship: l.relationship }));
}

/**
 * The pupil's periodic reports the caller may read. Staff (R-SEED-12): those of the levels the table
 * gives for the pupil's current level, kept in academies they may see. Guardians (R-SEED-13): every
 * locked report, every year and level. Staff reads are audited (R-NEW-02).
 */
export async function readablePeriodicReports(ctx: Context, student: Student): Promise<PeriodicReport[]> {
  if (!(await ctx.loaders.studentInScope.load(student.id))) return [];
  const [reports, enrolments, academies] = await Promise.all([
    ctx.loaders.reportsByStudent.load(student.id),
    ctx.loaders.enrolmentsByStudent.load(student.id),
    recordAcademies(ctx, student.id),
  ]);
  if (isGuardian(ctx.principal)) return reports.filter((r) => r.status === ReportStatus.LOCKED);
  if (!isStaff(ctx.principal)) return [];
  const level = currentLevel(ctx, enrolments);
  if (!level) return [];
  const levels = STAFF_VISIBLE_REPORT_LEVELS[level];
  const levelOfClass = new Map(enrolments.map((e) => [e.classId, e.level]));
  const classes = await ctx.loaders.classById.loadMany(reports.map((r) => r.classId));
  const schoolIds = classes.map((cls) => (cls instanceof SchoolClass ? cls.schoolId : 0));
  const inAcademy = await inVisibleAcademies(ctx, academies, schoolIds);
  noteRecordRead(ctx, student.id);
  return reports.filter((report, i) => {
    const reportLevel = levelOfClass.get(report.classId);
    return inAcademy[i] && reportLevel !== undefined && levels.includes(reportLevel);
  });
}

/** A guardian's children they may read now: EduConnect active (R-SEED-13), collège opened (R-SEED-11). */
export async function myChildren(ctx: Context): Promise<Student[]> {
  const qb = ctx.dataSource
    .getRepository(Student)
    .createQueryBuilder("s")
    .orderBy("s.firstName", "ASC")
    .addOrderBy("s.id", "ASC");
  return scopeStudents(ctx, qb, "s").getMany();
}
