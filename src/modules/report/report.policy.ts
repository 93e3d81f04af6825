import DataLoader from "dataloader";
import { EntityManager, In, IsNull } from "typeorm";
import { Context } from "../../common/context";
import { Degree, Level } from "../../common/domain";
import { ErrorCode, notFound, ruleError } from "../../common/errors";
import { isGuardian, isStaff } from "../../auth/principal";
import { groupOnly, leads, pupilRelation, seesWholeRecord, subjectsTaughtInClass, teaches, teachesClass, teachesGroup } from "../../auth/policy";
import { scopeReports } from "../../auth/scope";
import { SchoolClass } from "../class/school-class.entity";
import { TeachingGroup } from "../class/teaching-group.entity";
import { School } from "../school/school.entity";
import { Period } from "../period/period.entity";
import { Enrolment } from "../student/enrolment.entity";
import { currentLevel, inVisibleAcademies, recordAcademies, STAFF_VISIBLE_REPORT_LEVELS } from "../student/record";
import { PeriodicReport, ReportStatus } from "./periodic-report.entity";
import { DIGITAL_SKILLS_LEVELS } from "./report.codes";
import { PriorYearAmendment } from "../amendment/prior-year-amendment.entity";
import { groupedByKey } from "../../common/grouping";

/**
 * Who may do what on periodic reports: every decision about them is made here, from the predicates
 * of src/auth/policy.ts. The shield map (report.rules.ts) only names the roles that can ever pass.
 */

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

/**
 * What the caller may read of one report: nothing, all of it, or (a teacher of the pupil's groups
 * only, SPEC §2) the entries of the subjects they teach there and nothing of the whole-report parts.
 */
export type ReportView = { kind: "NONE" } | { kind: "WHOLE" } | { kind: "SUBJECTS"; subjects: ReadonlySet<string> };
const NONE: ReportView = { kind: "NONE" };
const WHOLE: ReportView = { kind: "WHOLE" };

/**
 * The one decision on reading a report, whatever path reached it (`periodicReport(id)`,
 * `class { periodicReports }`, `student { periodicReports }`, a mutation's answer):
 * - guardians: every locked report of their child while the online service lets them in (R-SEED-13);
 * - the pupil's DIRECTOR/HEAD and class teachers: reports of the levels R-SEED-12 gives for the pupil's
 *   current level, kept in academies they may see (R-SEED-06);
 * - teachers of the pupil's groups only: this year's reports, their subjects' entries only;
 * - an open amendment authorisation opens the one report it concerns to its grantor and to the staff
 *   who work on that report (R-SEED-10, R-SEED-12); the amending authority reads what its search found.
 * Batched through the request's loaders (`reportView`), so a list costs a few statements.
 */
export async function decideReportView(ctx: Context, report: PeriodicReport): Promise<ReportView> {
  const p = ctx.principal;
  if (isGuardian(p)) {
    const relation = await pupilRelation(ctx, report.studentId);
    return relation.guardian && report.status === ReportStatus.LOCKED ? WHOLE : NONE;
  }
  if (!isStaff(p)) return NONE;
  if (report.schoolYear < ctx.schoolYear && (loadersOf(ctx).authorityOpened.has(report.id) || (await amendmentOpens(ctx, report)))) return WHOLE;
  const relation = await pupilRelation(ctx, report.studentId);
  if (seesWholeRecord(relation)) return (await withinReportLevels(ctx, report)) ? WHOLE : NONE;
  if (groupOnly(relation) && report.schoolYear === ctx.schoolYear) return { kind: "SUBJECTS", subjects: relation.groupSubjects };
  return NONE;
}

/** The report view's own per-request loaders, kept beside the decision they serve. */
interface ViewLoaders {
  view: DataLoader<PeriodicReport, ReportView, number>;
  amendments: DataLoader<number, PriorYearAmendment[]>;
  workable: DataLoader<number, boolean>;
  /** Past-year reports the amending authority's search reached in this request (openToAuthority). */
  authorityOpened: Set<number>;
}
const viewLoaders = new WeakMap<Context, ViewLoaders>();

function loadersOf(ctx: Context): ViewLoaders {
  let loaders = viewLoaders.get(ctx);
  if (!loaders) {
    loaders = {
      view: new DataLoader((reports) => Promise.all(reports.map((r) => decideReportView(ctx, r))), { cacheKeyFn: (r) => r.id }),
      amendments: new DataLoader(async (ids) => {
        // Used amendments are closed (R-SEED-10: one edit each): only open ones open a report.
        const rows = await ctx.dataSource
          .getRepository(PriorYearAmendment)
          .find({ where: { reportId: In([...ids]), closedAt: IsNull() }, order: { id: "ASC" } });
        return groupedByKey(ids, rows, (a) => a.reportId);
      }),
      workable: new DataLoader(async (ids) => {
        const qb = ctx.dataSource.getRepository(PeriodicReport).createQueryBuilder("r").select("r.id", "id").where("r.id IN (:...ids)", { ids: [...ids] });
        const rows = await scopeReports(ctx, qb, "r").getRawMany<{ id: number | string }>();
        const workable = new Set(rows.map((r) => Number(r.id)));
        return ids.map((id) => workable.has(id));
      }),
      authorityOpened: new Set(),
    };
    viewLoaders.set(ctx, loaders);
  }
  return loaders;
}

/**
 * R-SEED-10: the amending authority (DASEN for an école, HEAD for a collège) finds past-year reports by
 * the pupil's INE within its authority, filtered in SQL (amendment.policy), and reads those it found, in
 * that request. Other paths keep R-SEED-12: a HEAD opening an old report by id does not get it this way.
 */
export function openToAuthority(ctx: Context, reports: readonly PeriodicReport[]): void {
  const opened = loadersOf(ctx).authorityOpened;
  for (const r of reports) if (r.schoolYear < ctx.schoolYear) opened.add(r.id);
}

/** The caller's view of a report, decided once per request and report. */
export const reportView = (ctx: Context, report: PeriodicReport): Promise<ReportView> => loadersOf(ctx).view.load(report);

/** The report's open amendment authorisations, batched per request. */
const openAmendments = (ctx: Context, reportId: number): Promise<PriorYearAmendment[]> => loadersOf(ctx).amendments.load(reportId);

async function amendmentOpens(ctx: Context, report: PeriodicReport): Promise<boolean> {
  const amendments = await openAmendments(ctx, report.id);
  if (!amendments.length) return false;
  if (amendments.some((a) => a.grantedByAccountId === ctx.principal!.accountId)) return true;
  return loadersOf(ctx).workable.load(report.id);
}

/** R-SEED-12 and R-SEED-06 for one report of a pupil the caller sees whole. */
async function withinReportLevels(ctx: Context, report: PeriodicReport): Promise<boolean> {
  const [enrolments, academies, cls] = await Promise.all([
    ctx.loaders.enrolmentsByStudent.load(report.studentId),
    recordAcademies(ctx, report.studentId),
    ctx.loaders.classById.load(report.classId),
  ]);
  const level = currentLevel(ctx, enrolments);
  const reportLevel = enrolments.find((e) => e.classId === report.classId)?.level;
  if (!level || !reportLevel || !cls || !STAFF_VISIBLE_REPORT_LEVELS[level].includes(reportLevel)) return false;
  const [inAcademy] = await inVisibleAcademies(ctx, academies, [cls.schoolId]);
  return inAcademy;
}

/** Reports of a list the caller may read, in the list's order. */
export async function readableReports(ctx: Context, reports: PeriodicReport[]): Promise<PeriodicReport[]> {
  const views = await Promise.all(reports.map((r) => reportView(ctx, r)));
  return reports.filter((_, i) => views[i].kind !== "NONE");
}

/** Whether a view shows the whole-report parts (synthesis, school life, parcours, support, digital skills). */
export const showsWholeReport = (view: ReportView): boolean => view.kind === "WHOLE";
/** Whether a view shows this subject's entry. */
export const showsSubject = (view: ReportView, subjectCode: string): boolean =>
  view.kind === "WHOLE" || (view.kind === "SUBJECTS" && view.subjects.has(subjectCode));

/** A report the caller may read, or NOT_FOUND (the two look the same). */
export async function findReadableReport(ctx: Context, id: number): Promise<PeriodicReport> {
  const report = await ctx.loaders.reportById.load(id);
  if (!report || (await reportView(ctx, report)).kind === "NONE") throw notFound("Periodic report");
  return report;
}

/**
 * A report the caller may work on (edit, lock): one of a school they lead, of a class they teach this
 * year, or of a pupil of their groups this year (scopeReports, in SQL), that they may also read.
 * Otherwise NOT_FOUND.
 */
export async function findWorkableReport(ctx: Context, em: EntityManager, id: number): Promise<PeriodicReport> {
  const qb = em.getRepository(PeriodicReport).createQueryBuilder("r").where("r.id = :id", { id });
  const report = await scopeReports(ctx, qb, "r").getOne();
  if (!report || (await decideReportView(ctx, report)).kind === "NONE") throw notFound("Periodic report");
  return report;
}

/**
 * The report the caller saves. A past-year report that is not theirs to work on but that they may read
 * (R-SEED-12) gets the reason instead of NOT_FOUND: an open authorisation on it that the school's lead
 * applies (AMENDMENT_NOT_AUTHORISED), otherwise PAST_YEAR. A report they cannot read stays NOT_FOUND.
 */
export async function findEditableReport(ctx: Context, em: EntityManager, id: number): Promise<PeriodicReport> {
  try {
    return await findWorkableReport(ctx, em, id);
  } catch (error) {
    const report = await em.findOne(PeriodicReport, { where: { id } });
    if (!report || report.schoolYear >= ctx.schoolYear || !isStaff(ctx.principal)) throw error;
    if ((await reportView(ctx, report)).kind === "NONE") throw error;
    if ((await openAmendments(ctx, report.id)).length) {
      throw ruleError(
        ErrorCode.AMENDMENT_NOT_AUTHORISED,
        "R-SEED-10",
        "This report of an earlier school year is under a written amendment that its school's DIRECTOR/HEAD applies.",
      );
    }
    throw ruleError(ErrorCode.PAST_YEAR, "R-SEED-09", "This report belongs to an earlier school year: it changes only under a written amendment, applied by its school's DIRECTOR/HEAD.");
  }
}

/** What the caller may do on one report they may work on (the shield only checks roles). */
export class ReportRights {
  private constructor(
    readonly isLead: boolean,
    /** Teaches the report's class this year. */
    readonly teachesClass: boolean,
    readonly firstDegree: boolean,
    private readonly subjects: ReadonlySet<string>,
  ) {}

  static async of(ctx: Context, _em: EntityManager, s: ReportSetting): Promise<ReportRights> {
    const p = ctx.principal;
    if (!isStaff(p)) return new ReportRights(false, false, false, new Set());
    const subjects = subjectsTaughtInClass(p, s.cls.id);
    if (s.report.schoolYear === ctx.schoolYear) {
      for (const code of (await pupilRelation(ctx, s.report.studentId)).groupSubjects) subjects.add(code);
    }
    return new ReportRights(leads(p, s.school.id), teachesClass(p, s.cls.id), s.school.degree === Degree.FIRST, subjects);
  }

  /** The subjects (2D) or domains (1D) the caller is assigned to for this pupil; leads everything. */
  canEditSubject(code: string): boolean {
    return this.isLead || this.subjects.has(code);
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

/** Locking a whole class's reports: its lead, and in écoles its teachers (as ReportRights.canLock). */
export const mayLockClassReports = (ctx: Context, school: School, cls: SchoolClass): boolean =>
  leads(ctx.principal, school.id) || (school.degree === Degree.FIRST && teachesClass(ctx.principal, cls.id));

/** Whole-class program elements of one subject: the lead, or a teacher assigned that subject or domain in the class. */
export const mayWriteClassProgramElements = (ctx: Context, school: School, cls: SchoolClass, subjectCode: string): boolean =>
  leads(ctx.principal, school.id) || teaches(ctx.principal, cls.id, subjectCode);

/** The class's collective digital-skills appreciation: its lead and its teachers. */
export const mayWriteClassAppreciation = (ctx: Context, cls: SchoolClass): boolean =>
  leads(ctx.principal, cls.schoolId) || teachesClass(ctx.principal, cls.id);

/** A teaching group's collective digital-skills appreciation: the school's lead and the group's teachers. */
export const mayWriteGroupAppreciation = (ctx: Context, group: TeachingGroup): boolean =>
  leads(ctx.principal, group.schoolId) || teachesGroup(ctx.principal, group.id);
