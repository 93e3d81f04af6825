import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { PeriodScheme } from "./period-scheme.entity";

@ObjectType({ description: "One dated slice of a school year (période).", simpleResolvers: true })
@Entity("period")
@Index("UQ_period_scheme_position", ["schemeId", "position"], { unique: true })
export class Period {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  schemeId: number;

  @ManyToOne(() => PeriodScheme, { onDelete: "CASCADE" })
  @JoinColumn({ name: "schemeId", foreignKeyConstraintName: "FK_period_scheme" })
  scheme?: PeriodScheme;

  @Field(() => Int, { description: "1-based order of the period within its scheme." })
  @Column({ type: "integer" })
  position: number;

  @Field(() => LocalDateResolver)
  @Column({ type: "date" })
  startsOn: string;

  @Field(() => LocalDateResolver)
  @Column({ type: "date" })
  endsOn: string;
}
