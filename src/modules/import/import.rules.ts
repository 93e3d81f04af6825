import { inheritsParent, isSchoolLead } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";
import { Principal } from "../../auth/principal";
import { AccountKind } from "../../common/domain";

/**
 * The one decision "may this caller import LSU files into this school": its DIRECTOR (école) or HEAD
 * (collège), nobody else. The school must also be visible to the caller; one that is not answers like a
 * missing one (the service checks visibility first).
 */
export function mayImportInto(principal: Principal | null, schoolId: number): boolean {
  return principal?.kind === AccountKind.STAFF && principal.leadSchoolIds.includes(schoolId);
}

export const importRules: RuleTree = {
  // The service narrows to a school the caller leads (NOT_FOUND / FORBIDDEN otherwise).
  Query: { importBatch: isSchoolLead },
  School: { importBatches: isSchoolLead },
  ImportBatchView: { "*": inheritsParent },
  ImportBatchPage: { "*": inheritsParent },
  ImportReportOutcome: { "*": inheritsParent },
  ImportMessage: { "*": inheritsParent },
};
