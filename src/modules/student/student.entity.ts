import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";

@ObjectType({ description: "A pupil (élève).", simpleResolvers: true })
@Entity("student")
@Index("UQ_student_ine", ["ine"], { unique: true })
export class Student {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field({ description: "Identifiant national élève: 11 characters." })
  @Column({ type: "varchar", length: 11 })
  ine: string;

  @Field()
  @Column({ type: "varchar", length: 100 })
  surname: string;

  @Field()
  @Column({ type: "varchar", length: 100 })
  firstName: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ type: "date", nullable: true })
  birthDate: string | null;
}
