import { Context } from "../../common/context";
import { staffOf } from "../../auth/policy";
import { School } from "../school/school.entity";

/** R-SEED-14: searching a school's pupils: its staff (the scope narrows teachers to their own pupils). */
export const maySearchPupils = (ctx: Context, school: School): boolean => staffOf(ctx.principal, school.id);
