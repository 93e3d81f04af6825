import { Field, Int, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { PageType } from "../../common/paging";
import { School } from "./school.entity";

@ObjectType({ description: "A school year, named by its start year (millésime).", simpleResolvers: true })
export class SchoolYear {
  @Field(() => Int, { description: "Start year: 2026 = September 2026 to August 2027." })
  year: number;

  @Field({ description: "e.g. 2026-2027" })
  label: string;

  @Field(() => LocalDateResolver)
  startsOn: string;

  @Field(() => LocalDateResolver)
  endsOn: string;
}

export const SchoolPage = PageType(School, "SchoolPage");
