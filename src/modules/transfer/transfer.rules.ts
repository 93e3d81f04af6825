import { inheritsParent, isSchoolLead } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

/** Transfers are the receiving school's DIRECTOR/HEAD's; which school they lead is checked by the service. */
export const transferRules: RuleTree = {
  Mutation: { transferStudentInterAcademic: isSchoolLead },
  TransferResult: { "*": inheritsParent },
};
