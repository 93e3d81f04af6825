import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, ValueTransformer } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Level, PositioningType, ReportDataSource } from "../../common/domain";
import { School } from "../school/school.entity";
import { PeriodScheme } from "../period/period-scheme.entity";

/** Levels are few and always read with the class: a comma list keeps them portable across SQLite and MariaDB. */
const levelList: ValueTransformer = {
  to: (levels: Level[] | undefined) => (levels === undefined ? undefined : levels.join(",")),
  from: (stored: string | null) => (stored ? (stored.split(",") as Level[]) : []),
};

@ObjectType({ description: "A class (division) of one school and year; may hold several levels.", simpleResolvers: true })
@Entity("school_class")
@Index("UQ_school_class_code", ["schoolId", "schoolYear", "code"], { unique: true })
@Index("IDX_school_class_scheme", ["periodSchemeId"])
export class SchoolClass {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  schoolId: number;

  @ManyToOne(() => School)
  @JoinColumn({ name: "schoolId", foreignKeyConstraintName: "FK_school_class_school" })
  school?: School;

  @Field(() => Int, { description: "School year (millésime)." })
  @Column({ type: "integer" })
  schoolYear: number;

  @Field({ description: "Class code (code division), unique in the school and year." })
  @Column({ type: "varchar", length: 20 })
  code: string;

  @Field()
  @Column({ type: "varchar", length: 50 })
  label: string;

  @Field(() => [Level])
  @Column({ type: "varchar", length: 80, transformer: levelList })
  levels: Level[];

  @Field(() => ReportDataSource, { nullable: true, description: "Unset until the DIRECTOR/HEAD chooses it (R-SEED-02)." })
  @Column({ type: "varchar", length: 10, nullable: true })
  dataSource: ReportDataSource | null;

  @Field(() => PositioningType, { nullable: true, description: "Unset until the DIRECTOR/HEAD chooses it (R-SEED-02)." })
  @Column({ type: "varchar", length: 12, nullable: true })
  positioningType: PositioningType | null;

  @Column({ type: "integer", nullable: true })
  periodSchemeId: number | null;

  @ManyToOne(() => PeriodScheme, { nullable: true })
  @JoinColumn({ name: "periodSchemeId", foreignKeyConstraintName: "FK_school_class_period_scheme" })
  periodScheme?: PeriodScheme | null;

  @Column({ type: "integer", default: 1 })
  version: number;
}
