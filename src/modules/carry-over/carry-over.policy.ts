import { Context } from "../../common/context";
import { leads, teachesClass } from "../../auth/policy";
import { SchoolClass } from "../class/school-class.entity";

/** R-SEED-07: the DIRECTOR/HEAD brings every subject of the class over. */
export const carriesAllSubjects = (ctx: Context, cls: SchoolClass): boolean => leads(ctx.principal, cls.schoolId);
/** Carrying over at all: the class's lead and its teachers (a teacher brings their own subjects). */
export const mayCarryOver = (ctx: Context, cls: SchoolClass): boolean => carriesAllSubjects(ctx, cls) || teachesClass(ctx.principal, cls.id);
