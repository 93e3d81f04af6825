import { Field, ID, InputType, Int } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";

@InputType({ description: "The level reached in one Pix competence." })
export class PixCompetenceInput {
  @Field({ description: "1.1 to 5.2." })
  competence: string;

  @Field(() => Int, { description: "0 to 8." })
  level: number;
}

@InputType({ description: "A Pix certification result, as the school imports it (R-PUB-21)." })
export class RecordPixCertificationInput {
  @Field(() => ID)
  studentId: string;

  @Field(() => LocalDateResolver, { description: "Date of the certification; not in the future." })
  certifiedOn: string;

  @Field(() => Int, { description: "Pix score, 0 to 1024." })
  score: number;

  @Field(() => [PixCompetenceInput], { description: "1 to 16 competences, each once." })
  competences: PixCompetenceInput[];
}
