import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Context } from "../../common/context";
import { GrantPriorYearAmendmentInput } from "./amendment.inputs";
import { PriorYearAmendmentView } from "./amendment.types";
import * as amendments from "./amendment.service";

/** Past-year amendments (R-SEED-10). */
@Resolver()
export class AmendmentResolver {
  @Mutation(() => PriorYearAmendmentView, {
    description:
      "Authorises changing listed elements of a past-year report, under a support ticket and a written document (DASEN of the academy for an école, HEAD for a collège).",
  })
  grantPriorYearAmendment(@Ctx() ctx: Context, @Arg("input") input: GrantPriorYearAmendmentInput): Promise<PriorYearAmendmentView> {
    return amendments.grantPriorYearAmendment(ctx, input);
  }
}
