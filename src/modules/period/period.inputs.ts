import { ArrayMaxSize, ArrayMinSize, IsNotEmpty, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";

@InputType({ description: "One period: its first and last day." })
export class PeriodInput {
  @Field(() => LocalDateResolver)
  startsOn: string;

  @Field(() => LocalDateResolver)
  endsOn: string;
}

@InputType({ description: "A period scheme of the current school year, created or replaced by name." })
export class ConfigurePeriodsInput {
  @Field(() => ID)
  schoolId: string;

  @Field({ description: "Name of the scheme, e.g. Trimestres or Semestres (1–50 characters)." })
  @IsNotEmpty()
  name: string;

  @Field(() => [PeriodInput], { description: "The periods in order: dated, non-overlapping, inside the school year (1 to 6)." })
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  periods: PeriodInput[];

  @Field(() => [ID], {
    nullable: true,
    description: "Classes that follow this scheme. Omitted: links stay as they are. Listed: exactly these classes follow it.",
  })
  @ArrayMaxSize(200)
  classIds?: string[] | null;
}
