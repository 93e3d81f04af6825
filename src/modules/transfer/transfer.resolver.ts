import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { Context } from "../../common/context";
import { parseId } from "../../common/ids";
import { TransferResult } from "./transfer.types";
import * as transfers from "./transfer.service";

@Resolver()
export class TransferResolver {
  @Mutation(() => TransferResult, {
    description:
      "Brings into a school the earlier record of a pupil who came from another academy, by INE (DIRECTOR/HEAD of the receiving school; the year of arrival or later; R-SEED-06).",
  })
  transferStudentInterAcademic(
    @Ctx() ctx: Context,
    @Arg("schoolId", () => ID) schoolId: string,
    @Arg("ine") ine: string,
  ): Promise<TransferResult> {
    return transfers.transferStudentInterAcademic(ctx, parseId(schoolId, "schoolId"), ine);
  }
}
