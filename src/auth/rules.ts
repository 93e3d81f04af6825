import { allow, deny, rule } from "graphql-shield";
import { inheritsParent, recordGate } from "./rule-tree";
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
 * The pupil-scope check of a pupil's record, made once for every field that discloses it (enrolments,
 * end-of-cycle reports, attestations, Pix), whatever path reached the pupil: a Student reached through
 * a relation (a report's pupil, a former pupil's old class) is not scoped by that path. One batched
 * statement per request (ctx.loaders.studentInScope), whatever the number of rows.
 */
export const pupilInScope = recordGate("pupilInScope", (ctx, student: { id: number }) => ctx.loaders.studentInScope.load(student.id));

export { allow, deny, Degree, inheritsParent };
