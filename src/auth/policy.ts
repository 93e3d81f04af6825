import type { Context } from "../common/context";
import { yearKey } from "../common/grouping";
import { isGuardian, isStaff, Principal } from "./principal";

/**
 * Named predicates over the caller and a record: the only place that reads the caller's grants
 * (a test fails when `leadSchoolIds` appears outside src/auth). Each domain's `<domain>.policy.ts`
 * defines its "may X" decisions from these; services ask their policy, never the grants.
 */
type Caller = Principal | null;

/** DIRECTOR (1D) or HEAD (2D) of this school. */
export const leads = (p: Caller, schoolId: number): boolean => isStaff(p) && p.leadSchoolIds.includes(schoolId);
/** HEAD of this collège. */
export const heads = (p: Caller, schoolId: number): boolean => isStaff(p) && p.headSchoolIds.includes(schoolId);
/** DASEN of this academy. */
export const isDasenOf = (p: Caller, academyId: number): boolean => isStaff(p) && p.dasenAcademyIds.includes(academyId);
/** Leads at least one school. */
export const leadsSomeSchool = (p: Caller): boolean => isStaff(p) && p.leadSchoolIds.length > 0;
/** Schools the caller leads (for SQL scopes and lists; decisions use `leads`). */
export const ledSchoolIds = (p: Caller): readonly number[] => (isStaff(p) ? p.leadSchoolIds : []);
/** Collèges the caller heads. */
export const headedSchoolIds = (p: Caller): readonly number[] => (isStaff(p) ? p.headSchoolIds : []);
/** Academies where the caller is DASEN. */
export const dasenAcademiesOf = (p: Caller): readonly number[] => (isStaff(p) ? p.dasenAcademyIds : []);
/** Schools the caller leads or teaches in. */
export const ownSchoolIds = (p: Caller): number[] => (isStaff(p) ? [...new Set([...p.leadSchoolIds, ...p.teacherSchoolIds])] : []);
/** On this school's staff: its lead or one of its teachers. */
export const staffOf = (p: Caller, schoolId: number): boolean => ownSchoolIds(p).includes(schoolId);

/** Classes the caller teaches this year (for SQL scopes and lists; decisions use `teachesClass`). */
export const taughtClassIds = (p: Caller): readonly number[] => (isStaff(p) ? p.teaching.classIds : []);
/** A guardian of this pupil whose EduConnect account is active (R-SEED-13). */
export const guardsActively = (p: Caller, studentId: number): boolean => isGuardian(p) && p.educonnectActive && p.guardianStudentIds.includes(studentId);
/** Teaches something to this class this year. */
export const teachesClass = (p: Caller, classId: number): boolean => isStaff(p) && p.teaching.classIds.includes(classId);
/** Teaches this subject (2D) or domain (1D) to this class this year. */
export const teaches = (p: Caller, classId: number, subjectCode: string): boolean =>
  isStaff(p) && (p.teaching.subjectsByClass.get(classId)?.has(subjectCode) ?? false);
/** Subjects or domains the caller teaches to this class this year. */
export const subjectsTaughtInClass = (p: Caller, classId: number): Set<string> =>
  new Set(isStaff(p) ? (p.teaching.subjectsByClass.get(classId) ?? []) : []);
/** Teaches this group this year. */
export const teachesGroup = (p: Caller, groupId: number): boolean => isStaff(p) && p.teaching.groupIds.includes(groupId);
/** Subjects the caller teaches to any of these groups this year. */
export const subjectsTaughtInGroups = (p: Caller, groupIds: readonly number[]): Set<string> => {
  const subjects = new Set<string>();
  if (!isStaff(p)) return subjects;
  for (const id of groupIds) for (const code of p.teaching.subjectsByGroup.get(id) ?? []) subjects.add(code);
  return subjects;
};

/**
 * How the caller stands towards a pupil this school year, the base of every decision about the
 * pupil's record (SPEC §2): the lead of the pupil's school, a teacher of the pupil's class, a teacher
 * of one of the pupil's groups only (with the subjects taught there), or a guardian. Batched through
 * the request's loaders, so a list of pupils costs the same few statements as one.
 */
export interface PupilRelation {
  /** Enrolled this year in a school the caller leads. */
  lead: boolean;
  /** Enrolled this year in a class the caller teaches. */
  classTeacher: boolean;
  /** Subjects the caller teaches to the pupil's groups this year (group-only teachers: all they may see). */
  groupSubjects: ReadonlySet<string>;
  /** A guardian of the pupil whom the online service lets in now (R-SEED-11, R-SEED-13). */
  guardian: boolean;
}

const NO_RELATION: PupilRelation = { lead: false, classTeacher: false, groupSubjects: new Set(), guardian: false };

export async function pupilRelation(ctx: Context, studentId: number): Promise<PupilRelation> {
  const p = ctx.principal;
  if (isGuardian(p)) {
    return { ...NO_RELATION, guardian: await ctx.loaders.studentInScope.load(studentId) };
  }
  if (!isStaff(p)) return NO_RELATION;
  // Callers who teach no group (most leads) never load the pupil's groups: no statement spent on them.
  const [enrolments, groups] = await Promise.all([
    ctx.loaders.enrolmentsByStudent.load(studentId),
    p.teaching.groupIds.length ? ctx.loaders.groupsByStudentYear.load(yearKey(studentId, ctx.schoolYear)) : [],
  ]);
  const current = enrolments.filter((e) => e.schoolYear === ctx.schoolYear);
  return {
    lead: current.some((e) => leads(p, e.schoolId)),
    classTeacher: current.some((e) => teachesClass(p, e.classId)),
    groupSubjects: subjectsTaughtInGroups(p, groups.map((g) => g.id)),
    guardian: false,
  };
}

/** Staff who see the pupil's whole record (R-SEED-12 still limits the years of periodic reports). */
export const seesWholeRecord = (r: PupilRelation): boolean => r.lead || r.classTeacher;
/** A teacher of the pupil's groups only: their subject's entries, attestations and Pix (SPEC §2, R-SEED-17). */
export const groupOnly = (r: PupilRelation): boolean => !seesWholeRecord(r) && r.groupSubjects.size > 0;
