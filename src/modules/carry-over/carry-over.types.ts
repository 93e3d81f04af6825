import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A program element brought from the previous year.", simpleResolvers: true })
export class CarriedOverElement {
  @Field({ description: "Subject (2D) or domain (1D) code." })
  subjectCode: string;

  @Field()
  label: string;
}

@ObjectType({ description: "What a yearly carry-over of program elements did (R-SEED-07).", simpleResolvers: true })
export class CarryOverResult {
  @Field(() => [CarriedOverElement], { description: "Elements added to the class, each into every period it was missing from." })
  brought: CarriedOverElement[];

  @Field(() => Int, { description: "Periods of the class the elements go into: all of them, the whole year at once." })
  periodsCovered: number;

  @Field(() => Int, { description: "Elements offered that every period of the class already had: nothing added for them." })
  alreadyPresent: number;
}
