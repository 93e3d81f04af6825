import { Arg, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { PeriodicReport } from "../report/periodic-report.entity";
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

  @Query(() => [PeriodicReport], {
    description:
      "A pupil's reports of an earlier school year, by INE, for the authority who grants their amendments (DASEN: écoles of the academy; HEAD: the collège).",
  })
  priorYearReports(
    @Ctx() ctx: Context,
    @Arg("ine") ine: string,
    @Arg("schoolYear", () => Int) schoolYear: number,
  ): Promise<PeriodicReport[]> {
    return amendments.authorityPastReports(ctx, ine, schoolYear);
  }
}
