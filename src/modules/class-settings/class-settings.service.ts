import { EntityManager, In, IsNull, MoreThan } from "typeorm";
import type { RuleId } from "../../common/rule-ids";
import { Context, inTransaction } from "../../common/context";
import { badInput, conflict, ErrorCode, forbidden, notFound, ruleError } from "../../common/errors";
import { scopeClasses } from "../../auth/scope";
import { recordAudit } from "../audit/audit.service";
import { findVisibleClass } from "../class/class.service";
import { SchoolClass } from "../class/school-class.entity";
import { PeriodicReport, ReportStatus } from "../report/periodic-report.entity";
import {
  ClassDigitalSkillsAppreciation,
  ClassProgramElement,
  ReportDigitalSkill,
  ReportEntry,
  ReportEntryElement,
  ReportParcours,
  ReportSupportMeasure,
} from "../report/report-parts.entity";
import {
  ARCHIVED_TABLE_ORDER,
  ARCHIVED_TABLES,
  chunks,
  ClassSettingsArchive,
  deleteByIds,
  insertRows,
  loadRows,
  readArchive,
  writeArchive,
  StoredRow,
} from "./class-settings.archive";
import { ClassSettingsChange } from "./class-settings-change.entity";
import { ClassSettingsInput } from "./class-settings.inputs";
import { ClassSettings, ClassSettingsChangeResult, ClassSettingsChangeView, ClassSettingsImpact } from "./class-settings.types";
import { mayManageClassSettings } from "./class-settings.policy";

const settingsOf = (cls: SchoolClass): ClassSettings => ({ dataSource: cls.dataSource, positioningType: cls.positioningType });

/** The class, when the caller leads its school: NOT_FOUND when not visible, FORBIDDEN when visible only as a teacher. */
async function findLedClass(ctx: Context, classId: number): Promise<SchoolClass> {
  const cls = await findVisibleClass(ctx, classId);
  if (!mayManageClassSettings(ctx, cls)) {
    throw forbidden("Only the DIRECTOR or HEAD of this school may change its class settings.");
  }
  return cls;
}

/** Settings change only during the class's own school year. */
function requireCurrentYear(ctx: Context, cls: SchoolClass, rule: RuleId): void {
  if (cls.schoolYear < ctx.schoolYear) {
    throw ruleError(ErrorCode.PAST_YEAR, rule, `Class ${cls.code} belongs to the past school year ${cls.schoolYear}: its settings can no longer change.`);
  }
  if (cls.schoolYear > ctx.schoolYear) {
    throw badInput("classId", `is a class of the school year ${cls.schoolYear}: its settings are set once that year has begun`);
  }
}

/** What a change from the class's current settings to `next` would do, by row id. */
interface ChangePlan {
  dataSourceChanges: boolean;
  positioningChanges: boolean;
  /** Every report of the class as read when planning. */
  reports: Array<Pick<PeriodicReport, "id" | "status" | "readOnly" | "version">>;
  deletedReportIds: number[];
  frozenReportIds: number[];
  deletedEntryIds: number[];
  clearedEntries: Array<Pick<ReportEntry, "id" | "reportId" | "positioning" | "studentAverage" | "classAverage">>;
  programElementIds: number[];
  appreciationIds: number[];
  impact: ClassSettingsImpact;
}

/**
 * R-SEED-03/04 as ids. A first setting (previous value null) deletes nothing. A data-source change
 * deletes unlocked reports with their parts and the class-wide rows, and freezes locked ones; a
 * positioning change then clears positionings and averages of the DRAFT reports that remain. Locked
 * and read-only reports keep every value they hold (R-NEW-04); reports already read-only are neither
 * deleted nor frozen again.
 */
async function planChange(em: EntityManager, cls: SchoolClass, next: ClassSettings): Promise<ChangePlan> {
  const dataSourceChanges = cls.dataSource !== null && cls.dataSource !== next.dataSource;
  const positioningChanges = cls.positioningType !== null && cls.positioningType !== next.positioningType;
  const touchesReports = dataSourceChanges || positioningChanges;

  const reports = touchesReports
    ? await em.find(PeriodicReport, {
        where: { classId: cls.id },
        select: { id: true, status: true, readOnly: true, version: true },
        order: { id: "ASC" },
      })
    : [];
  const open = dataSourceChanges ? reports.filter((r) => !r.readOnly) : [];
  const deletedReportIds = open.filter((r) => r.status !== ReportStatus.LOCKED).map((r) => r.id);
  const frozenReportIds = open.filter((r) => r.status === ReportStatus.LOCKED).map((r) => r.id);

  const entries = reports.length
    ? await em
        .createQueryBuilder(ReportEntry, "e")
        .innerJoin(PeriodicReport, "r", "r.id = e.reportId")
        .select(["e.id", "e.reportId", "e.positioning", "e.studentAverage", "e.classAverage"])
        .where("r.classId = :classId", { classId: cls.id })
        .orderBy("e.id", "ASC")
        .getMany()
    : [];
  const deleted = new Set(deletedReportIds);
  const deletedEntryIds = entries.filter((e) => deleted.has(e.reportId)).map((e) => e.id);
  const remaining = entries.filter((e) => !deleted.has(e.reportId));
  const hasPositioning = (e: ReportEntry) => e.positioning !== null;
  const hasAverage = (e: ReportEntry) => e.studentAverage !== null || e.classAverage !== null;
  // R-NEW-04: what a locked or read-only report shows stays as it is, whatever the class's type becomes.
  const untouched = new Set(reports.filter((r) => r.readOnly || r.status === ReportStatus.LOCKED).map((r) => r.id));
  const kept = positioningChanges ? remaining.filter((e) => untouched.has(e.reportId)) : [];
  const clearedEntries = positioningChanges ? remaining.filter((e) => !untouched.has(e.reportId) && (hasPositioning(e) || hasAverage(e))) : [];

  const idsOf = async (target: typeof ClassProgramElement | typeof ClassDigitalSkillsAppreciation) =>
    dataSourceChanges
      ? (await em.find(target, { where: { classId: cls.id }, select: { id: true }, order: { id: "ASC" } })).map((r) => r.id)
      : [];
  const programElementIds = await idsOf(ClassProgramElement);
  const appreciationIds = await idsOf(ClassDigitalSkillsAppreciation);

  // What the deleted reports hold besides their entries, so the preview tells everything that is lost.
  const countIn = async (target: typeof ReportEntryElement | typeof ReportParcours | typeof ReportSupportMeasure | typeof ReportDigitalSkill, column: string, ids: number[]) => {
    let total = 0;
    for (const batch of chunks(ids)) total += await em.count(target, { where: { [column]: In(batch) } as never });
    return total;
  };
  const pupilProgramElementsDeleted = await countIn(ReportEntryElement, "entryId", deletedEntryIds);
  const otherReportPartsDeleted =
    (await countIn(ReportParcours, "reportId", deletedReportIds)) +
    (await countIn(ReportSupportMeasure, "reportId", deletedReportIds)) +
    (await countIn(ReportDigitalSkill, "reportId", deletedReportIds));

  const counts = {
    positioningsDeleted: clearedEntries.filter(hasPositioning).length,
    averagesDeleted: clearedEntries.filter(hasAverage).length,
    reportsDeleted: deletedReportIds.length,
    entriesDeleted: deletedEntryIds.length,
    pupilProgramElementsDeleted,
    otherReportPartsDeleted,
    classProgramElementsDeleted: programElementIds.length,
    collectiveAppreciationsDeleted: appreciationIds.length,
    reportsMadeReadOnly: frozenReportIds.length,
  };
  // What stays exactly as it is: told in the preview, never a reason to ask for confirmation.
  const keptCounts = {
    reportsUntouched: untouched.size,
    positioningsKept: kept.filter(hasPositioning).length,
    averagesKept: kept.filter(hasAverage).length,
  };
  return {
    dataSourceChanges,
    positioningChanges,
    reports,
    deletedReportIds,
    frozenReportIds,
    deletedEntryIds,
    clearedEntries,
    programElementIds,
    appreciationIds,
    impact: { ...counts, ...keptCounts, destructive: Object.values(counts).some((n) => n > 0) },
  };
}

const sameSettings = (a: ClassSettings, b: ClassSettings) => a.dataSource === b.dataSource && a.positioningType === b.positioningType;

/** R-SEED-02: the read-only preview of a change, counted per kind. Writes nothing. */
export async function classSettingsChangeImpact(ctx: Context, classId: number, settings: ClassSettingsInput): Promise<ClassSettingsImpact> {
  const cls = await findLedClass(ctx, classId);
  requireCurrentYear(ctx, cls, "R-SEED-09");
  return (await planChange(ctx.dataSource.manager, cls, { dataSource: settings.dataSource, positioningType: settings.positioningType })).impact;
}

/**
 * Sets a class's data source and positioning type (R-SEED-02/03/04). A change that destroys anything
 * needs confirmDataLoss; what it deletes or alters is archived in the same transaction (R-NEW-01).
 */
export async function updateClassSettings(
  ctx: Context,
  classId: number,
  settings: ClassSettingsInput,
  confirmDataLoss: boolean,
): Promise<ClassSettingsChangeResult> {
  const cls = await findLedClass(ctx, classId);
  requireCurrentYear(ctx, cls, "R-SEED-09");
  const next: ClassSettings = { dataSource: settings.dataSource, positioningType: settings.positioningType };
  if (sameSettings(settingsOf(cls), next)) return { class: cls, change: null };

  return inTransaction(ctx, async (em) => {
    // First statement: takes the class row (a concurrent change waits, then fails its version check),
    // so that the plan below reads what this change really applies to.
    await claimClass(em, cls, next);
    const plan = await planChange(em, cls, next);
    if (plan.impact.destructive && !confirmDataLoss) {
      throw ruleError(
        ErrorCode.DATA_LOSS_NOT_CONFIRMED,
        "R-SEED-02",
        "This change deletes or freezes data of the class: check the impact and send confirmDataLoss: true to go ahead.",
        { impact: plan.impact },
      );
    }
    const archive = await applyPlan(em, cls, plan);
    const inserted = await em.insert(ClassSettingsChange, {
      classId: cls.id,
      changedAt: ctx.clock.now(),
      changedByAccountId: ctx.principal!.accountId,
      previousDataSource: cls.dataSource,
      previousPositioningType: cls.positioningType,
      newDataSource: next.dataSource,
      newPositioningType: next.positioningType,
      impact: JSON.stringify(plan.impact),
      archive: "{}",
      restoredAt: null,
      restoredByAccountId: null,
    });
    const changeId = Number(inserted.identifiers[0].id);
    await writeArchive(em, changeId, archive);
    const { destructive: _destructive, ...counts } = plan.impact;
    await recordAudit(ctx, em, {
      action: "CHANGE_CLASS_SETTINGS",
      entityType: "SchoolClass",
      entityId: cls.id,
      schoolId: cls.schoolId,
      details: { changeId, previous: settingsOf(cls), new: next, ...counts },
    });
    const change = await em.findOneOrFail(ClassSettingsChange, { where: { id: changeId } });
    return { class: await em.findOneOrFail(SchoolClass, { where: { id: cls.id } }), change: toView(change) };
  });
}

/**
 * Writes the class's settings and bumps its version, only if nobody changed it since it was read:
 * of two concurrent changes or restores of one class, exactly one goes through.
 */
async function claimClass(em: EntityManager, cls: SchoolClass, settings: ClassSettings, rule?: RuleId): Promise<void> {
  const result = await em
    .createQueryBuilder()
    .update(SchoolClass)
    .set({ dataSource: settings.dataSource, positioningType: settings.positioningType, version: () => "version + 1" })
    .where("id = :id AND version = :version", { id: cls.id, version: cls.version })
    .execute();
  if (result.affected !== 1) throw conflict("The class's settings changed meanwhile: read them again and retry.", rule);
}

/** Archives, then deletes, freezes and clears as planned; bumps the version of every report whose content changed. */
async function applyPlan(em: EntityManager, cls: SchoolClass, plan: ChangePlan): Promise<ClassSettingsArchive> {
  const deleted: ClassSettingsArchive["deleted"] = {};
  if (plan.dataSourceChanges) {
    const byReport = plan.deletedReportIds;
    deleted.periodic_report = await loadRows(em, ARCHIVED_TABLES.periodic_report, "id", byReport);
    deleted.report_entry = await loadRows(em, ARCHIVED_TABLES.report_entry, "id", plan.deletedEntryIds);
    deleted.report_entry_teacher = await loadRows(em, ARCHIVED_TABLES.report_entry_teacher, "entryId", plan.deletedEntryIds);
    deleted.report_entry_element = await loadRows(em, ARCHIVED_TABLES.report_entry_element, "entryId", plan.deletedEntryIds);
    for (const table of ["report_reference_teacher", "report_digital_skill", "report_parcours", "report_support_measure"] as const) {
      deleted[table] = await loadRows(em, ARCHIVED_TABLES[table], "reportId", byReport);
    }
    deleted.class_program_element = await loadRows(em, ARCHIVED_TABLES.class_program_element, "id", plan.programElementIds);
    deleted.class_digital_skills_appreciation = await loadRows(em, ARCHIVED_TABLES.class_digital_skills_appreciation, "id", plan.appreciationIds);

    // Children first: nothing relies on ON DELETE CASCADE.
    for (const table of [...ARCHIVED_TABLE_ORDER].reverse()) {
      const ids = (deleted[table] ?? []).map((row) => Number(row.id));
      if (ids.length) await deleteByIds(em, ARCHIVED_TABLES[table], ids);
    }
    // R-SEED-04(a): locked reports stay, read-only for good.
    for (const part of chunks(plan.frozenReportIds)) await em.update(PeriodicReport, { id: In(part) }, { readOnly: true });
  }

  if (plan.clearedEntries.length) {
    // R-SEED-03: positionings and averages only; appreciations and program elements stay.
    for (const part of chunks(plan.clearedEntries.map((e) => e.id))) {
      await em.update(ReportEntry, { id: In(part) }, { positioning: null, studentAverage: null, classAverage: null });
    }
  }

  const changedReportIds = [...new Set([...plan.frozenReportIds, ...plan.clearedEntries.map((e) => e.reportId)])].sort((a, b) => a - b);
  for (const part of chunks(changedReportIds)) {
    await em.createQueryBuilder().update(PeriodicReport).set({ version: () => "version + 1" }).whereInIds(part).execute();
  }
  const changed = new Set(changedReportIds);

  const after = await em.find(PeriodicReport, { where: { classId: cls.id }, select: { id: true, version: true }, order: { id: "ASC" } });
  return {
    format: 1,
    deleted,
    reports: plan.reports.filter((r) => changed.has(r.id)).map((r) => ({ id: r.id, readOnly: r.readOnly, version: r.version })),
    entries: plan.clearedEntries.map((e) => ({
      id: e.id,
      positioning: e.positioning,
      studentAverage: e.studentAverage,
      classAverage: e.classAverage,
    })),
    after: {
      reports: after.map((r) => ({ id: r.id, version: r.version })),
      // A data-source change empties the class-wide tables; a restore re-inserts into them only if still empty.
      classProgramElementIds: plan.dataSourceChanges ? [] : null,
      collectiveAppreciationIds: plan.dataSourceChanges ? [] : null,
    },
  };
}

/** A change the caller may see (its class is in their scope), or NOT_FOUND exactly like a missing one. */
async function findVisibleChange(ctx: Context, changeId: number): Promise<ClassSettingsChange> {
  const qb = ctx.dataSource
    .getRepository(ClassSettingsChange)
    .createQueryBuilder("ch")
    .innerJoin(SchoolClass, "c", "c.id = ch.classId")
    .where("ch.id = :changeId", { changeId });
  const change = await scopeClasses(ctx, qb, "c").getOne();
  if (!change) throw notFound("Class settings change");
  return change;
}

/**
 * R-NEW-01: puts the class back exactly as it was before `changeId`: settings, deleted rows with their
 * ids, cleared positionings and averages, read-only flags and report versions. Refused with CONFLICT
 * when the change is already restored, is not the latest unrestored change of the class, or when
 * the class's reports or class-wide rows changed since: nothing is ever overwritten silently.
 */
export async function restoreClassSettingsChange(ctx: Context, changeId: number): Promise<SchoolClass> {
  const change = await findVisibleChange(ctx, changeId);
  const cls = await findLedClass(ctx, change.classId);
  if (cls.schoolYear !== ctx.schoolYear) {
    throw ruleError(ErrorCode.PAST_YEAR, "R-NEW-01", `Class ${cls.code} belongs to the school year ${cls.schoolYear}: its settings changes can be restored only during that year.`);
  }
  if (change.restoredAt) throw conflict("This settings change has already been restored.", "R-NEW-01");
  const archive = await readArchive(ctx.dataSource.manager, change);
  const previous: ClassSettings = { dataSource: change.previousDataSource, positioningType: change.previousPositioningType };

  return inTransaction(ctx, async (em) => {
    const marked = await em
      .createQueryBuilder()
      .update(ClassSettingsChange)
      .set({ restoredAt: ctx.clock.now(), restoredByAccountId: ctx.principal!.accountId })
      .where("id = :id AND restoredAt IS NULL", { id: change.id })
      .execute();
    if (marked.affected !== 1) throw conflict("This settings change has already been restored.", "R-NEW-01");
    await claimClass(em, cls, previous, "R-NEW-01");

    const later = await em.count(ClassSettingsChange, { where: { classId: cls.id, id: MoreThan(change.id), restoredAt: IsNull() } });
    if (later > 0) throw conflict("A later settings change of this class must be restored first.", "R-NEW-01");
    if (!sameSettings(settingsOf(cls), { dataSource: change.newDataSource, positioningType: change.newPositioningType })) {
      throw conflict("The class's settings are no longer those this change set.", "R-NEW-01");
    }
    await requireUntouchedSince(em, cls.id, archive);

    for (const table of ARCHIVED_TABLE_ORDER) {
      const rows: StoredRow[] = archive.deleted[table] ?? [];
      if (rows.length) await insertRows(em, ARCHIVED_TABLES[table], rows);
    }
    await restoreGrouped(archive.entries, (e) => [e.positioning, e.studentAverage, e.classAverage], (ids, e) =>
      em.update(ReportEntry, { id: In(ids) }, { positioning: e.positioning, studentAverage: e.studentAverage, classAverage: e.classAverage }),
    );
    await restoreGrouped(archive.reports, (r) => [r.readOnly, r.version], (ids, r) =>
      em.update(PeriodicReport, { id: In(ids) }, { readOnly: r.readOnly, version: r.version }),
    );

    const impact = parseImpact(change.impact);
    const { destructive: _destructive, ...counts } = impact;
    await recordAudit(ctx, em, {
      action: "RESTORE_CLASS_SETTINGS",
      entityType: "SchoolClass",
      entityId: cls.id,
      schoolId: cls.schoolId,
      details: { changeId: change.id, restored: previous, replaced: settingsOf(cls), ...counts },
    });
    return em.findOneOrFail(SchoolClass, { where: { id: cls.id } });
  });
}

/** CONFLICT when a report was created, deleted or edited, or a class-wide row added, since the change. */
async function requireUntouchedSince(em: EntityManager, classId: number, archive: ClassSettingsArchive): Promise<void> {
  const now = await em.find(PeriodicReport, { where: { classId }, select: { id: true, version: true }, order: { id: "ASC" } });
  const left = new Map(archive.after.reports.map((r) => [r.id, r.version]));
  const moved = now.length !== left.size || now.some((r) => left.get(r.id) !== r.version);
  if (moved) {
    throw conflict("Reports of this class were created or edited since the change: restoring it would overwrite them.", "R-NEW-01");
  }
  const sameIds = async (target: typeof ClassProgramElement | typeof ClassDigitalSkillsAppreciation, expected: number[] | null) => {
    if (expected === null) return true;
    const ids = (await em.find(target, { where: { classId }, select: { id: true } })).map((r) => r.id);
    return ids.length === expected.length && ids.every((id) => expected.includes(id));
  };
  if (
    !(await sameIds(ClassProgramElement, archive.after.classProgramElementIds)) ||
    !(await sameIds(ClassDigitalSkillsAppreciation, archive.after.collectiveAppreciationIds))
  ) {
    throw conflict("Class-wide program elements or the collective appreciation were entered since the change: restoring it would overwrite them.", "R-NEW-01");
  }
}

/** One UPDATE per distinct set of values rather than one per row. */
async function restoreGrouped<T extends { id: number }>(
  rows: T[],
  valuesOf: (row: T) => unknown[],
  write: (ids: number[], sample: T) => Promise<unknown>,
): Promise<void> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = JSON.stringify(valuesOf(row));
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    for (const part of chunks(group.map((r) => r.id))) await write(part, group[0]);
  }
}

const ZERO_IMPACT: ClassSettingsImpact = {
  positioningsDeleted: 0,
  averagesDeleted: 0,
  reportsDeleted: 0,
  entriesDeleted: 0,
  pupilProgramElementsDeleted: 0,
  otherReportPartsDeleted: 0,
  classProgramElementsDeleted: 0,
  collectiveAppreciationsDeleted: 0,
  reportsMadeReadOnly: 0,
  reportsUntouched: 0,
  positioningsKept: 0,
  averagesKept: 0,
  destructive: false,
};

function parseImpact(stored: string): ClassSettingsImpact {
  try {
    return { ...ZERO_IMPACT, ...(JSON.parse(stored) as Partial<ClassSettingsImpact>) };
  } catch {
    return ZERO_IMPACT;
  }
}

export function toView(change: ClassSettingsChange): ClassSettingsChangeView {
  return {
    id: change.id,
    changedAt: change.changedAt,
    previousSettings: { dataSource: change.previousDataSource, positioningType: change.previousPositioningType },
    newSettings: { dataSource: change.newDataSource, positioningType: change.newPositioningType },
    impact: parseImpact(change.impact),
    restoredAt: change.restoredAt,
  };
}

/** The class's settings changes, newest first, for the lead of its school only. */
export async function settingsChanges(ctx: Context, cls: SchoolClass): Promise<ClassSettingsChangeView[]> {
  // The shield rule lets any school lead through; a lead who sees this class only as a teacher elsewhere is refused here.
  if (!mayManageClassSettings(ctx, cls)) throw forbidden("Only the DIRECTOR or HEAD of this school may read its settings changes.");
  return (await ctx.loaders.settingsChangesByClass.load(cls.id)).map(toView);
}

