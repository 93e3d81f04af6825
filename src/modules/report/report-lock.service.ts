/** Locking and unlocking periodic reports, one or a whole class's (R-PUB-04, R-SEED-19, R-NEW-04). */
import { EntityManager } from "typeorm";
import type { RuleId } from "../../common/rule-ids";
import { Context, inIdempotentTransaction } from "../../common/context";
import { badInput, conflict, ErrorCode, forbidden, ruleError } from "../../common/errors";
import { recordAudit } from "../audit/audit.service";
import { lockClassRow } from "../../db/row-locks";
import { findVisibleClass } from "../class/class.service";
import { TeachingGroup } from "../class/teaching-group.entity";
import { GroupMembership } from "../student/group-membership.entity";
import { School } from "../school/school.entity";
import { Period } from "../period/period.entity";
import { PeriodicReport, ReportStatus } from "./periodic-report.entity";
import { ClassDigitalSkillsAppreciation, GroupDigitalSkillsAppreciation, ReportDigitalSkill } from "./report-parts.entity";
import { carriesDigitalSkills, findWorkableReport, loadSetting, mayLockClassReports, ReportRights, ReportSetting } from "./report.policy";
import { refusePastYear } from "./report.service";
import { LockClassReportsResult } from "./report.types";

/** Why a report cannot be locked now, or null. */
async function lockRefusal(ctx: Context, em: EntityManager, s: ReportSetting): Promise<{ code: ErrorCode; rule: RuleId; message: string } | null> {
  if (s.report.readOnly) return { code: ErrorCode.REPORT_READ_ONLY, rule: "R-SEED-04", message: "The report is read-only for good." };
  if (s.report.schoolYear < ctx.schoolYear) return { code: ErrorCode.PAST_YEAR, rule: "R-SEED-09", message: "The report belongs to an earlier year." };
  if (carriesDigitalSkills(s)) {
    // R-SEED-19: the collective appreciation alone is enough; nothing at all is not.
    const [collective, groupCollective, levels] = await Promise.all([
      em.count(ClassDigitalSkillsAppreciation, { where: { classId: s.cls.id } }),
      em
        .createQueryBuilder(GroupDigitalSkillsAppreciation, "a")
        .innerJoin(GroupMembership, "gm", "gm.groupId = a.groupId")
        .innerJoin(TeachingGroup, "g", "g.id = a.groupId")
        .where("gm.studentId = :studentId AND g.schoolYear = :year", { studentId: s.report.studentId, year: s.report.schoolYear })
        .getCount(),
      em.count(ReportDigitalSkill, { where: { reportId: s.report.id } }),
    ]);
    if (!collective && !groupCollective && !levels && !s.report.digitalSkillsAppreciation) {
      return {
        code: ErrorCode.BAD_USER_INPUT,
        rule: "R-SEED-19",
        message: "The last report of CM2 or 6e needs digital skills: at least the collective appreciation of the class or of a group.",
      };
    }
  }
  return null;
}

export async function lockPeriodicReport(ctx: Context, id: number): Promise<PeriodicReport> {
  const em = ctx.dataSource.manager;
  const report = await findWorkableReport(ctx, em, id);
  const setting = await loadSetting(em, report);
  const rights = await ReportRights.of(ctx, em, setting);
  if (!rights.canLock) throw forbidden("Only the DIRECTOR/HEAD, and in écoles the class's teachers, may lock a report.");
  const refusal = await lockRefusal(ctx, em, setting);
  if (refusal) throw ruleError(refusal.code, refusal.rule, refusal.message);
  if (report.status === ReportStatus.LOCKED) return report;
  return inIdempotentTransaction(ctx, async (tx) => {
    await lockInTransaction(ctx, tx, setting);
    return tx.findOneOrFail(PeriodicReport, { where: { id } });
  });
}

/**
 * Locks under the class's row lock, and only a report still DRAFT and not read-only: a settings change
 * or another lock that got there first makes this one a CONFLICT rather than a silent overwrite.
 */
async function lockInTransaction(ctx: Context, tx: EntityManager, s: ReportSetting): Promise<void> {
  await lockClassRow(tx, s.cls.id);
  const locked = await tx
    .createQueryBuilder()
    .update(PeriodicReport)
    .set({ status: ReportStatus.LOCKED, lockedAt: ctx.clock.now(), lockedByAccountId: ctx.principal!.accountId, version: () => "version + 1" })
    .where("id = :id AND status = :draft AND readOnly = :writable", { id: s.report.id, draft: ReportStatus.DRAFT, writable: false })
    .execute();
  if (locked.affected !== 1) throw conflict("The report changed while you locked it: reload it.", "R-NEW-03");
  await recordAudit(ctx, tx, {
    action: "LOCK_REPORT",
    entityType: "PeriodicReport",
    entityId: s.report.id,
    schoolId: s.school.id,
    studentId: s.report.studentId,
  });
}

export async function unlockPeriodicReport(ctx: Context, id: number): Promise<PeriodicReport> {
  const em = ctx.dataSource.manager;
  const report = await findWorkableReport(ctx, em, id);
  const setting = await loadSetting(em, report);
  const rights = await ReportRights.of(ctx, em, setting);
  if (!rights.canUnlock) throw forbidden("Only the DIRECTOR/HEAD may unlock a report.");
  if (report.readOnly) throw ruleError(ErrorCode.REPORT_READ_ONLY, "R-SEED-04", "This report is read-only for good: it cannot be unlocked.");
  refusePastYear(ctx, report.schoolYear, "Reports");
  if (report.status === ReportStatus.DRAFT) return report;
  return inIdempotentTransaction(ctx, async (tx) => {
    await lockClassRow(tx, setting.cls.id);
    const unlocked = await tx
      .createQueryBuilder()
      .update(PeriodicReport)
      .set({ status: ReportStatus.DRAFT, lockedAt: null, lockedByAccountId: null, version: () => "version + 1" })
      .where("id = :id AND status = :locked AND readOnly = :writable", { id, locked: ReportStatus.LOCKED, writable: false })
      .execute();
    if (unlocked.affected !== 1) throw conflict("The report changed while you unlocked it: reload it.", "R-NEW-03");
    await recordAudit(ctx, tx, {
      action: "UNLOCK_REPORT",
      entityType: "PeriodicReport",
      entityId: id,
      schoolId: setting.school.id,
      studentId: report.studentId,
    });
    return tx.findOneOrFail(PeriodicReport, { where: { id } });
  });
}

/** Locks every draft report of a class for a period, in one transaction; says which could not be locked. */
export async function lockClassReports(ctx: Context, classId: number, periodId: number): Promise<LockClassReportsResult> {
  const cls = await findVisibleClass(ctx, classId);
  const school = await ctx.dataSource.manager.findOneOrFail(School, { where: { id: cls.schoolId } });
  if (!mayLockClassReports(ctx, school, cls)) throw forbidden("Only the DIRECTOR/HEAD, and in écoles the class's teachers, may lock reports.");
  refusePastYear(ctx, cls.schoolYear, "Reports");
  if (cls.periodSchemeId === null || !(await ctx.dataSource.manager.count(Period, { where: { id: periodId, schemeId: cls.periodSchemeId } }))) {
    throw badInput("periodId", `is not a period of class ${cls.code}`);
  }
  return inIdempotentTransaction(ctx, async (tx) => {
    // Hold the class first: the reports read next cannot be changed by a settings change meanwhile.
    await lockClassRow(tx, cls.id);
    const reports = await tx.find(PeriodicReport, { where: { classId: cls.id, periodId }, order: { id: "ASC" } });
    const result: LockClassReportsResult = { locked: 0, alreadyLocked: 0, refused: [] };
    for (const report of reports) {
      if (report.status === ReportStatus.LOCKED) {
        result.alreadyLocked += 1;
        continue;
      }
      const setting = await loadSetting(tx, report);
      const refusal = await lockRefusal(ctx, tx, setting);
      if (refusal) {
        result.refused.push({ reportId: report.id, code: refusal.code, rule: refusal.rule, message: refusal.message });
        continue;
      }
      await lockInTransaction(ctx, tx, setting);
      result.locked += 1;
    }
    return result;
  });
}

