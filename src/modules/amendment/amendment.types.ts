import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "The staff member who granted an amendment.", simpleResolvers: true })
export class AmendmentGrantor {
  @Field()
  surname: string;

  @Field()
  firstName: string;
}

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

  @Field(() => AmendmentGrantor)
  grantedBy: AmendmentGrantor;
}
