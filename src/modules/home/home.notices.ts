import { In } from "typeorm";
import { Context } from "../../common/context";
import { Degree } from "../../common/domain";
import { isoDay, schoolYearLabel } from "../../common/school-year";
import { isStaff } from "../../auth/principal";
import { ledSchoolIds, ownSchoolIds, taughtClassIds } from "../../auth/policy";
import { SchoolClass } from "../class/school-class.entity";
import { School } from "../school/school.entity";
import { PeriodicReport, ReportStatus } from "../report/periodic-report.entity";
import { HomeNotice, HomeNoticeCode, NoticeRecord, NoticeRecordKind, NoticeSeverity } from "./home.types";

const SEVERITY_RANK: Record<NoticeSeverity, number> = {
  [NoticeSeverity.ACTION_REQUIRED]: 0,
  [NoticeSeverity.WARNING]: 1,
  [NoticeSeverity.INFO]: 2,
};

const LOCKING_MESSAGE =
  "Locking a periodic report makes it final: nobody can change it any more, and only the school's DIRECTOR/HEAD can unlock it. " +
  "Once one report of a class is locked this school year, last year's program elements can no longer be carried over to that class (R-SEED-08).";

interface EndedDraft {
  id: number;
  classId: number;
  schoolId: number;
  classCode: string;
  position: number;
  surname: string;
  firstName: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const classRecord = (c: SchoolClass): NoticeRecord => ({ kind: NoticeRecordKind.CLASS, id: String(c.id), label: c.code });
const reportRecord = (r: EndedDraft): NoticeRecord => ({
  kind: NoticeRecordKind.PERIODIC_REPORT,
  id: String(r.id),
  label: `${r.surname} ${r.firstName}, ${r.classCode}, period ${r.position}`,
});

/**
 * R-SEED-15: the caller's home notices, for the current school year. DIRECTOR/HEAD: per school led,
 * classes without periods or settings and drafts left unlocked after their period; teachers: drafts of
 * their classes left unlocked after their period; whoever may lock: what locking means. Guardians and
 * DASEN get none. At most three statements, however many schools, classes and reports.
 */
export async function homeNotices(ctx: Context): Promise<HomeNotice[]> {
  const p = ctx.principal;
  if (!isStaff(p)) return [];
  const lead = [...ledSchoolIds(p)];
  const taught = [...taughtClassIds(p)];
  if (!lead.length && !taught.length) return [];

  const [schools, classes, drafts] = await Promise.all([
    ctx.loaders.schoolById.loadMany(ownSchoolIds(p)),
    // The led schools' classes of the year, and the classes taught (their schools decide who may lock).
    ctx.dataSource.getRepository(SchoolClass).find({
      where: [
        ...(lead.length ? [{ schoolId: In(lead), schoolYear: ctx.schoolYear }] : []),
        ...(taught.length ? [{ id: In(taught) }] : []),
      ],
      order: { code: "ASC", id: "ASC" },
    }),
    endedDrafts(ctx, lead, taught),
  ]);
  const schoolOf = new Map(schools.filter((s): s is School => s instanceof School).map((s) => [s.id, s]));
  const notices: HomeNotice[] = [];

  const ledSchools = lead.map((id) => schoolOf.get(id)).filter((s): s is School => !!s).sort((a, b) => a.name.localeCompare(b.name, "fr"));
  for (const school of ledSchools) {
    const own = classes.filter((c) => c.schoolId === school.id && c.schoolYear === ctx.schoolYear);
    const withoutPeriods = own.filter((c) => c.periodSchemeId === null);
    if (withoutPeriods.length) {
      notices.push({
        code: HomeNoticeCode.PERIODS_NOT_SET,
        severity: NoticeSeverity.ACTION_REQUIRED,
        message: `${school.name}: ${plural(withoutPeriods.length, "class has", "classes have")} no periods for ${schoolYearLabel(ctx.schoolYear)}; no periodic report can be entered for them until periods are set (R-SEED-01).`,
        records: withoutPeriods.map(classRecord),
      });
    }
    const withoutSettings = own.filter((c) => !c.dataSource || !c.positioningType);
    if (withoutSettings.length) {
      notices.push({
        code: HomeNoticeCode.CLASS_SETTINGS_MISSING,
        severity: NoticeSeverity.ACTION_REQUIRED,
        message: `${school.name}: ${plural(withoutSettings.length, "class has", "classes have")} no data source or positioning type yet; choose them before reports are entered, as a later change can delete data (R-SEED-02).`,
        records: withoutSettings.map(classRecord),
      });
    }
    const late = drafts.filter((r) => r.schoolId === school.id);
    if (late.length) {
      notices.push({
        code: HomeNoticeCode.UNLOCKED_AFTER_PERIOD_END,
        severity: NoticeSeverity.WARNING,
        message: `${school.name}: ${plural(late.length, "periodic report is", "periodic reports are")} still unlocked although the period has ended; lock them once they are final.`,
        records: late.map(reportRecord),
      });
    }
  }

  const ownClasses = drafts.filter((r) => taught.includes(r.classId));
  if (ownClasses.length) {
    notices.push({
      code: HomeNoticeCode.UNLOCKED_REPORTS,
      severity: NoticeSeverity.WARNING,
      message: `${plural(ownClasses.length, "periodic report", "periodic reports")} of your classes ${ownClasses.length === 1 ? "is" : "are"} still unlocked although the period has ended; complete them so that they can be locked.`,
      records: ownClasses.map(reportRecord),
    });
  }

  // Whoever may lock is reminded what it means: leads, and teachers of a class of an école (as ReportRights.canLock).
  const taughtSchools = classes.filter((c) => taught.includes(c.id)).map((c) => schoolOf.get(c.schoolId));
  const lockingSchools = [...ledSchools, ...taughtSchools.filter((s): s is School => !!s && s.degree === Degree.FIRST)].filter(
    (s, i, all) => all.findIndex((o) => o.id === s.id) === i,
  );
  if (lockingSchools.length) {
    notices.push({
      code: HomeNoticeCode.LOCKING_REMINDER,
      severity: NoticeSeverity.INFO,
      message: LOCKING_MESSAGE,
      records: lockingSchools.map((s) => ({ kind: NoticeRecordKind.SCHOOL, id: String(s.id), label: s.name })),
    });
  }
  return notices.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** This year's DRAFT reports whose period ended before today, in the schools led or the classes taught: one statement. */
async function endedDrafts(ctx: Context, ledSchools: number[], classIds: number[]): Promise<EndedDraft[]> {
  const where: string[] = [];
  if (ledSchools.length) where.push("c.schoolId IN (:...ledSchools)");
  if (classIds.length) where.push("r.classId IN (:...classIds)");
  const rows = await ctx.dataSource
    .getRepository(PeriodicReport)
    .createQueryBuilder("r")
    .innerJoin("school_class", "c", "c.id = r.classId")
    .innerJoin("period", "p", "p.id = r.periodId")
    .innerJoin("student", "s", "s.id = r.studentId")
    .select(["r.id AS id", "r.classId AS classId", "c.schoolId AS schoolId", "c.code AS classCode", "p.position AS position"])
    .addSelect(["s.surname AS surname", "s.firstName AS firstName"])
    .where("r.schoolYear = :year AND r.status = :draft AND p.endsOn < :today", {
      year: ctx.schoolYear,
      draft: ReportStatus.DRAFT,
      today: isoDay(ctx.clock.now()),
    })
    .andWhere(`(${where.join(" OR ")})`, { ledSchools, classIds })
    .orderBy("c.code", "ASC")
    .addOrderBy("p.position", "ASC")
    .addOrderBy("s.surname", "ASC")
    .addOrderBy("s.firstName", "ASC")
    .addOrderBy("r.id", "ASC")
    .getRawMany<Record<string, string | number>>();
  return rows.map((r) => ({
    id: Number(r.id),
    classId: Number(r.classId),
    schoolId: Number(r.schoolId),
    classCode: String(r.classCode),
    position: Number(r.position),
    surname: String(r.surname),
    firstName: String(r.firstName),
  }));
}
