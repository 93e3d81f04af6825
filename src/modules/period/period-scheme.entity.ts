import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { School } from "../school/school.entity";

@ObjectType({ description: "A named set of dated periods of one school and year (e.g. trimesters).", simpleResolvers: true })
@Entity("period_scheme")
@Index("UQ_period_scheme_school_year_name", ["schoolId", "schoolYear", "name"], { unique: true })
export class PeriodScheme {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  schoolId: number;

  @ManyToOne(() => School)
  @JoinColumn({ name: "schoolId", foreignKeyConstraintName: "FK_period_scheme_school" })
  school?: School;

  @Field(() => Int, { description: "School year (millésime, the start year)." })
  @Column({ type: "integer" })
  schoolYear: number;

  @Field({ description: "Name of the scheme, e.g. Trimestres." })
  @Column({ type: "varchar", length: 50 })
  name: string;

  @Column({ type: "integer", default: 1 })
  version: number;
}
