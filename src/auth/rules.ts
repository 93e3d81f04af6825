import { allow, deny, rule } from "graphql-shield";
import { Context } from "../common/context";
import { Degree, Role } from "../common/domain";
import { notAuthenticated } from "../common/errors";
import { isGuardian, isStaff, Principal } from "./principal";

/**
 * Role rules. They read only the caller (never parent or args), so a per-request `contextual`
 * cache is safe; each has its own name so that no two share a cache entry.
 * Which record a caller may act on is decided by the services, in SQL.
 */
const callerRule = (name: string, test: (p: Principal) => boolean) =>
  rule(name, { cache: "contextual" })((_parent, _args, ctx: Context) => {
    if (!ctx.principal) return notAuthenticated();
    return test(ctx.principal);
  });

export const isAuthenticated = callerRule("isAuthenticated", () => true);
export const isStaffMember = callerRule("isStaffMember", (p) => isStaff(p));
export const isGuardianAccount = callerRule("isGuardianAccount", (p) => isGuardian(p));
/** DIRECTOR of an école or HEAD of a collège somewhere. */
export const isSchoolLead = callerRule("isSchoolLead", (p) => isStaff(p) && p.leadSchoolIds.length > 0);
/** HEAD of a collège somewhere. */
export const isHead = callerRule("isHead", (p) => isStaff(p) && p.headSchoolIds.length > 0);
export const isDasen = callerRule("isDasen", (p) => isStaff(p) && p.roles.has(Role.DASEN));
/** Anyone on a school's staff: lead or teacher. */
export const isSchoolStaff = callerRule(
  "isSchoolStaff",
  (p) => isStaff(p) && (p.leadSchoolIds.length > 0 || p.teacherSchoolIds.length > 0),
);

/**
 * The field is visible to whoever may see its parent object: the parent was already filtered by scope.
 * These fields are not wrapped at run time (see apply-permissions.ts), which keeps lists fast.
 */
export const inheritsParent = allow;

export { allow, deny, Degree };
