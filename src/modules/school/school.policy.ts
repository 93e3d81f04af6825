import { Context } from "../../common/context";
import { Degree } from "../../common/domain";
import { heads } from "../../auth/policy";
import { School } from "./school.entity";

/** R-SEED-11: opening a collège's online service: its HEAD. */
export const mayOpenOnlineService = (ctx: Context, school: School): boolean => school.degree === Degree.SECOND && heads(ctx.principal, school.id);
