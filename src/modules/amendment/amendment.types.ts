import { Field, ID, ObjectType } from "type-graphql";
import { StaffMember } from "../report/report.types";

@ObjectType({ description: "A granted past-year amendment (R-SEED-10).", simpleResolvers: true })
export class PriorYearAmendmentView {
  @Field(() => ID)
  id: number;

  @Field(() => ID)
  reportId: number;

  @Field(() => [String], { description: "The report elements that may change." })
  elements: string[];

  @Field({ description: "Support ticket reference." })
  ticketRef: string;

  @Field({ description: "Reference of the written authorisation document." })
  documentRef: string;

  @Field()
  grantedAt: Date;

  @Field(() => StaffMember)
  grantedBy: StaffMember;

  @Field(() => Date, { nullable: true, description: "When the edit that applied it closed it (R-SEED-10: used once); null while open." })
  closedAt: Date | null;

  @Field(() => StaffMember, { nullable: true, description: "Who made the edit that closed it." })
  closedBy: StaffMember | null;
}
