import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { Context } from "../../common/context";
import { parseId } from "../../common/ids";
import { CarryOverResult } from "./carry-over.types";
import * as carryOver from "./carry-over.service";

@Resolver()
export class CarryOverResolver {
  @Mutation(() => CarryOverResult, {
    description:
      "Brings last year's program elements of the class's teachers and subjects into every period of the class, the whole year at once (R-SEED-07); refused once a report of the class is locked (R-SEED-08). Running it again adds nothing twice.",
  })
  carryOverProgramElements(@Ctx() ctx: Context, @Arg("classId", () => ID) classId: string): Promise<CarryOverResult> {
    return carryOver.carryOverProgramElements(ctx, parseId(classId, "classId"));
  }
}
