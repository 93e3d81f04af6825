import { EntityManager } from "typeorm";
import { Context } from "../../common/context";
import { Degree } from "../../common/domain";
import { notFound } from "../../common/errors";
import { isStaff } from "../../auth/principal";
import { leads, PupilRelation, seesWholeRecord, teachesClass } from "../../auth/policy";
import { scopeWorkableCycleReports } from "../../auth/scope";
import { School } from "../school/school.entity";
import { Enrolment } from "../student/enrolment.entity";
import { CycleReport } from "./cycle-report.entity";

/** Who may do what on end-of-cycle reports: every decision about them is made here. */

/** The report, or NOT_FOUND when it does not exist or the caller may not work on it (the two look the same). */
export async function findWorkableCycleReport(ctx: Context, em: EntityManager, id: number): Promise<CycleReport> {
  const qb = em.getRepository(CycleReport).createQueryBuilder("cr").where("cr.id = :id", { id });
  const report = await scopeWorkableCycleReports(ctx, qb, "cr").getOne();
  if (!report) throw notFound("End-of-cycle report");
  return report;
}

/** The pupil's list: staff who see the whole record (not a teacher of the pupil's groups only, SPEC §2). */
export const mayReadCycleReports = (r: PupilRelation): boolean => seesWholeRecord(r) || r.guardian;

/**
 * The enrolment this year under which the caller may create the pupil's end-of-cycle report: in a
 * school they lead, else in a class they teach (a pupil enrolled twice is reported on by the school the
 * caller works for); null when they may not.
 */
export function creatingEnrolment(ctx: Context, enrolments: Enrolment[]): Enrolment | null {
  const p = ctx.principal;
  return enrolments.find((e) => leads(p, e.schoolId)) ?? enrolments.find((e) => teachesClass(p, e.classId)) ?? null;
}

/** What the caller may do on one report they may work on (the shield only checks roles). */
export class CycleReportRights {
  private constructor(
    readonly isLead: boolean,
    /** Teaches the pupil's class of this year in the report's school. */
    readonly teachesClass: boolean,
    readonly firstDegree: boolean,
  ) {}

  static async of(ctx: Context, em: EntityManager, report: CycleReport): Promise<CycleReportRights> {
    const p = ctx.principal;
    if (!isStaff(p)) return new CycleReportRights(false, false, false);
    const [school, enrolment] = await Promise.all([
      em.findOneOrFail(School, { where: { id: report.schoolId } }),
      em.findOne(Enrolment, { where: { studentId: report.studentId, schoolId: report.schoolId, schoolYear: ctx.schoolYear } }),
    ]);
    return new CycleReportRights(
      leads(p, report.schoolId),
      enrolment !== null && teachesClass(p, enrolment.classId),
      school.degree === Degree.FIRST,
    );
  }

  /** R-SEED-18: in écoles any teacher of the pupil's class; in collèges the class's teachers and the HEAD. */
  get canEdit(): boolean {
    return this.isLead || this.teachesClass;
  }

  get canLock(): boolean {
    return this.isLead || (this.firstDegree && this.teachesClass);
  }

  get canUnlock(): boolean {
    return this.isLead;
  }
}
