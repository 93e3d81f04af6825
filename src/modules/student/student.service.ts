import { Context } from "../../common/context";
import { notFound } from "../../common/errors";
import { scopeStudents } from "../../auth/scope";
import { inVisibleAcademy, recordAcademies } from "./record";
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

/**
 * A pupil's enrolments the caller may see. Guardians see every year. Staff see the years spent in
 * the academies of their own schools: an earlier record from another academy stays hidden until it
 * is transferred (R-SEED-06).
 */
export async function visibleEnrolments(ctx: Context, student: Student): Promise<Enrolment[]> {
  const [enrolments, academies] = await Promise.all([ctx.loaders.enrolmentsByStudent.load(student.id), recordAcademies(ctx, student.id)]);
  const visible = await Promise.all(enrolments.map((e) => inVisibleAcademy(ctx, academies, e.schoolId)));
  return enrolments.filter((_, i) => visible[i]);
}

export async function guardiansOf(ctx: Context, student: Student): Promise<GuardianLink[]> {
  const links = await ctx.loaders.guardiansByStudent.load(student.id);
  return links.map((l) => ({ surname: l.account.surname, firstName: l.account.firstName, relationship: l.relationship }));
}
