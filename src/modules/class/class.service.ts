import { Context } from "../../common/context";
import { notFound } from "../../common/errors";
import { scopeClasses } from "../../auth/scope";
import { SchoolClass } from "./school-class.entity";

/** One class, or NOT_FOUND when it does not exist or the caller may not see it. */
export async function findVisibleClass(ctx: Context, id: number): Promise<SchoolClass> {
  const qb = ctx.dataSource.getRepository(SchoolClass).createQueryBuilder("c").where("c.id = :id", { id });
  const cls = await scopeClasses(ctx, qb, "c").getOne();
  if (!cls) throw notFound("Class");
  return cls;
}
