import { Context } from "../../common/context";
import { Level } from "../../common/domain";
import { isGuardian, isStaff } from "../../auth/principal";
import { ownSchoolIds } from "../../auth/policy";
import { School } from "../school/school.entity";
import { Enrolment } from "./enrolment.entity";

/**
 * R-SEED-12: the levels whose periodic reports staff see, by the pupil's current level — the current
 * cycle up to the current level, plus the whole previous cycle in the first year of a cycle.
 */
export const STAFF_VISIBLE_REPORT_LEVELS: Record<Level, readonly Level[]> = {
  [Level.CP]: [Level.CP],
  [Level.CE1]: [Level.CP, Level.CE1],
  [Level.CE2]: [Level.CP, Level.CE1, Level.CE2],
  [Level.CM1]: [Level.CP, Level.CE1, Level.CE2, Level.CM1],
  [Level.CM2]: [Level.CM1, Level.CM2],
  [Level.SIXIEME]: [Level.CM1, Level.CM2, Level.SIXIEME],
  [Level.CINQUIEME]: [Level.CM1, Level.CM2, Level.SIXIEME, Level.CINQUIEME],
  [Level.QUATRIEME]: [Level.CINQUIEME, Level.QUATRIEME],
  [Level.TROISIEME]: [Level.CINQUIEME, Level.QUATRIEME, Level.TROISIEME],
};

/** The pupil's level this school year, from their enrolments (null when not enrolled this year). */
export function currentLevel(ctx: Context, enrolments: Enrolment[]): Level | null {
  return enrolments.find((e) => e.schoolYear === ctx.schoolYear)?.level ?? null;
}

/**
 * The academies whose part of a pupil's record the caller may see: every academy for guardians
 * (R-SEED-13); for staff, the academies of their own schools. An earlier record kept in another
 * academy stays hidden until their school transfers it (R-SEED-06).
 */
export async function recordAcademies(ctx: Context, studentId: number): Promise<"all" | Set<number>> {
  const p = ctx.principal;
  if (isGuardian(p)) return "all";
  if (!isStaff(p)) return new Set();
  const ownSchools = ownSchoolIds(p);
  const own = await ctx.loaders.schoolById.loadMany(ownSchools);
  const academies = new Set(own.filter((s): s is School => s instanceof School).map((s) => s.academyId));
  // R-SEED-06: a transfer opens the earlier academy to the school that made it, not to the whole academy.
  for (const t of await ctx.loaders.transfersByStudent.load(studentId)) {
    if (ownSchools.includes(t.receivingSchoolId)) academies.add(t.fromAcademyId);
  }
  return academies;
}

/** Whether records kept in these schools are within the academies the caller may see (one batched look-up). */
export async function inVisibleAcademies(ctx: Context, academies: "all" | Set<number>, schoolIds: number[]): Promise<boolean[]> {
  if (academies === "all") return schoolIds.map(() => true);
  const schools = await ctx.loaders.schoolById.loadMany(schoolIds);
  return schools.map((school) => school instanceof School && academies.has(school.academyId));
}

/**
 * R-NEW-02: a staff member read this pupil's record. Collected during the request and written as one
 * audit statement before the response leaves (see auditRecordReadsPlugin).
 */
export function noteRecordRead(ctx: Context, studentId: number): void {
  if (isStaff(ctx.principal)) ctx.recordReads.add(studentId);
}
