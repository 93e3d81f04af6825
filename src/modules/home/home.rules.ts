import { inheritsParent, isAuthenticated, isSchoolStaff } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

export const homeRules: RuleTree = {
  Query: {
    // Guardians and DASEN: FORBIDDEN; which school and pupils: decided in SQL by the service.
    searchStudents: isSchoolStaff,
    // Everyone signed in; guardians get an empty list.
    homeNotices: isAuthenticated,
  },
  StudentPage: { "*": inheritsParent },
  HomeNotice: { "*": inheritsParent },
  NoticeRecord: { "*": inheritsParent },
};
