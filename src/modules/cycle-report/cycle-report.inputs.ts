import { ArrayMaxSize, ValidateNested } from "class-validator";
import { Field, InputType, Int } from "type-graphql";

/*
 * Codes and levels are plain strings and integers checked by the service (cycle-report.validate.ts),
 * so that every refusal is a BAD_USER_INPUT naming the field and the rule, as in the periodic reports.
 */

@InputType({ description: "One common-core component and its mastery level." })
export class CycleReportComponentInput {
  @Field({ description: "CPD_FRA, CPD_ETR, CPD_SCI, CPD_ART, MET_APP, FRM_CIT, SYS_NAT or REP_MND." })
  code: string;

  @Field(() => Int, { description: "0 dispensé (exempt), 1 insuffisante, 2 fragile, 3 satisfaisante, 4 très bonne." })
  level: number;
}

@InputType({ description: "A complementary teaching or a regional language with its level." })
export class CycleReportOptionInput {
  @Field({ description: "AUC for none, or the teaching's or language's code." })
  code: string;

  @Field(() => Int, { nullable: true, description: "1 or 2; omitted with AUC." })
  level?: number | null;
}

@InputType({ description: "Changes to an end-of-cycle report. Absent parts stay as they are; null clears." })
export class UpdateCycleReportInput {
  @Field(() => [CycleReportComponentInput], {
    nullable: true,
    description: "All 8 components, each exactly once, rated 0–4 (R-PUB-14); replaces the ratings.",
  })
  @ArrayMaxSize(16)
  @ValidateNested({ each: true })
  components?: CycleReportComponentInput[] | null;

  @Field(() => String, { nullable: true, description: "≤1500 characters; null clears." })
  synthesis?: string | null;

  @Field(() => CycleReportOptionInput, { nullable: true, description: "Cycle 4 only: AUC LCA LCE LCR CHK PRO LSF LVE, level 1 atteints or 2 dépassés." })
  @ValidateNested()
  complementaryTeaching?: CycleReportOptionInput | null;

  @Field(() => CycleReportOptionInput, { nullable: true, description: "AUC or a regional language code, A2 level 1 non atteint or 2 atteint." })
  @ValidateNested()
  regionalLanguage?: CycleReportOptionInput | null;
}
