import { EntityManager } from "typeorm";
import { Context } from "../../common/context";
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
