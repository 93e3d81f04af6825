import { Context, inTransaction } from "../../common/context";
import { Degree } from "../../common/domain";
import { forbidden, notFound } from "../../common/errors";
import { Page, PageArgs, paginate } from "../../common/paging";
import { schoolYearBounds, schoolYearLabel } from "../../common/school-year";
import { scopeSchools } from "../../auth/scope";
import { recordAudit } from "../audit/audit.service";
import { School } from "./school.entity";
import { SchoolYear } from "./school.types";
import { mayOpenOnlineService } from "./school.policy";

export function currentSchoolYear(ctx: Context): SchoolYear {
  return { year: ctx.schoolYear, label: schoolYearLabel(ctx.schoolYear), ...schoolYearBounds(ctx.schoolYear) };
}

/** Schools the caller may see, ordered by name. */
export function listSchools(ctx: Context, page: PageArgs): Promise<Page<School>> {
  const qb = ctx.dataSource.getRepository(School).createQueryBuilder("school").orderBy("school.name", "ASC").addOrderBy("school.id", "ASC");
  return paginate(scopeSchools(ctx, qb, "school"), page);
}

/** One school, or NOT_FOUND when it does not exist or the caller may not see it. */
export async function findVisibleSchool(ctx: Context, id: number): Promise<School> {
  const qb = ctx.dataSource.getRepository(School).createQueryBuilder("school").where("school.id = :id", { id });
  const school = await scopeSchools(ctx, qb, "school").getOne();
  if (!school) throw notFound("School");
  return school;
}

/** Opens the guardians' online service of a collège (R-SEED-11). Only its HEAD may; repeating it changes nothing. */
export async function openOnlineService(ctx: Context, schoolId: number): Promise<School> {
  const school = await findVisibleSchool(ctx, schoolId);
  if (!mayOpenOnlineService(ctx, school)) {
    throw forbidden("Only the HEAD of this collège may open its online service.");
  }
  if (school.onlineServiceOpen) return school;
  return inTransaction(ctx, async (em) => {
    await em.update(School, { id: school.id }, { onlineServiceOpen: true });
    await recordAudit(ctx, em, { action: "OPEN_ONLINE_SERVICE", entityType: "School", entityId: school.id, schoolId: school.id });
    return { ...school, onlineServiceOpen: true };
  });
}
