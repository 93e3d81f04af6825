import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { Context } from "../../common/context";
import { Degree } from "../../common/domain";
import { Subject } from "./subject.entity";
import { listSubjects } from "./subject.service";

@Resolver(() => Subject)
export class SubjectResolver {
  @Query(() => [Subject], { description: "The subject and domain code lists (national reference data)." })
  subjects(@Ctx() ctx: Context, @Arg("degree", () => Degree, { nullable: true }) degree?: Degree | null): Promise<Subject[]> {
    return listSubjects(ctx, degree);
  }
}
