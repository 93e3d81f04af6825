import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Student } from "../student/student.entity";
import { Period } from "../period/period.entity";
import { SchoolClass } from "../class/school-class.entity";
import { ReportDataSource } from "../../common/domain";

export enum ReportStatus {
  DRAFT = "DRAFT",
  LOCKED = "LOCKED",
}
registerEnumType(ReportStatus, { name: "ReportStatus", description: "DRAFT: being written; LOCKED: final (verrouillé)." });

/**
 * A periodic report (bilan périodique): one per pupil and period (R-PUB-20).
 * Its content arrives with the periodic-reports capability; periods already depend on it (R-SEED-01).
 */
@ObjectType({ description: "A periodic report (bilan périodique): one per pupil and period.", simpleResolvers: true })
@Entity("periodic_report")
@Index("UQ_periodic_report_student_period", ["studentId", "periodId"], { unique: true })
@Index("IDX_periodic_report_period", ["periodId"])
@Index("IDX_periodic_report_class", ["classId"])
export class PeriodicReport {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  studentId: number;

  @ManyToOne(() => Student)
  @JoinColumn({ name: "studentId", foreignKeyConstraintName: "FK_periodic_report_student" })
  student?: Student;

  @Column({ type: "integer" })
  periodId: number;

  @ManyToOne(() => Period)
  @JoinColumn({ name: "periodId", foreignKeyConstraintName: "FK_periodic_report_period" })
  period?: Period;

  @Column({ type: "integer" })
  classId: number;

  @ManyToOne(() => SchoolClass)
  @JoinColumn({ name: "classId", foreignKeyConstraintName: "FK_periodic_report_class" })
  schoolClass?: SchoolClass;

  /** The school year of the report's period and class (denormalised: every rule about past years reads it). */
  @Field(() => Int, { description: "School year (millésime) of the report." })
  @Column({ type: "integer" })
  schoolYear: number;

  @Field(() => ReportStatus)
  @Column({ type: "varchar", length: 10, default: ReportStatus.DRAFT })
  status: ReportStatus;

  /** R-SEED-04(a): a locked report of a class whose data source changed stays, read-only for good. */
  @Field({ description: "Read-only for good after a data-source change (R-SEED-04a)." })
  @Column({ type: "boolean", default: false })
  readOnly: boolean;

  @Field(() => ReportDataSource, { description: "ENTRY (typed in Livret) or IMPORT." })
  @Column({ type: "varchar", length: 10, default: ReportDataSource.ENTRY })
  source: ReportDataSource;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  lockedAt: Date | null;

  @Column({ type: "integer", nullable: true })
  lockedByAccountId: number | null;

  /** 2D: acquis-conseils ≤1000; 1D: appréciation générale ≤1500. */
  // Exposed by ReportResolver.synthesis: a teacher of the pupil's groups only does not read it (SPEC §2).
  @Column({ type: "text", nullable: true })
  synthesis: string | null;

  /** 2D school life (R-PUB-19: 0–999). */
  @Column({ type: "integer", nullable: true })
  lateCount: number | null;

  @Column({ type: "integer", nullable: true })
  justifiedAbsences: number | null;

  @Column({ type: "integer", nullable: true })
  unjustifiedAbsences: number | null;

  @Column({ type: "varchar", length: 600, nullable: true })
  schoolLifeComment: string | null;

  /** CM2/6e last period: the pupil's own digital-skills appreciation. */
  @Column({ type: "varchar", length: 600, nullable: true })
  digitalSkillsAppreciation: string | null;

  @Field(() => Int, { description: "Send it back with an update: a stale version gets CONFLICT (R-NEW-03)." })
  @Column({ type: "integer", default: 1 })
  version: number;

  @CreateDateColumn()
  createdAt: Date;

}
