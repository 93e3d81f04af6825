import { Context } from "../../common/context";
import { notFound } from "../../common/errors";
import { isGuardian, isStaff } from "../../auth/principal";
import { scopeStudents } from "../../auth/scope";
import { School } from "../school/school.entity";
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
  const enrolments = await ctx.loaders.enrolmentsByStudent.load(student.id);
  const p = ctx.principal;
  if (isGuardian(p)) return enrolments;
  if (!isStaff(p)) return [];
  const ownSchools = await ctx.loaders.schoolById.loadMany([...new Set([...p.leadSchoolIds, ...p.teacherSchoolIds])]);
  const academies = new Set(ownSchools.filter((s): s is School => s instanceof School).map((s) => s.academyId));
  const schools = await ctx.loaders.schoolById.loadMany(enrolments.map((e) => e.schoolId));
  return enrolments.filter((_, i) => {
    const school = schools[i];
    return school instanceof School && academies.has(school.academyId);
  });
}

export async function guardiansOf(ctx: Context, student: Student): Promise<GuardianLink[]> {
  const links = await ctx.loaders.guardiansByStudent.load(student.id);
  return links.map((l) => ({ surname: l.account.surname, firstName: l.account.firstName, relationship: l.relationship }));
}
