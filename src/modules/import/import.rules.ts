import { inheritsParent, isSchoolLead } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

export const importRules: RuleTree = {
  // The service narrows to a school the caller leads (NOT_FOUND / FORBIDDEN otherwise).
  Query: { importBatch: isSchoolLead },
  School: { importBatches: isSchoolLead },
  ImportBatchView: { "*": inheritsParent },
  ImportBatchPage: { "*": inheritsParent },
  ImportReportOutcome: { "*": inheritsParent },
  ImportMessage: { "*": inheritsParent },
};
