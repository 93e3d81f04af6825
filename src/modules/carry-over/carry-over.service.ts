import { EntityManager, In } from "typeorm";
import { Context, inTransaction } from "../../common/context";
import { badInput, ErrorCode, forbidden, ruleError } from "../../common/errors";
import { TeachingAssignment } from "../account/teaching-assignment.entity";
import { recordAudit } from "../audit/audit.service";
import { findVisibleClass } from "../class/class.service";
import { SchoolClass } from "../class/school-class.entity";
import { Period } from "../period/period.entity";
import { PeriodicReport, ReportStatus } from "../report/periodic-report.entity";
import { ClassProgramElement, ReportEntry, ReportEntryElement } from "../report/report-parts.entity";
import { requireEntrySettings } from "../report/report.service";
import { lockClassRow, supportsRowLocks } from "../../db/row-locks";
import { CarriedOverElement, CarryOverResult } from "./carry-over.types";
import { carriesAllSubjects, mayCarryOver } from "./carry-over.policy";
import { checkBound } from "../../common/bounds";

/** An element offered by last year: the whole-class element it comes from, or null for a pupil's own one. */
interface Offered extends CarriedOverElement {
  sourceId: number | null;
}

const key = (...parts: Array<string | number>) => JSON.stringify(parts);

/** Rows per INSERT: well below every driver's bound-parameter limit. */
const BATCH = 100;

/**
 * R-SEED-08: refused once any report of the class is locked this year. Inside the transaction on
 * MariaDB/MySQL the reports are read FOR UPDATE, so a lock racing with the carry-over either waits for
 * it or is seen by it. SQLite admits one writer at a time and supports no such clause.
 */
async function refuseWhenLocked(ctx: Context, em: EntityManager, cls: SchoolClass, lockRows: boolean): Promise<void> {
  const qb = em
    .createQueryBuilder(PeriodicReport, "r")
    .select(["r.id", "r.status"])
    .where("r.classId = :classId AND r.schoolYear = :year", { classId: cls.id, year: ctx.schoolYear });
  if (lockRows && supportsRowLocks(em)) qb.setLock("pessimistic_write");
  const reports = await qb.getMany();
  if (reports.some((r) => r.status === ReportStatus.LOCKED)) {
    throw ruleError(
      ErrorCode.CARRY_OVER_UNAVAILABLE,
      "R-SEED-08",
      `A periodic report of class ${cls.code} is already locked this year: program elements can no longer be carried over.`,
    );
  }
}

/**
 * R-SEED-07: brings the previous year's program elements of the class's teachers and subjects into
 * every period of the class at once. A teacher brings their own subjects; the DIRECTOR/HEAD all of
 * the class's. Idempotent: a label already in a period for that subject is not added again.
 */
export async function carryOverProgramElements(ctx: Context, classId: number): Promise<CarryOverResult> {
  const em = ctx.dataSource.manager;
  const cls = await findVisibleClass(ctx, classId);
  const p = ctx.principal!;
  const isLead = carriesAllSubjects(ctx, cls);
  if (!mayCarryOver(ctx, cls)) {
    throw forbidden("Only the class's teachers and its DIRECTOR/HEAD may carry program elements over.");
  }
  if (cls.schoolYear < ctx.schoolYear) {
    throw ruleError(ErrorCode.PAST_YEAR, "R-SEED-09", `Class ${cls.code} belongs to the past school year ${cls.schoolYear}: nothing can be carried into it.`);
  }
  if (cls.schoolYear > ctx.schoolYear) {
    throw badInput("classId", `is a class of the school year ${cls.schoolYear}: carry-over runs once that year has begun`);
  }
  const periods = cls.periodSchemeId === null ? [] : await em.find(Period, { where: { schemeId: cls.periodSchemeId }, order: { position: "ASC" } });
  if (!periods.length) {
    throw ruleError(ErrorCode.PERIODS_NOT_CONFIGURED, "R-SEED-01", `Periods are not set for class ${cls.code}: its DIRECTOR/HEAD must set them first.`);
  }
  requireEntrySettings(cls);
  await refuseWhenLocked(ctx, em, cls, false);

  const offered = await offeredElements(ctx, em, cls, isLead ? null : p.accountId);
  const result: CarryOverResult = { brought: [], periodsCovered: periods.length, alreadyPresent: 0 };
  if (!offered.length) return result;

  return inTransaction(ctx, async (tx) => {
    // Takes the class row so that two carry-overs of one class run one after the other and never duplicate.
    await lockClassRow(tx, cls.id);
    await refuseWhenLocked(ctx, tx, cls, true);
    // A locking read on MariaDB/MySQL: it sees what a carry-over that held the class just before committed.
    const existingQb = tx
      .createQueryBuilder(ClassProgramElement, "e")
      .select(["e.id", "e.periodId", "e.subjectCode", "e.label"])
      .where("e.classId = :classId", { classId: cls.id });
    if (supportsRowLocks(tx)) existingQb.setLock("pessimistic_write");
    const existing = await existingQb.getMany();
    const present = new Set(existing.map((e) => key(e.periodId, e.subjectCode, e.label)));
    const rows: Array<Partial<ClassProgramElement>> = [];
    for (const element of offered) {
      const missing = periods.filter((period) => !present.has(key(period.id, element.subjectCode, element.label)));
      if (!missing.length) {
        result.alreadyPresent += 1;
        continue;
      }
      result.brought.push({ subjectCode: element.subjectCode, label: element.label });
      for (const period of missing) {
        rows.push({ classId: cls.id, periodId: period.id, subjectCode: element.subjectCode, label: element.label, carriedOverFromId: element.sourceId });
      }
    }
    if (!rows.length) return result;
    refuseOverBounds(existing, rows);
    for (let i = 0; i < rows.length; i += BATCH) await tx.insert(ClassProgramElement, rows.slice(i, i + BATCH));
    await recordAudit(ctx, tx, {
      action: "CARRY_OVER_PROGRAM_ELEMENTS",
      entityType: "SchoolClass",
      entityId: cls.id,
      schoolId: cls.schoolId,
      details: {
        fromSchoolYear: ctx.schoolYear - 1,
        elementsBrought: result.brought.length,
        rowsInserted: rows.length,
        alreadyPresent: result.alreadyPresent,
        periods: periods.length,
      },
    });
    return result;
  });
}

/**
 * The previous year's elements of each (teacher, subject) of the class this year (only the caller's
 * own when `onlyAccountId` is set), in the same school: the whole-class elements of the classes that
 * teacher taught that subject to, then the pupils' own elements of that subject in those classes'
 * reports; each label once per subject. Whole-class elements a data-source change deleted are no
 * longer in class_program_element (only in the change's archive), so they are not offered
 * (R-SEED-04c); restoring the change puts them back, and they are offered again.
 */
async function offeredElements(ctx: Context, em: EntityManager, cls: SchoolClass, onlyAccountId: number | null): Promise<Offered[]> {
  const current = await em.find(TeachingAssignment, {
    where: { classId: cls.id, schoolYear: ctx.schoolYear, ...(onlyAccountId === null ? {} : { accountId: onlyAccountId }) },
  });
  if (!current.length) return [];
  const taught = new Set(current.map((a) => key(a.accountId, a.subjectCode)));
  const subjects = [...new Set(current.map((a) => a.subjectCode))];

  const previous = await em
    .createQueryBuilder(TeachingAssignment, "ta")
    .innerJoin(SchoolClass, "c", "c.id = ta.classId")
    .where("ta.accountId IN (:...accounts) AND ta.schoolYear = :year AND ta.subjectCode IN (:...subjects) AND c.schoolId = :schoolId", {
      accounts: [...new Set(current.map((a) => a.accountId))],
      year: ctx.schoolYear - 1,
      subjects,
      schoolId: cls.schoolId,
    })
    .getMany();
  // (class of last year, subject) pairs that one of this year's teachers taught with the same subject.
  const sources = new Set(previous.filter((a) => a.classId !== null && taught.has(key(a.accountId, a.subjectCode))).map((a) => key(a.classId!, a.subjectCode)));
  if (!sources.size) return [];
  const sourceClassIds = [...new Set(previous.map((a) => a.classId!))];

  const wholeClass = await em.find(ClassProgramElement, {
    where: { classId: In(sourceClassIds), subjectCode: In(subjects) },
    order: { id: "ASC" },
  });
  const individual: Array<{ label: string; subjectCode: string; classId: number | string }> = await em
    .createQueryBuilder(ReportEntryElement, "el")
    .innerJoin(ReportEntry, "e", "e.id = el.entryId")
    .innerJoin(PeriodicReport, "r", "r.id = e.reportId")
    .select("el.label", "label")
    .addSelect("e.subjectCode", "subjectCode")
    .addSelect("r.classId", "classId")
    .where("r.classId IN (:...classIds) AND e.subjectCode IN (:...subjects)", { classIds: sourceClassIds, subjects })
    .orderBy("el.id", "ASC")
    .getRawMany();

  const offered = new Map<string, Offered>();
  const offer = (classId: number, subjectCode: string, label: string, sourceId: number | null) => {
    if (!sources.has(key(classId, subjectCode)) || offered.has(key(subjectCode, label))) return;
    offered.set(key(subjectCode, label), { subjectCode, label, sourceId });
  };
  for (const e of wholeClass) offer(e.classId, e.subjectCode, e.label, e.id);
  for (const e of individual) offer(Number(e.classId), e.subjectCode, e.label, null);
  // By subject, then in last year's order.
  return [...offered.values()].sort((a, b) => (a.subjectCode < b.subjectCode ? -1 : a.subjectCode > b.subjectCode ? 1 : 0));
}

/** The bounds the cost limit counts on (src/common/bounds.ts) hold after a carry-over too, or it writes nothing. */
function refuseOverBounds(existing: Array<Pick<ClassProgramElement, "periodId" | "subjectCode">>, rows: Array<Partial<ClassProgramElement>>): void {
  const perPeriod = new Map<number, number>();
  const perSubject = new Map<string, number>();
  for (const e of [...existing, ...rows]) {
    perPeriod.set(e.periodId!, (perPeriod.get(e.periodId!) ?? 0) + 1);
    const k = `${e.periodId}:${e.subjectCode}`;
    perSubject.set(k, (perSubject.get(k) ?? 0) + 1);
  }
  // The carry-over would make this many: past a bound, it writes nothing.
  checkBound("classId", "classProgramElementsPerPeriod", Math.max(...perPeriod.values()), "whole-class elements per class and period, all subjects together, after the carry-over");
  checkBound("classId", "classProgramElementsPerSubject", Math.max(...perSubject.values()), "whole-class elements per subject and period, after the carry-over");
}
