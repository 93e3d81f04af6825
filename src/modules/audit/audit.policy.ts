import { Context } from "../../common/context";
import { leads } from "../../auth/policy";

/** A school's audit trail: its DIRECTOR/HEAD. */
export const mayReadAuditTrail = (ctx: Context, schoolId: number): boolean => leads(ctx.principal, schoolId);
