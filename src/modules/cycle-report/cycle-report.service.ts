import { EntityManager } from "typeorm";
import { Context, inIdempotentTransaction } from "../../common/context";
import { conflict, ErrorCode, forbidden, LivretError, ruleError } from "../../common/errors";
import { isGuardian, isStaff } from "../../auth/principal";
import { recordAudit } from "../audit/audit.service";
import { School } from "../school/school.entity";
import { Enrolment } from "../student/enrolment.entity";
import { Student } from "../student/student.entity";
import { findVisibleStudent } from "../student/student.service";
import { inVisibleAcademies, noteRecordRead, recordAcademies } from "../student/record";
import { ReportStatus } from "../report/periodic-report.entity";
import { CycleReport, CycleReportComponent } from "./cycle-report.entity";
import { creatingEnrolment, CycleReportRights, findWorkableCycleReport, mayReadCycleReports } from "./cycle-report.policy";
import { guardsActively, pupilRelation } from "../../auth/policy";
import { CYCLE_END } from "./cycle-report.codes";
import { UpdateCycleReportInput } from "./cycle-report.inputs";
import { missingForLock, validateCycleReportUpdate } from "./cycle-report.validate";

const ENTITY = "CycleReport";

/**
 * R-SEED-10: a report of an earlier year changes only under a written authorisation, and amendments
 * exist for periodic reports only so far: an earlier year's end-of-cycle report is refused.
 */
function refusePastYear(ctx: Context, report: CycleReport): void {
  if (report.schoolYear < ctx.schoolYear) {
    throw ruleError(
      ErrorCode.AMENDMENT_NOT_AUTHORISED,
      "R-SEED-10",
      "This end-of-cycle report belongs to an earlier school year: it can no longer be changed here.",
    );
  }
}

function refuseLocked(report: CycleReport): void {
  if (report.status === ReportStatus.LOCKED) {
    throw ruleError(ErrorCode.REPORT_LOCKED, "R-PUB-04", "This end-of-cycle report is locked: its DIRECTOR/HEAD must unlock it first.");
  }
}

/** An end-of-cycle report the caller may work on; staff reads are audited (R-NEW-02). */
export async function getCycleReport(ctx: Context, id: number): Promise<CycleReport> {
  const report = await findWorkableCycleReport(ctx, ctx.dataSource.manager, id);
  noteRecordRead(ctx, report.studentId);
  return report;
}

/**
 * The pupil's end-of-cycle reports the caller may read, for a pupil in the caller's scope.
 * Staff: all of them, whatever the pupil's level (R-SEED-12), except those kept in an academy they
 * may not see yet (R-SEED-06); the read is audited (R-NEW-02). Guardians: the locked ones (R-SEED-13).
 */
export async function readableCycleReports(ctx: Context, student: Student): Promise<CycleReport[]> {
  // The Student may have been reached through a relation (a report's pupil): check the scope here.
  if (!(await ctx.loaders.studentInScope.load(student.id))) return [];
  if (!mayReadCycleReports(await pupilRelation(ctx, student.id))) return [];
  const p = ctx.principal;
  if (isGuardian(p)) {
    // Belt and braces: the scope that produced `student` already limits guardians to their children.
    if (!guardsActively(p, student.id)) return [];
    const reports = await ctx.loaders.cycleReportsByStudent.load(student.id);
    return reports.filter((r) => r.status === ReportStatus.LOCKED);
  }
  if (!isStaff(p)) return [];
  const [reports, academies] = await Promise.all([ctx.loaders.cycleReportsByStudent.load(student.id), recordAcademies(ctx, student.id)]);
  const visible = await inVisibleAcademies(ctx, academies, reports.map((r) => r.schoolId));
  noteRecordRead(ctx, student.id);
  return reports.filter((_, i) => visible[i]);
}

/**
 * Creates an empty DRAFT report for a pupil at the end of a cycle (R-PUB-15), by the DIRECTOR/HEAD
 * of the pupil's school or a teacher of the pupil's class; one per pupil and cycle (R-PUB-20).
 */
export async function createCycleReport(ctx: Context, studentId: number, cycle: number): Promise<CycleReport> {
  const student = await findVisibleStudent(ctx, studentId);
  const em = ctx.dataSource.manager;
  const p = ctx.principal!;
  const enrolments = await em.find(Enrolment, { where: { studentId: student.id, schoolYear: ctx.schoolYear }, order: { id: "ASC" } });
  const enrolment = creatingEnrolment(ctx, enrolments);
  if (!enrolment) throw forbidden("Only the pupil's DIRECTOR/HEAD and the teachers of the pupil's class may create an end-of-cycle report.");
  const school = await em.findOneOrFail(School, { where: { id: enrolment.schoolId } });
  const end = CYCLE_END[cycle];
  if (!end || end.degree !== school.degree || end.level !== enrolment.level) {
    throw new LivretError(
      ErrorCode.BAD_USER_INPUT,
      "cycle: end-of-cycle reports are made for cycle 2 at the end of CE2 in an école, cycles 3 and 4 at the end of 6e and 3e in a collège",
      { field: "cycle", rule: "R-PUB-15" },
    );
  }
  const duplicate = () => conflict("This pupil already has an end-of-cycle report for this cycle.", "R-PUB-20");
  try {
    return await inIdempotentTransaction(ctx, async (tx) => {
      if (await tx.findOne(CycleReport, { where: { studentId: student.id, cycle } })) throw duplicate();
      const report = await tx.save(
        tx.create(CycleReport, {
          studentId: student.id,
          cycle,
          schoolYear: ctx.schoolYear,
          schoolId: school.id,
          status: ReportStatus.DRAFT,
          lockedAt: null,
          synthesis: null,
          complementaryTeachingCode: null,
          complementaryTeachingLevel: null,
          regionalLanguageCode: null,
          regionalLanguageLevel: null,
          createdByAccountId: p.accountId,
          version: 1,
        }),
      );
      await recordAudit(ctx, tx, {
        action: "CREATE_CYCLE_REPORT",
        entityType: ENTITY,
        entityId: report.id,
        schoolId: school.id,
        studentId: student.id,
        details: { cycle },
      });
      return report;
    });
  } catch (error) {
    // Two creations racing past the check above: the unique index (studentId, cycle) refuses the second.
    if (!(error instanceof LivretError) && (await em.count(CycleReport, { where: { studentId: student.id, cycle } }))) throw duplicate();
    throw error;
  }
}

/**
 * Applies an update made from `expectedVersion`. The version is compared in the UPDATE itself, so of
 * two saves from the same version exactly one wins; the other gets CONFLICT (R-NEW-03).
 */
export async function updateCycleReport(ctx: Context, id: number, expectedVersion: number, input: UpdateCycleReportInput): Promise<CycleReport> {
  const em = ctx.dataSource.manager;
  const report = await findWorkableCycleReport(ctx, em, id);
  const rights = await CycleReportRights.of(ctx, em, report);
  if (!rights.canEdit) throw forbidden("Only the pupil's class teachers and the DIRECTOR/HEAD may edit an end-of-cycle report.");
  refusePastYear(ctx, report);
  refuseLocked(report);
  const changes = validateCycleReportUpdate(input, report.cycle);

  return inIdempotentTransaction(ctx, async (tx) => {
    const swapped = await tx
      .createQueryBuilder()
      .update(CycleReport)
      .set({ ...changes.columns, version: () => "version + 1" })
      .where("id = :id AND version = :expectedVersion AND status = :draft", { id, expectedVersion, draft: ReportStatus.DRAFT })
      .execute();
    if (swapped.affected !== 1) {
      throw conflict("Someone saved or locked this report since you read it: reload it and apply your changes again.", "R-NEW-03");
    }
    if (changes.components) {
      await tx.delete(CycleReportComponent, { cycleReportId: id });
      await tx.insert(CycleReportComponent, changes.components.map((c) => ({ cycleReportId: id, code: c.code, level: c.level })));
    }
    await recordAudit(ctx, tx, {
      action: "UPDATE_CYCLE_REPORT",
      entityType: ENTITY,
      entityId: id,
      schoolId: report.schoolId,
      studentId: report.studentId,
      details: { elements: changes.touched, version: expectedVersion + 1 },
    });
    return tx.findOneOrFail(CycleReport, { where: { id } });
  });
}

/** Locks a complete report (R-PUB-14): DIRECTOR/HEAD, and in écoles the pupil's class teachers. */
export async function lockCycleReport(ctx: Context, id: number): Promise<CycleReport> {
  const em = ctx.dataSource.manager;
  const report = await findWorkableCycleReport(ctx, em, id);
  const rights = await CycleReportRights.of(ctx, em, report);
  if (!rights.canLock) throw forbidden("Only the DIRECTOR/HEAD, and in écoles the pupil's class teachers, may lock an end-of-cycle report.");
  refusePastYear(ctx, report);
  if (report.status === ReportStatus.LOCKED) return report;
  return inIdempotentTransaction(ctx, async (tx) => {
    // Checked in the transaction, so that the report locked is the one found complete.
    const [current, components] = await Promise.all([
      tx.findOneOrFail(CycleReport, { where: { id } }),
      tx.find(CycleReportComponent, { where: { cycleReportId: id }, select: { code: true } }),
    ]);
    const missing = missingForLock(current.synthesis, components.map((c) => c.code));
    if (missing.length) {
      throw ruleError(ErrorCode.BAD_USER_INPUT, "R-PUB-14", `An end-of-cycle report is locked once complete; missing: ${missing.join(", ")}.`, {
        missing,
      });
    }
    const locked = await tx
      .createQueryBuilder()
      .update(CycleReport)
      .set({ status: ReportStatus.LOCKED, lockedAt: ctx.clock.now(), version: () => "version + 1" })
      .where("id = :id AND status = :draft", { id, draft: ReportStatus.DRAFT })
      .execute();
    // Someone else locked it meanwhile: the report is as asked, and their lock is the audited one.
    if (locked.affected !== 1) return tx.findOneOrFail(CycleReport, { where: { id } });
    await recordAudit(ctx, tx, {
      action: "LOCK_CYCLE_REPORT",
      entityType: ENTITY,
      entityId: id,
      schoolId: report.schoolId,
      studentId: report.studentId,
    });
    return tx.findOneOrFail(CycleReport, { where: { id } });
  });
}

/** Unlocks a report: the DIRECTOR/HEAD of the school that made it only. */
export async function unlockCycleReport(ctx: Context, id: number): Promise<CycleReport> {
  const em = ctx.dataSource.manager;
  const report = await findWorkableCycleReport(ctx, em, id);
  const rights = await CycleReportRights.of(ctx, em, report);
  if (!rights.canUnlock) throw forbidden("Only the DIRECTOR/HEAD may unlock an end-of-cycle report.");
  refusePastYear(ctx, report);
  if (report.status === ReportStatus.DRAFT) return report;
  return inIdempotentTransaction(ctx, async (tx) => {
    await tx
      .createQueryBuilder()
      .update(CycleReport)
      .set({ status: ReportStatus.DRAFT, lockedAt: null, version: () => "version + 1" })
      .where("id = :id", { id })
      .execute();
    await recordAudit(ctx, tx, {
      action: "UNLOCK_CYCLE_REPORT",
      entityType: ENTITY,
      entityId: id,
      schoolId: report.schoolId,
      studentId: report.studentId,
    });
    return tx.findOneOrFail(CycleReport, { where: { id } });
  });
}
