import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { Context } from "../../common/context";
import { Degree } from "../../common/domain";
import { Subject } from "./subject.entity";

@Resolver(() => Subject)
export class SubjectResolver {
  @Query(() => [Subject], { description: "The subject and domain code lists (national reference data)." })
  subjects(@Ctx() ctx: Context, @Arg("degree", () => Degree, { nullable: true }) degree?: Degree | null): Promise<Subject[]> {
    return ctx.dataSource.getRepository(Subject).find({ where: degree ? { degree } : {}, order: { code: "ASC" } });
  }
}
