import { Args, Ctx, Query, Resolver } from "type-graphql";
import { Context } from "../../common/context";
import { parseId } from "../../common/ids";
import { Page } from "../../common/paging";
import { AuditEvent } from "./audit-event.entity";
import { AuditTrailArgs } from "./audit.inputs";
import { AuditEventPage } from "./audit.types";
import * as audit from "./audit.service";

/** The school's audit trail for its DIRECTOR/HEAD (R-NEW-02). */
@Resolver()
export class AuditResolver {
  @Query(() => AuditEventPage, { description: "Audit events of a school, newest first (its DIRECTOR/HEAD only)." })
  auditTrail(@Ctx() ctx: Context, @Args() args: AuditTrailArgs): Promise<Page<AuditEvent>> {
    const studentId = args.studentId === undefined || args.studentId === null ? null : parseId(args.studentId, "studentId");
    return audit.auditTrail(
      ctx,
      { schoolId: parseId(args.schoolId, "schoolId"), action: args.action ?? null, studentId },
      args,
    );
  }
}
