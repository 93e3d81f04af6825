import { inheritsParent, isSchoolLead } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

export const auditRules: RuleTree = {
  // The service narrows to the school the caller leads (NOT_FOUND / FORBIDDEN otherwise).
  Query: { auditTrail: isSchoolLead },
  AuditEvent: { "*": inheritsParent },
  AuditEventPage: { "*": inheritsParent },
};
