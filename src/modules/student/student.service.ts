import { Context } from "../../common/context";
import { notFound } from "../../common/errors";
import { scopeStudents } from "../../auth/scope";
import { inVisibleAcademies, noteRecordRead, recordAcademies } from "./record";
import { readableReports } from "../report/report.policy";
import { pupilRelation } from "../../auth/policy";
import { mayReadGuardians } from "./student.policy";
import { PeriodicReport } from "../report/periodic-report.entity";
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

/** Guardians' identities: the DIRECTOR/HEAD of the pupil's school only (SPEC §5); other staff get none. */
export async function guardiansOf(ctx: Context, student: Student): Promise<GuardianLink[]> {
  if (!mayReadGuardians(await pupilRelation(ctx, student.id))) return [];
  const links = await ctx.loaders.guardiansByStudent.load(student.id);
  return links.map((l) => ({ surname: l.account.surname, firstName: l.account.firstName, relationship: l.relationship }));
}

/**
 * The pupil's periodic reports the caller may read: report.policy decides, as on every other path
 * (R-SEED-12, R-SEED-13, SPEC §2). Staff reads are audited (R-NEW-02).
 */
export async function readablePeriodicReports(ctx: Context, student: Student): Promise<PeriodicReport[]> {
  const [reports, inScope] = await Promise.all([
    readableReports(ctx, await ctx.loaders.reportsByStudent.load(student.id)),
    ctx.loaders.studentInScope.load(student.id),
  ]);
  if (inScope) noteRecordRead(ctx, student.id);
  return reports;
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
