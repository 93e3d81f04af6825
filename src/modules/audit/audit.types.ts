import { PageType } from "../../common/paging";
import { AuditEvent } from "./audit-event.entity";

export const AuditEventPage = PageType(AuditEvent, "AuditEventPage");
