import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { School } from "../school/school.entity";

@ObjectType({ description: "A group of pupils gathered across classes for a subject (groupe).", simpleResolvers: true })
@Entity("teaching_group")
@Index("UQ_teaching_group_code", ["schoolId", "schoolYear", "code"], { unique: true })
export class TeachingGroup {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  schoolId: number;

  @ManyToOne(() => School)
  @JoinColumn({ name: "schoolId", foreignKeyConstraintName: "FK_teaching_group_school" })
  school?: School;

  @Field(() => Int)
  @Column({ type: "integer" })
  schoolYear: number;

  @Field()
  @Column({ type: "varchar", length: 20 })
  code: string;

  @Field()
  @Column({ type: "varchar", length: 50 })
  label: string;
}
