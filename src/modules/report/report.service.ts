import { BOUND, boundExceeded, checkBound } from "../../common/bounds";
import { EntityManager, Not } from "typeorm";
import { Context, inIdempotentTransaction } from "../../common/context";
import { ReportDataSource } from "../../common/domain";
import { badInput, conflict, ErrorCode, forbidden, ruleError } from "../../common/errors";
import { parseId } from "../../common/ids";
import { recordAudit } from "../audit/audit.service";
import { noteRecordRead } from "../student/record";
import { yearKey } from "../../common/loaders";
import { lockClassRow } from "../../db/row-locks";
import { amendmentsCovering, closeAmendments } from "../amendment/amendment.service";
import { findVisibleClass, findVisibleGroup } from "../class/class.service";
import { TeachingGroup } from "../class/teaching-group.entity";
import { GroupMembership } from "../student/group-membership.entity";
import { SchoolClass } from "../class/school-class.entity";
import { School } from "../school/school.entity";
import { Period } from "../period/period.entity";
import { Enrolment } from "../student/enrolment.entity";
import { Subject } from "../subject/subject.entity";
import { PeriodicReport, ReportStatus } from "./periodic-report.entity";
import {
  ClassDigitalSkillsAppreciation,
  ClassProgramElement,
  GroupDigitalSkillsAppreciation,
  ReportDigitalSkill,
  ReportEntry,
  ReportEntryElement,
  ReportEntryTeacher,
  ReportParcours,
  ReportReferenceTeacher,
  ReportSupportMeasure,
} from "./report-parts.entity";
import {
  carriesDigitalSkills,
  findReadableReport,
  findEditableReport,
  findWorkableReport,
  loadSetting,
  mayLockClassReports,
  mayWriteClassAppreciation,
  mayWriteClassProgramElements,
  readableReports,
  ReportRights,
  ReportSetting,
} from "./report.policy";
import { checkText, validateUpdate } from "./report.validate";
import { LIMITS } from "./report.codes";
import { CreatePeriodicReportInput, UpdatePeriodicReportInput } from "./report.inputs";
import { LockClassReportsResult } from "./report.types";

const LOCKING_RULE = "R-PUB-04";

/** R-SEED-09: nothing new in a past year. */
function refusePastYear(ctx: Context, schoolYear: number, what: string): void {
  if (schoolYear < ctx.schoolYear) {
    throw ruleError(ErrorCode.PAST_YEAR, "R-SEED-09", `${what} of an earlier school year cannot be created or changed here.`);
  }
}

/** R-SEED-02/05: reports and program elements are typed in only in a class set to ENTRY, with a positioning type chosen. */
export function requireEntrySettings(cls: SchoolClass): void {
  if (!cls.dataSource || !cls.positioningType) {
    throw ruleError(ErrorCode.SETTINGS_MISMATCH, "R-SEED-02", `Class ${cls.code} has no settings yet: its DIRECTOR/HEAD must set them first.`);
  }
  if (cls.dataSource !== ReportDataSource.ENTRY) {
    throw ruleError(ErrorCode.SETTINGS_MISMATCH, "R-SEED-05", `Class ${cls.code} is set to ${cls.dataSource}: its reports come from an import.`);
  }
}

/** A report the caller may read (report.policy decides), or NOT_FOUND. Staff reads are audited. */
export async function getReport(ctx: Context, id: number): Promise<PeriodicReport> {
  const report = await findReadableReport(ctx, id);
  noteRecordRead(ctx, report.studentId);
  return report;
}

/** A class's reports for a period that the caller may work on and read, by pupil name; each pupil's read is audited. */
export async function classReports(ctx: Context, classId: number, periodId: number): Promise<PeriodicReport[]> {
  const reports = await readableReports(ctx, await ctx.loaders.reportsByClassPeriod.load(yearKey(classId, periodId)));
  for (const report of reports) noteRecordRead(ctx, report.studentId);
  return reports;
}

/** Creates an empty DRAFT report for a pupil of the class, for one of the class's periods. */
export async function createPeriodicReport(ctx: Context, input: CreatePeriodicReportInput): Promise<PeriodicReport> {
  const cls = await findVisibleClass(ctx, parseId(input.classId, "classId"));
  const studentId = parseId(input.studentId, "studentId");
  const periodId = parseId(input.periodId, "periodId");
  const em = ctx.dataSource.manager;
  // findVisibleClass admits only the school's lead and the class's teachers: they are the ones who create.
  const school = await em.findOneOrFail(School, { where: { id: cls.schoolId } });
  refusePastYear(ctx, cls.schoolYear, "Reports");
  if (cls.periodSchemeId === null) {
    throw ruleError(ErrorCode.PERIODS_NOT_CONFIGURED, "R-SEED-01", `Periods are not set for class ${cls.code}: its DIRECTOR/HEAD must set them first.`);
  }
  requireEntrySettings(cls);
  const period = await em.findOne(Period, { where: { id: periodId, schemeId: cls.periodSchemeId } });
  if (!period) throw badInput("periodId", `is not a period of class ${cls.code}`);
  const enrolment = await em.findOne(Enrolment, { where: { studentId, classId: cls.id } });
  if (!enrolment) throw badInput("studentId", `is not a pupil of class ${cls.code} in ${cls.schoolYear}`);

  return inIdempotentTransaction(ctx, async (tx) => {
    // The settings read above may have changed since: check them again under the class's row lock.
    const locked = await lockClassRow(tx, cls.id);
    if (locked.periodSchemeId !== cls.periodSchemeId) throw badInput("periodId", `is not a period of class ${cls.code}`);
    requireEntrySettings(locked);
    if (await tx.findOne(PeriodicReport, { where: { studentId, periodId } })) {
      throw conflict("This pupil already has a report for this period.", "R-PUB-20");
    }
    const report = await tx.save(
      tx.create(PeriodicReport, {
        studentId,
        periodId,
        classId: cls.id,
        schoolYear: cls.schoolYear,
        status: ReportStatus.DRAFT,
        source: ReportDataSource.ENTRY,
        readOnly: false,
        version: 1,
      }),
    );
    const setting = await loadSetting(tx, report);
    const rights = await ReportRights.of(ctx, tx, setting);
    if (rights.joinsReferenceTeachers) await joinReferenceTeachers(ctx, tx, report.id);
    await recordAudit(ctx, tx, {
      action: "CREATE_REPORT",
      entityType: "PeriodicReport",
      entityId: report.id,
      schoolId: school.id,
      studentId,
      details: { classId: cls.id, periodId },
    });
    return report;
  });
}

/**
 * Applies an update made from `expectedVersion`. The version is compared in the UPDATE itself, so of
 * two saves from the same version exactly one wins; the other gets CONFLICT (R-NEW-03).
 */
export async function updatePeriodicReport(
  ctx: Context,
  id: number,
  expectedVersion: number,
  input: UpdatePeriodicReportInput,
): Promise<PeriodicReport> {
  const em = ctx.dataSource.manager;
  const report = await findEditableReport(ctx, em, id);
  const setting = await loadSetting(em, report);
  const rights = await ReportRights.of(ctx, em, setting);
  if (report.readOnly) {
    throw ruleError(ErrorCode.REPORT_READ_ONLY, "R-SEED-04", "This report became read-only when its class's data source changed.");
  }
  const pastYear = report.schoolYear < ctx.schoolYear;
  if (!pastYear && report.status === ReportStatus.LOCKED) {
    throw ruleError(ErrorCode.REPORT_LOCKED, LOCKING_RULE, "This report is locked: its DIRECTOR/HEAD must unlock it first.");
  }
  const subjects = new Map((await em.find(Subject)).map((s) => [s.code, s]));
  const touched = validateUpdate(input, setting, subjects);
  checkRights(rights, input);

  return inIdempotentTransaction(ctx, async (tx) => {
    // R-SEED-10: a past-year report changes only under amendments that list every touched element.
    const amendmentIds = pastYear ? await amendmentsCovering(ctx, tx, report, touched) : [];
    // The input was checked against the class's settings as read before: they must still hold.
    if ((await lockClassRow(tx, setting.cls.id)).version !== setting.cls.version) {
      throw conflict("The class's settings changed while you edited: reload the report and apply your changes again.", "R-NEW-03");
    }
    // Status, read-only flag and version decided in this one statement: a lock that committed since the
    // checks above (bumping the version) makes this save a refusal, never a write into a LOCKED report.
    const swapped = await tx
      .createQueryBuilder()
      .update(PeriodicReport)
      .set({ version: () => "version + 1" })
      .where(`id = :id AND version = :expectedVersion AND readOnly = :writable${pastYear ? "" : " AND status = :draft"}`, {
        id,
        expectedVersion,
        writable: false,
        draft: ReportStatus.DRAFT,
      })
      .execute();
    if (swapped.affected !== 1) throw await refusedSave(tx, id, pastYear);
    await applyUpdate(ctx, tx, setting, input, rights);
    if (rights.joinsReferenceTeachers) await joinReferenceTeachers(ctx, tx, report.id);
    await recordAudit(ctx, tx, {
      action: pastYear ? "AMEND_PAST_YEAR_REPORT" : "UPDATE_REPORT",
      entityType: "PeriodicReport",
      entityId: report.id,
      schoolId: setting.school.id,
      studentId: report.studentId,
      details: { elements: touched, version: expectedVersion + 1, ...(pastYear ? { amendmentIds } : {}) },
    });
    await closeAmendments(ctx, tx, report, setting.school.id, amendmentIds);
    return tx.findOneOrFail(PeriodicReport, { where: { id } });
  });
}

/** Why the guarded UPDATE of a save matched no row: the report's state now, read in the same transaction. */
async function refusedSave(tx: EntityManager, id: number, pastYear: boolean): Promise<Error> {
  const now = await tx.findOne(PeriodicReport, { where: { id } });
  if (now?.readOnly) return ruleError(ErrorCode.REPORT_READ_ONLY, "R-SEED-04", "This report became read-only when its class's data source changed.");
  if (now && !pastYear && now.status === ReportStatus.LOCKED) {
    return ruleError(ErrorCode.REPORT_LOCKED, LOCKING_RULE, "This report was locked since you read it: its DIRECTOR/HEAD must unlock it first.");
  }
  return conflict("Someone saved this report since you read it: reload it and apply your changes again.", "R-NEW-03");
}

function checkRights(rights: ReportRights, input: UpdatePeriodicReportInput): void {
  for (const entry of input.entries ?? []) {
    if (!rights.canEditSubject(entry.subjectCode)) throw forbidden(`You do not teach ${entry.subjectCode} to this pupil.`);
  }
  const wholeReport = [input.synthesis, input.schoolLife, input.parcours, input.supportMeasures, input.digitalSkills].some((v) => v !== undefined);
  if (wholeReport && !rights.canEditWholeReport) {
    throw forbidden("Only the class's teachers and its DIRECTOR/HEAD may change the synthesis and the other whole-report parts.");
  }
}

async function applyUpdate(ctx: Context, tx: EntityManager, s: ReportSetting, input: UpdatePeriodicReportInput, rights: ReportRights) {
  const reportId = s.report.id;
  const columns: Partial<PeriodicReport> = {};
  if (input.synthesis !== undefined) columns.synthesis = input.synthesis;
  if (input.schoolLife !== undefined) {
    columns.lateCount = input.schoolLife?.lateCount ?? null;
    columns.justifiedAbsences = input.schoolLife?.justifiedAbsences ?? null;
    columns.unjustifiedAbsences = input.schoolLife?.unjustifiedAbsences ?? null;
    columns.schoolLifeComment = input.schoolLife?.comment ?? null;
  }
  if (input.digitalSkills !== undefined) columns.digitalSkillsAppreciation = input.digitalSkills?.appreciation ?? null;
  if (Object.keys(columns).length) await tx.update(PeriodicReport, { id: reportId }, columns);

  for (const entry of input.entries ?? []) {
    const existing = await tx.findOne(ReportEntry, { where: { reportId, subjectCode: entry.subjectCode } });
    if (entry.remove) {
      if (existing) await tx.delete(ReportEntry, { id: existing.id });
      continue;
    }
    const values: Partial<ReportEntry> = {};
    for (const key of ["positioning", "studentAverage", "classAverage", "appreciation"] as const) {
      if (entry[key] !== undefined) (values as Record<string, unknown>)[key] = entry[key];
    }
    let entryId: number;
    if (existing) {
      entryId = existing.id;
      if (Object.keys(values).length) await tx.update(ReportEntry, { id: entryId }, values);
    } else {
      entryId = (await tx.save(tx.create(ReportEntry, { reportId, subjectCode: entry.subjectCode, ...values }))).id;
    }
    if (entry.programElements !== undefined) {
      await tx.delete(ReportEntryElement, { entryId });
      const labels = entry.programElements ?? [];
      if (labels.length) await tx.insert(ReportEntryElement, labels.map((label) => ({ entryId, label })));
    }
    // The teacher who fills a subject is named on it (enseignant-refs); a lead acting alone is not.
    if (rights.isTeacher && !(await tx.findOne(ReportEntryTeacher, { where: { entryId, accountId: ctx.principal!.accountId } }))) {
      const named = await tx.count(ReportEntryTeacher, { where: { entryId } });
      if (named >= BOUND.teachersPerEntry) throw boundExceeded("entries", "teachersPerEntry", named + 1, `teachers named on ${entry.subjectCode}`);
      await tx.insert(ReportEntryTeacher, { entryId, accountId: ctx.principal!.accountId });
    }
  }
  // Counted after the writes, in the transaction the version guard serialises: the report's subjects stay within the bound.
  if (input.entries?.some((e) => !e.remove)) {
    checkBound("entries", "entriesPerReport", await tx.count(ReportEntry, { where: { reportId } }), "subjects per report");
  }
  if (input.parcours !== undefined) {
    await tx.delete(ReportParcours, { reportId });
    if (input.parcours?.length) await tx.insert(ReportParcours, input.parcours.map((p) => ({ reportId, code: p.code, text: p.text })));
  }
  if (input.supportMeasures !== undefined) {
    await tx.delete(ReportSupportMeasure, { reportId });
    if (input.supportMeasures?.length) {
      await tx.insert(ReportSupportMeasure, input.supportMeasures.map((m) => ({ reportId, code: m.code, details: m.details ?? null })));
    }
  }
  if (input.digitalSkills !== undefined) {
    await tx.delete(ReportDigitalSkill, { reportId });
    const levels = input.digitalSkills?.levels ?? [];
    if (levels.length) await tx.insert(ReportDigitalSkill, levels.map((l) => ({ reportId, code: l.code, level: l.level })));
  }
}

/** R-SEED-16: the editing teacher joins the report's reference teachers, once. */
async function joinReferenceTeachers(ctx: Context, tx: EntityManager, reportId: number): Promise<void> {
  const accountId = ctx.principal!.accountId;
  if (!(await tx.findOne(ReportReferenceTeacher, { where: { reportId, accountId } }))) {
    const named = await tx.count(ReportReferenceTeacher, { where: { reportId } });
    if (named >= BOUND.teachersPerEntry) throw boundExceeded("referenceTeachers", "teachersPerEntry", named + 1, "reference teachers per report");
    await tx.insert(ReportReferenceTeacher, { reportId, accountId });
  }
}

/** Why a report cannot be locked now, or null. */
async function lockRefusal(ctx: Context, em: EntityManager, s: ReportSetting): Promise<{ code: ErrorCode; rule: string; message: string } | null> {
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
export async function lockClassReports(ctx: Context, classIdArg: string, periodIdArg: string): Promise<LockClassReportsResult> {
  const cls = await findVisibleClass(ctx, parseId(classIdArg, "classId"));
  const periodId = parseId(periodIdArg, "periodId");
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

/** Replaces the whole-class program elements of one subject for a period. */
export async function setClassProgramElements(
  ctx: Context,
  classIdArg: string,
  periodIdArg: string,
  subjectCode: string,
  labels: string[],
): Promise<ClassProgramElement[]> {
  const cls = await findVisibleClass(ctx, parseId(classIdArg, "classId"));
  const periodId = parseId(periodIdArg, "periodId");
  const em = ctx.dataSource.manager;
  const school = await em.findOneOrFail(School, { where: { id: cls.schoolId } });
  const subject = await em.findOne(Subject, { where: { code: subjectCode } });
  if (!subject || subject.degree !== school.degree) throw badInput("subjectCode", "is not a subject or domain of this school");
  if (!mayWriteClassProgramElements(ctx, school, cls, subjectCode)) throw forbidden(`You do not teach ${subjectCode} to this class.`);
  refusePastYear(ctx, cls.schoolYear, "Program elements");
  requireEntrySettings(cls);
  if (cls.periodSchemeId === null || !(await em.count(Period, { where: { id: periodId, schemeId: cls.periodSchemeId } }))) {
    throw badInput("periodId", `is not a period of class ${cls.code}`);
  }
  // The cost limit counts these lists at their bound (src/common/bounds.ts): writes may not exceed it.
  checkBound("labels", "classProgramElementsPerSubject", labels.length, "whole-class elements per subject and period");
  const clean = labels.map((label, i) => checkText(label, `labels[${i}]`, LIMITS.programElement) as string);
  if (new Set(clean).size !== clean.length) throw badInput("labels", "must not repeat an element");
  return inIdempotentTransaction(ctx, async (tx) => {
    requireEntrySettings(await lockClassRow(tx, cls.id));
    // Counted under the class row lock: concurrent calls for other subjects cannot pass the total together.
    const others = await tx.count(ClassProgramElement, { where: { classId: cls.id, periodId, subjectCode: Not(subjectCode) } });
    checkBound("labels", "classProgramElementsPerPeriod", others + clean.length, "whole-class elements per class and period, all subjects together");
    await tx.delete(ClassProgramElement, { classId: cls.id, periodId, subjectCode });
    if (clean.length) await tx.insert(ClassProgramElement, clean.map((label) => ({ classId: cls.id, periodId, subjectCode, label })));
    await recordAudit(ctx, tx, {
      action: "SET_CLASS_PROGRAM_ELEMENTS",
      entityType: "SchoolClass",
      entityId: cls.id,
      schoolId: school.id,
      details: { periodId, subjectCode, count: clean.length },
    });
    return tx.find(ClassProgramElement, { where: { classId: cls.id, periodId, subjectCode }, order: { id: "ASC" } });
  });
}

/** Sets (or clears with null) the collective digital-skills appreciation of a group (its teachers or the lead). */
export async function setGroupCollectiveDigitalSkillsAppreciation(ctx: Context, groupIdArg: string, text: string | null): Promise<TeachingGroup> {
  const group = await findVisibleGroup(ctx, parseId(groupIdArg, "groupId"));
  refusePastYear(ctx, group.schoolYear, "Appreciations");
  const clean = checkText(text, "text", LIMITS.text600) ?? null;
  return inIdempotentTransaction(ctx, async (tx) => {
    await tx.delete(GroupDigitalSkillsAppreciation, { groupId: group.id });
    if (clean) await tx.insert(GroupDigitalSkillsAppreciation, { groupId: group.id, text: clean });
    await recordAudit(ctx, tx, {
      action: "SET_GROUP_DIGITAL_SKILLS_APPRECIATION",
      entityType: "TeachingGroup",
      entityId: group.id,
      schoolId: group.schoolId,
      details: { cleared: clean === null },
    });
    return group;
  });
}

/** Sets (or clears with null) the collective digital-skills appreciation of a class. */
export async function setCollectiveDigitalSkillsAppreciation(ctx: Context, classIdArg: string, text: string | null): Promise<SchoolClass> {
  const cls = await findVisibleClass(ctx, parseId(classIdArg, "classId"));
  if (!mayWriteClassAppreciation(ctx, cls)) {
    throw forbidden("Only the class's teachers and its DIRECTOR/HEAD may write its collective appreciation.");
  }
  refusePastYear(ctx, cls.schoolYear, "Appreciations");
  requireEntrySettings(cls);
  const clean = checkText(text, "text", LIMITS.text600) ?? null;
  return inIdempotentTransaction(ctx, async (tx) => {
    requireEntrySettings(await lockClassRow(tx, cls.id));
    await tx.delete(ClassDigitalSkillsAppreciation, { classId: cls.id });
    if (clean) await tx.insert(ClassDigitalSkillsAppreciation, { classId: cls.id, text: clean });
    await recordAudit(ctx, tx, {
      action: "SET_COLLECTIVE_DIGITAL_SKILLS_APPRECIATION",
      entityType: "SchoolClass",
      entityId: cls.id,
      schoolId: cls.schoolId,
      details: { cleared: clean === null },
    });
    return cls;
  });
}
