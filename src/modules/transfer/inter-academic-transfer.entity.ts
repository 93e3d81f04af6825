import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Academy } from "../school/academy.entity";
import { School } from "../school/school.entity";
import { Student } from "../student/student.entity";

/**
 * One inter-academic transfer (R-SEED-06): the receiving school brought in the part of a pupil's
 * record kept in `fromAcademyId`. Record visibility reads it (see student/record.ts).
 */
@Entity("inter_academic_transfer")
// One row per earlier academy and receiving school: repeating a transfer adds nothing. Leading with
// studentId, it also serves the per-pupil lookup of transfersByStudent.
@Index("UQ_inter_academic_transfer", ["studentId", "receivingSchoolId", "fromAcademyId"], { unique: true })
export class InterAcademicTransfer {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  studentId: number;

  @ManyToOne(() => Student)
  @JoinColumn({ name: "studentId", foreignKeyConstraintName: "FK_inter_academic_transfer_student" })
  student?: Student;

  @Column({ type: "integer" })
  fromAcademyId: number;

  @ManyToOne(() => Academy)
  @JoinColumn({ name: "fromAcademyId", foreignKeyConstraintName: "FK_inter_academic_transfer_from_academy" })
  fromAcademy?: Academy;

  @Column({ type: "integer" })
  toAcademyId: number;

  @ManyToOne(() => Academy)
  @JoinColumn({ name: "toAcademyId", foreignKeyConstraintName: "FK_inter_academic_transfer_to_academy" })
  toAcademy?: Academy;

  @Column({ type: "integer" })
  receivingSchoolId: number;

  @ManyToOne(() => School)
  @JoinColumn({ name: "receivingSchoolId", foreignKeyConstraintName: "FK_inter_academic_transfer_receiving_school" })
  receivingSchool?: School;

  /** The school year in which the transfer was performed (the year of arrival or a later one). */
  @Column({ type: "integer" })
  schoolYear: number;

  @Column({ type: "integer" })
  performedByAccountId: number;

  @CreateDateColumn()
  performedAt: Date;
}
