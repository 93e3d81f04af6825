import { inheritsParent, isSchoolLead } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

/** Settings are the DIRECTOR/HEAD's; which class they may act on is checked by the service. */
export const classSettingsRules: RuleTree = {
  Query: { classSettingsChangeImpact: isSchoolLead },
  Mutation: { updateClassSettings: isSchoolLead, restoreClassSettingsChange: isSchoolLead },
  SchoolClass: { settingsChanges: isSchoolLead },
  ClassSettings: { "*": inheritsParent },
  ClassSettingsImpact: { "*": inheritsParent },
  ClassSettingsChangeView: { "*": inheritsParent },
  ClassSettingsChangeResult: { "*": inheritsParent },
};
