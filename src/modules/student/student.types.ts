import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "A guardian (responsable légal) of a pupil, as staff see them.", simpleResolvers: true })
export class GuardianLink {
  @Field()
  surname: string;

  @Field()
  firstName: string;

  @Field(() => String, { nullable: true, description: "e.g. MERE, PERE, TUTEUR." })
  relationship: string | null;
}
