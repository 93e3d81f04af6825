import { EntityManager } from "typeorm";
import { Context } from "../../common/context";
import { Degree, Level } from "../../common/domain";
import { IsNull } from "typeorm";
import { ErrorCode, notFound, ruleError } from "../../common/errors";
import { PriorYearAmendment } from "../amendment/prior-year-amendment.entity";
import { findVisibleStudent, readablePeriodicReports } from "../student/student.service";
import { isStaff } from "../../auth/principal";
import { scopeReports } from "../../auth/scope";
import { SchoolClass } from "../class/school-class.entity";
import { School } from "../school/school.entity";
import { Period } from "../period/period.entity";
import { Enrolment } from "../student/enrolment.entity";
import { GroupMembership } from "../student/group-membership.entity";
import { PeriodicReport } from "./periodic-report.entity";
import { DIGITAL_SKILLS_LEVELS } from "./report.codes";

/** A report with what every rule about it needs, loaded once per operation. */
export interface ReportSetting {
  report: PeriodicReport;
  cls: SchoolClass;
  school: School;
  period: Period;
  isLastPeriod: boolean;
  /** The pupil's level in the report's class that year. */
  level: Level | null;
}

/** The report, or NOT_FOUND when it does not exist or the caller may not work on it. */
export async function findVisibleReport(ctx: Context, em: EntityManager, id: number): Promise<PeriodicReport> {
  const qb = em.getRepository(PeriodicReport).createQueryBuilder("r").where("r.id = :id", { id });
  const report = await scopeReports(ctx, qb, "r").getOne();
  if (!report) throw notFound("Periodic report");
  return report;
}

/**
 * The report the caller works on. A past-year report that is not theirs to work on but that the pupil's
 * record shows them (R-SEED-12) gets the reason instead of NOT_FOUND: an open authorisation on it that
 * the school's lead applies (AMENDMENT_NOT_AUTHORISED), otherwise PAST_YEAR. A report they cannot see
 * at all stays NOT_FOUND, like a missing one.
 */
export async function findEditableReport(ctx: Context, em: EntityManager, id: number): Promise<PeriodicReport> {
  try {
    return await findVisibleReport(ctx, em, id);
  } catch (error) {
    const report = await em.findOne(PeriodicReport, { where: { id } });
    if (!report || report.schoolYear >= ctx.schoolYear || !isStaff(ctx.principal)) throw error;
    const student = await findVisibleStudent(ctx, report.studentId).catch(() => null);
    if (!student || !(await readablePeriodicReports(ctx, student)).some((r) => r.id === id)) throw error;
    if (await em.count(PriorYearAmendment, { where: { reportId: id, closedAt: IsNull() } })) {
      throw ruleError(
        ErrorCode.AMENDMENT_NOT_AUTHORISED,
        "R-SEED-10",
        "This report of an earlier school year is under a written amendment that its school's DIRECTOR/HEAD applies.",
      );
    }
    throw ruleError(ErrorCode.PAST_YEAR, "R-SEED-09", "This report belongs to an earlier school year: it changes only under a written amendment, applied by its school's DIRECTOR/HEAD.");
  }
}

export async function loadSetting(em: EntityManager, report: PeriodicReport): Promise<ReportSetting> {
  const cls = await em.findOneOrFail(SchoolClass, { where: { id: report.classId } });
  const [school, period, enrolment] = await Promise.all([
    em.findOneOrFail(School, { where: { id: cls.schoolId } }),
    em.findOneOrFail(Period, { where: { id: report.periodId } }),
    em.findOne(Enrolment, { where: { studentId: report.studentId, classId: cls.id } }),
  ]);
  const lastPosition = await em.getRepository(Period).maximum("position", { schemeId: period.schemeId });
  return { report, cls, school, period, isLastPeriod: period.position === lastPosition, level: enrolment?.level ?? null };
}

/** Whether the report carries digital skills: last period of CM2 or 6e (R-PUB-17). */
export const carriesDigitalSkills = (s: ReportSetting) => s.isLastPeriod && s.level !== null && DIGITAL_SKILLS_LEVELS.includes(s.level);

/** What the caller may do on one report (services decide; the shield only checks roles). */
export class ReportRights {
  private constructor(
    readonly isLead: boolean,
    /** Teaches the report's class this year. */
    readonly teachesClass: boolean,
    readonly firstDegree: boolean,
    private readonly subjects: ReadonlySet<string>,
  ) {}

  static async of(ctx: Context, em: EntityManager, s: ReportSetting): Promise<ReportRights> {
    const p = ctx.principal;
    if (!isStaff(p)) return new ReportRights(false, false, false, new Set());
    const subjects = new Set(p.teaching.subjectsByClass.get(s.cls.id) ?? []);
    if (p.teaching.groupIds.length && s.report.schoolYear === ctx.schoolYear) {
      const memberships = await em.find(GroupMembership, { where: { studentId: s.report.studentId } });
      for (const m of memberships) for (const code of p.teaching.subjectsByGroup.get(m.groupId) ?? []) subjects.add(code);
    }
    return new ReportRights(
      p.leadSchoolIds.includes(s.school.id),
      p.teaching.classIds.includes(s.cls.id),
      s.school.degree === Degree.FIRST,
      subjects,
    );
  }

  /** 1D class teachers edit every domain; 2D teachers the subjects they teach the pupil; leads everything. */
  canEditSubject(code: string): boolean {
    return this.isLead || (this.firstDegree && this.teachesClass) || this.subjects.has(code);
  }

  /** Synthesis, school life, parcours, support measures, digital skills. */
  get canEditWholeReport(): boolean {
    return this.isLead || this.teachesClass;
  }

  get canLock(): boolean {
    return this.isLead || (this.firstDegree && this.teachesClass);
  }

  get canUnlock(): boolean {
    return this.isLead;
  }

  /** A teacher (not a lead acting alone) who edits a 1D report becomes one of its reference teachers (R-SEED-16). */
  get joinsReferenceTeachers(): boolean {
    return this.firstDegree && this.teachesClass;
  }

  get isTeacher(): boolean {
    return this.teachesClass || this.subjects.size > 0;
  }
}
