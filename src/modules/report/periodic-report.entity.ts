import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Student } from "../student/student.entity";
import { Period } from "../period/period.entity";
import { SchoolClass } from "../class/school-class.entity";

export enum ReportStatus {
  DRAFT = "DRAFT",
  LOCKED = "LOCKED",
}

/**
 * A periodic report (bilan périodique): one per pupil and period (R-PUB-20).
 * Its content arrives with the periodic-reports capability; periods already depend on it (R-SEED-01).
 */
@Entity("periodic_report")
@Index("UQ_periodic_report_student_period", ["studentId", "periodId"], { unique: true })
@Index("IDX_periodic_report_period", ["periodId"])
@Index("IDX_periodic_report_class", ["classId"])
export class PeriodicReport {
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

  @Column({ type: "varchar", length: 10, default: ReportStatus.DRAFT })
  status: ReportStatus;

  @Column({ type: "integer", default: 1 })
  version: number;

  @CreateDateColumn()
  createdAt: Date;

}
