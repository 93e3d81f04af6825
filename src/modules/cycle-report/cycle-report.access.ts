import { Brackets, EntityManager, SelectQueryBuilder } from "typeorm";
import { Context } from "../../common/context";
import { Degree } from "../../common/domain";
import { notFound } from "../../common/errors";
import { isStaff } from "../../auth/principal";
import { School } from "../school/school.entity";
import { Enrolment } from "../student/enrolment.entity";
import { CycleReport } from "./cycle-report.entity";

/**
 * End-of-cycle reports a staff member may work on (read by id, edit, lock), in SQL:
 * every report of a school they lead, and the reports of the pupils of the classes they teach this
 * year, made by that same school. No ownership: any teacher of the class works on a colleague's
 * report (R-SEED-18). Reading the pupil's list (`Student.cycleReports`) is wider (R-SEED-12).
 */
export function scopeWorkableCycleReports<T extends object>(ctx: Context, qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  const p = ctx.principal;
  const clauses: Array<[string, Record<string, unknown>]> = [];
  if (isStaff(p)) {
    if (p.leadSchoolIds.length) clauses.push([`${alias}.schoolId IN (:...${alias}_lead)`, { [`${alias}_lead`]: p.leadSchoolIds }]);
    if (p.teaching.classIds.length) {
      clauses.push([
        `EXISTS (SELECT 1 FROM enrolment ${alias}_ce WHERE ${alias}_ce.studentId = ${alias}.studentId AND ${alias}_ce.schoolId = ${alias}.schoolId AND ${alias}_ce.schoolYear = :${alias}_year AND ${alias}_ce.classId IN (:...${alias}_classes))`,
        { [`${alias}_year`]: ctx.schoolYear, [`${alias}_classes`]: p.teaching.classIds },
      ]);
    }
  }
  if (!clauses.length) return qb.andWhere("1 = 0");
  return qb.andWhere(
    new Brackets((inner) => {
      clauses.forEach(([sql, params], i) => (i === 0 ? inner.where(sql, params) : inner.orWhere(sql, params)));
    }),
  );
}

/** The report, or NOT_FOUND when it does not exist or the caller may not work on it (the two look the same). */
export async function findWorkableCycleReport(ctx: Context, em: EntityManager, id: number): Promise<CycleReport> {
  const qb = em.getRepository(CycleReport).createQueryBuilder("cr").where("cr.id = :id", { id });
  const report = await scopeWorkableCycleReports(ctx, qb, "cr").getOne();
  if (!report) throw notFound("End-of-cycle report");
  return report;
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
      p.leadSchoolIds.includes(report.schoolId),
      enrolment !== null && p.teaching.classIds.includes(enrolment.classId),
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
