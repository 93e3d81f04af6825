import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../common/context";
import { parseId } from "../../common/ids";
import { badInput } from "../../common/errors";
import { MAX_PAGE_SIZE } from "../../common/paging";
import { School } from "../school/school.entity";
import { ImportBatchPage, ImportBatchView } from "./import.types";
import { findBatch, schoolBatches } from "./import.service";
import { toBatchViews } from "./import.view";

/** Reads LSU import batches back; files arrive by POST /imports/lsu or `npm run import`. */
@Resolver(() => School)
export class ImportResolver {
  @Query(() => ImportBatchView, { description: "One LSU import batch with its per-report outcomes (the school's DIRECTOR/HEAD)." })
  async importBatch(@Ctx() ctx: Context, @Arg("id", () => ID) id: string): Promise<ImportBatchView> {
    const batch = await findBatch(ctx, parseId(id, "id"));
    return (await toBatchViews(ctx.dataSource.manager, [batch]))[0];
  }

  @FieldResolver(() => ImportBatchPage, { description: "The school's LSU import batches, newest first (its DIRECTOR/HEAD)." })
  async importBatches(
    @Root() school: School,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<ImportBatchPage> {
    if (first < 1 || first > MAX_PAGE_SIZE) throw badInput("first", `must be between 1 and ${MAX_PAGE_SIZE}`);
    const page = await schoolBatches(ctx, school, first, after ?? null);
    return { ...page, items: await toBatchViews(ctx.dataSource.manager, page.items) };
  }
}
