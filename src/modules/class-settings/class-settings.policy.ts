import { Context } from "../../common/context";
import { leads } from "../../auth/policy";
import { SchoolClass } from "../class/school-class.entity";

/** Reading, changing and restoring a class's settings: the DIRECTOR/HEAD of its school. */
export const mayManageClassSettings = (ctx: Context, cls: SchoolClass): boolean => leads(ctx.principal, cls.schoolId);
