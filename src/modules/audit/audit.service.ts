import { EntityManager } from "typeorm";
import { Context } from "../../common/context";
import { forbidden } from "../../common/errors";
import { Page, PageArgs, paginate } from "../../common/paging";
import { findVisibleSchool } from "../school/school.service";
import { AuditEvent } from "./audit-event.entity";

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
  const school = await findVisibleSchool(ctx, filter.schoolId);
  if (!ctx.principal?.leadSchoolIds.includes(school.id)) {
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
