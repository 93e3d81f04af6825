import { Context } from "../../common/context";
import { notFound } from "../../common/errors";
import { scopeClasses, scopeGroups } from "../../auth/scope";
import { SchoolClass } from "./school-class.entity";
import { TeachingGroup } from "./teaching-group.entity";

/** One class, or NOT_FOUND when it does not exist or the caller may not see it. */
export async function findVisibleClass(ctx: Context, id: number): Promise<SchoolClass> {
  const qb = ctx.dataSource.getRepository(SchoolClass).createQueryBuilder("c").where("c.id = :id", { id });
  const cls = await scopeClasses(ctx, qb, "c").getOne();
  if (!cls) throw notFound("Class");
  return cls;
}

/** One group, or NOT_FOUND when it does not exist or the caller may not see it. */
export async function findVisibleGroup(ctx: Context, id: number): Promise<TeachingGroup> {
  const qb = ctx.dataSource.getRepository(TeachingGroup).createQueryBuilder("g").where("g.id = :id", { id });
  const group = await scopeGroups(ctx, qb, "g").getOne();
  if (!group) throw notFound("Group");
  return group;
}
