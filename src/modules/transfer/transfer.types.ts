import { Field, ObjectType } from "type-graphql";
import { Academy } from "../school/academy.entity";
import { Student } from "../student/student.entity";

@ObjectType({ description: "The outcome of an inter-academic transfer (R-SEED-06).", simpleResolvers: true })
export class TransferResult {
  @Field(() => Student, { description: "The pupil, whose earlier record the receiving school now sees (subject to R-SEED-12)." })
  student: Student;

  @Field(() => [Academy], { description: "Every academy the pupil's earlier record is kept in, by code." })
  fromAcademies: Academy[];

  @Field({ description: "True when every one of them had already been transferred to this school: nothing was written." })
  alreadyTransferred: boolean;
}
