import { ArrayMaxSize, ArrayMinSize } from "class-validator";
import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "A written authorisation to amend listed elements of a past-year report (R-SEED-10)." })
export class GrantPriorYearAmendmentInput {
  @Field(() => ID)
  reportId: string;

  @Field(() => [String], {
    description:
      "The elements that may change (1 to 50, no duplicates): SYNTHESIS, SCHOOL_LIFE, PARCOURS, SUPPORT_MEASURES, DIGITAL_SKILLS, or ENTRY:<subject code>.",
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  elements: string[];

  @Field({ description: "Support ticket reference (1–50 characters)." })
  ticketRef: string;

  @Field({ description: "Reference of the written authorisation document (1–200 characters)." })
  documentRef: string;
}
