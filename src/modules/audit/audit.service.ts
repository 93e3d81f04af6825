import { checkLength } from "../../common/text";
import { EntityManager } from "typeorm";
import { Context } from "../../common/context";
import { forbidden } from "../../common/errors";
import { Page, PageArgs, paginate } from "../../common/paging";
import { findVisibleSchool } from "../school/school.service";
import { AuditEvent } from "./audit-event.entity";
import { mayReadAuditTrail } from "./audit.policy";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  schoolId?: number | null;
  studentId?: number | null;
  /** Identifiers and field names only: never a pupil's text. */
  details?: Record<string, unknown>;
}

/** Records an audit event inside the caller's transaction (R-NEW-02). */
export async function recordAudit(ctx: Context | null, em: EntityManager, entry: AuditEntry): Promise<void> {
  await em.insert(AuditEvent, {
    actorAccountId: ctx?.principal?.accountId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    schoolId: entry.schoolId ?? null,
    studentId: entry.studentId ?? null,
    requestId: ctx?.requestId ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
  });
}

/** The longest action name a filter may hold. */
const AUDIT_ACTION_MAX = 60;

export interface AuditTrailFilter {
  schoolId: number;
  action?: string | null;
  studentId?: number | null;
}

/**
 * A school's audit trail for its DIRECTOR/HEAD (R-NEW-02), newest first. A school the caller cannot
 * see answers NOT_FOUND; a visible one they do not lead (a teacher's, a DASEN's école) FORBIDDEN.
 * Filters are applied in SQL before paging, so totalCount covers exactly the filtered rows.
 */
export async function auditTrail(ctx: Context, filter: AuditTrailFilter, page: PageArgs): Promise<Page<AuditEvent>> {
  if (filter.action) checkLength(filter.action, "action", AUDIT_ACTION_MAX);
  const school = await findVisibleSchool(ctx, filter.schoolId);
  if (!mayReadAuditTrail(ctx, school.id)) {
    throw forbidden("Only the DIRECTOR or HEAD of this school may read its audit trail.");
  }
  const qb = ctx.dataSource
    .getRepository(AuditEvent)
    .createQueryBuilder("event")
    .where("event.schoolId = :schoolId", { schoolId: school.id })
    .orderBy("event.at", "DESC")
    .addOrderBy("event.id", "DESC");
  if (filter.action) qb.andWhere("event.action = :action", { action: filter.action });
  if (filter.studentId) qb.andWhere("event.studentId = :studentId", { studentId: filter.studentId });
  return paginate(qb, page);
}

/**
 * R-NEW-02: one READ_STUDENT_RECORD event per pupil whose record a staff member read in this request,
 * filed under the pupil's school of the current year so the school's lead sees it in the trail.
 */
export async function recordStudentReads(ctx: Context, studentIds: number[]): Promise<void> {
  if (!studentIds.length) return;
  const enrolments: Array<{ studentId: number; schoolId: number }> = await ctx.dataSource
    .createQueryBuilder()
    .select("e.studentId", "studentId")
    .addSelect("e.schoolId", "schoolId")
    .from("enrolment", "e")
    .where("e.studentId IN (:...studentIds) AND e.schoolYear = :year", { studentIds, year: ctx.schoolYear })
    .getRawMany();
  const schoolOf = new Map(enrolments.map((e) => [Number(e.studentId), Number(e.schoolId)]));
  await ctx.dataSource.getRepository(AuditEvent).insert(
    studentIds.map((studentId) => ({
      actorAccountId: ctx.principal?.accountId ?? null,
      action: "READ_STUDENT_RECORD",
      entityType: "Student",
      entityId: String(studentId),
      schoolId: schoolOf.get(studentId) ?? null,
      studentId,
      requestId: ctx.requestId,
      details: null,
    })),
  );
}
