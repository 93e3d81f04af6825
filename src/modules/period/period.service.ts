import { checkLength } from "../../common/text";
import { EntityManager, In } from "typeorm";
import { Context, inTransaction } from "../../common/context";
import { badInput, conflict, ErrorCode, forbidden, ruleError } from "../../common/errors";
import { parseId } from "../../common/ids";
import { schoolYearBounds } from "../../common/school-year";
import { recordAudit } from "../audit/audit.service";
import { SchoolClass } from "../class/school-class.entity";
import { PeriodicReport, ReportStatus } from "../report/periodic-report.entity";
import { findVisibleSchool } from "../school/school.service";
import { Period } from "./period.entity";
import { PeriodScheme } from "./period-scheme.entity";
import { ConfigurePeriodsInput, PeriodInput } from "./period.inputs";
import { mayConfigurePeriods } from "./period.policy";

/** Checks that periods are dated, ordered, non-overlapping and inside the school year. */
export function validatePeriods(periods: PeriodInput[], schoolYear: number): void {
  const { startsOn: yearStart, endsOn: yearEnd } = schoolYearBounds(schoolYear);
  periods.forEach((p, i) => {
    if (p.startsOn > p.endsOn) throw badInput(`periods[${i}].endsOn`, "must not be before startsOn");
    if (p.startsOn < yearStart || p.endsOn > yearEnd) {
      throw badInput(`periods[${i}]`, `must lie inside the school year (${yearStart} to ${yearEnd})`);
    }
    if (i > 0 && p.startsOn <= periods[i - 1].endsOn) {
      throw badInput(`periods[${i}].startsOn`, "must come after the end of the previous period (periods are ordered and do not overlap)");
    }
  });
}

/**
 * R-NEW-04: a locked (or read-only) report shows the dates of its period as they were when it was
 * locked, so a period holding one keeps its dates until every such report is unlocked.
 */
async function refuseMovingLockedPeriods(em: EntityManager, existing: Period[], next: PeriodInput[]): Promise<void> {
  const moved = existing.filter((p) => {
    const wanted = next[p.position - 1];
    return wanted && (wanted.startsOn !== p.startsOn || wanted.endsOn !== p.endsOn);
  });
  if (!moved.length) return;
  const locked = await em
    .createQueryBuilder(PeriodicReport, "r")
    .select("r.periodId", "periodId")
    .where("r.periodId IN (:...ids)", { ids: moved.map((p) => p.id) })
    .andWhere("(r.status = :locked OR r.readOnly = :readOnly)", { locked: ReportStatus.LOCKED, readOnly: true })
    .groupBy("r.periodId")
    .getRawMany<{ periodId: number }>();
  if (!locked.length) return;
  const positions = moved.filter((p) => locked.some((l) => Number(l.periodId) === p.id)).map((p) => p.position);
  throw ruleError(
    ErrorCode.REPORT_LOCKED,
    "R-NEW-04",
    `Period ${positions.join(", ")} holds locked reports: its dates cannot move until they are unlocked.`,
  );
}

/**
 * Creates or replaces a period scheme of the current year, and which classes follow it (R-SEED-01).
 * Refused with CONFLICT when it would remove a period that already has reports, or move a class
 * that already has reports this year to another scheme.
 */
/** The longest scheme name (counted by checkLength, in characters). */
export const PERIOD_SCHEME_NAME_MAX = 50;

export async function configurePeriods(ctx: Context, input: ConfigurePeriodsInput): Promise<PeriodScheme> {
  const school = await findVisibleSchool(ctx, parseId(input.schoolId, "schoolId"));
  if (!mayConfigurePeriods(ctx, school)) {
    throw forbidden("Only the DIRECTOR or HEAD of this school may set its periods.");
  }
  const name = input.name.trim();
  if (!name) throw badInput("name", "must not be blank");
  checkLength(name, "name", PERIOD_SCHEME_NAME_MAX);
  const schoolYear = ctx.schoolYear;
  validatePeriods(input.periods, schoolYear);
  const classIds = input.classIds?.map((id, i) => parseId(id, `classIds[${i}]`));

  return inTransaction(ctx, async (em) => {
    let scheme = await em.findOne(PeriodScheme, { where: { schoolId: school.id, schoolYear, name } });
    const existing = scheme ? await em.find(Period, { where: { schemeId: scheme.id }, order: { position: "ASC" } }) : [];
    const removed = existing.filter((p) => p.position > input.periods.length);
    if (removed.length) {
      const reportCount = await em.count(PeriodicReport, { where: { periodId: In(removed.map((p) => p.id)) } });
      if (reportCount > 0) {
        throw conflict(
          `Reports exist on period ${removed.map((p) => p.position).join(", ")} of "${name}": it cannot be removed.`,
          "R-SEED-01",
        );
      }
    }

    await refuseMovingLockedPeriods(em, existing, input.periods);

    if (!scheme) {
      scheme = await em.save(em.create(PeriodScheme, { schoolId: school.id, schoolYear, name, version: 1 }));
    } else {
      await em.update(PeriodScheme, { id: scheme.id }, { version: scheme.version + 1 });
    }
    if (removed.length) await em.delete(Period, { id: In(removed.map((p) => p.id)) });
    for (const [i, p] of input.periods.entries()) {
      const current = existing.find((e) => e.position === i + 1);
      if (current) await em.update(Period, { id: current.id }, { startsOn: p.startsOn, endsOn: p.endsOn });
      else await em.insert(Period, { schemeId: scheme.id, position: i + 1, startsOn: p.startsOn, endsOn: p.endsOn });
    }

    const linkChanges = classIds ? await relinkClasses(em, school.id, schoolYear, scheme.id, classIds) : { linked: [], unlinked: [] };
    await recordAudit(ctx, em, {
      action: "CONFIGURE_PERIODS",
      entityType: "PeriodScheme",
      entityId: scheme.id,
      schoolId: school.id,
      details: { name, schoolYear, periodCount: input.periods.length, removedPositions: removed.map((p) => p.position), ...linkChanges },
    });
    return (await em.findOneOrFail(PeriodScheme, { where: { id: scheme.id } })) as PeriodScheme;
  });
}

/** Makes exactly `classIds` follow the scheme; a class with reports this year keeps its scheme. */
async function relinkClasses(em: EntityManager, schoolId: number, schoolYear: number, schemeId: number, classIds: number[]) {
  const wanted = new Set(classIds);
  const classes = wanted.size ? await em.find(SchoolClass, { where: { id: In([...wanted]) } }) : [];
  classIds.forEach((id, i) => {
    const cls = classes.find((c) => c.id === id);
    if (!cls || cls.schoolId !== schoolId || cls.schoolYear !== schoolYear) {
      throw badInput(`classIds[${i}]`, `is not a class of this school for ${schoolYear}`);
    }
  });
  const currentlyLinked = await em.find(SchoolClass, { where: { periodSchemeId: schemeId } });
  const toLink = classes.filter((c) => c.periodSchemeId !== schemeId);
  const toUnlink = currentlyLinked.filter((c) => !wanted.has(c.id));
  const moving = [...toLink.filter((c) => c.periodSchemeId !== null), ...toUnlink];
  if (moving.length) {
    const withReports = await em
      .createQueryBuilder(PeriodicReport, "r")
      .select("DISTINCT r.classId", "classId")
      .where("r.classId IN (:...ids)", { ids: moving.map((c) => c.id) })
      .getRawMany<{ classId: number }>();
    if (withReports.length) {
      const codes = moving.filter((c) => withReports.some((r) => Number(r.classId) === c.id)).map((c) => c.code);
      throw conflict(`Class ${codes.join(", ")} already has reports on its periods: it cannot change scheme.`, "R-SEED-01");
    }
  }
  if (toLink.length) await em.update(SchoolClass, { id: In(toLink.map((c) => c.id)) }, { periodSchemeId: schemeId });
  if (toUnlink.length) await em.update(SchoolClass, { id: In(toUnlink.map((c) => c.id)) }, { periodSchemeId: null });
  return { linked: toLink.map((c) => c.id), unlinked: toUnlink.map((c) => c.id) };
}
