import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../common/context";
import { PageArgs } from "../../common/paging";
import { parseId } from "../../common/ids";
import { Academy } from "./academy.entity";
import { School } from "./school.entity";
import { SchoolPage, SchoolYear } from "./school.types";
import * as schools from "./school.service";

@Resolver(() => School)
export class SchoolResolver {
  @Query(() => SchoolYear, { description: "The current school year, from the server's clock." })
  currentSchoolYear(@Ctx() ctx: Context): SchoolYear {
    return schools.currentSchoolYear(ctx);
  }

  @Query(() => SchoolPage, { description: "Schools the caller may see." })
  schools(@Ctx() ctx: Context, @Args() page: PageArgs) {
    return schools.listSchools(ctx, page);
  }

  @Query(() => School, { description: "One school the caller may see." })
  school(@Ctx() ctx: Context, @Arg("id", () => ID) id: string): Promise<School> {
    return schools.findVisibleSchool(ctx, parseId(id, "id"));
  }

  @Mutation(() => School, { description: "Opens the guardians' online service of a collège (HEAD of that school)." })
  openOnlineService(@Ctx() ctx: Context, @Arg("schoolId", () => ID) schoolId: string): Promise<School> {
    return schools.openOnlineService(ctx, parseId(schoolId, "schoolId"));
  }

  @FieldResolver(() => Academy)
  async academy(@Root() school: School, @Ctx() ctx: Context): Promise<Academy> {
    return (await ctx.loaders.academyById.load(school.academyId)) as Academy;
  }
}
