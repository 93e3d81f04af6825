import { Context } from "../../common/context";
import { leads } from "../../auth/policy";
import { School } from "../school/school.entity";

/** R-SEED-06: bringing in a pupil's earlier record: the DIRECTOR/HEAD of the receiving school. */
export const mayTransferInto = (ctx: Context, school: School): boolean => leads(ctx.principal, school.id);
