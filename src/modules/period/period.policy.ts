import { Context } from "../../common/context";
import { leads } from "../../auth/policy";
import { School } from "../school/school.entity";

/** Setting a school's periods: its DIRECTOR/HEAD. */
export const mayConfigurePeriods = (ctx: Context, school: School): boolean => leads(ctx.principal, school.id);
