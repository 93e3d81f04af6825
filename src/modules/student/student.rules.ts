import { isAuthenticated, isGuardianAccount, isStaffMember, pupilInScope } from "../../auth/rules";
import { inheriting, RuleTree } from "../../auth/rule-tree";
import { readableReport } from "../report/report.rules";

/** Student, Enrolment and GuardianLink carry a pupil's record: every field is named, no "*". */
export const studentRules: RuleTree = {
  // Guardians reach their own children here too; the scope decides which (R-SEED-11, R-SEED-13).
  Query: { student: isAuthenticated, myChildren: isGuardianAccount },
  Student: {
    ...inheriting("id", "ine", "surname", "firstName", "birthDate"),
    // Each report is shown by report.policy's view of it, whatever path reached the pupil.
    periodicReports: readableReport,
    enrolments: pupilInScope,
    // Guardians get FORBIDDEN; among staff the service shows them to the pupil's DIRECTOR/HEAD only (SPEC §5).
    guardians: isStaffMember,
  },
  Enrolment: inheriting("id", "schoolYear", "level", "school", "class", "groups"),
  GuardianLink: inheriting("surname", "firstName", "relationship"),
};

