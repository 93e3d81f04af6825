import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Account } from "./account.entity";
import { Student } from "../student/student.entity";

/** A guardian (responsable légal) of a pupil. */
@Entity("student_guardian")
@Index("UQ_student_guardian", ["studentId", "guardianAccountId"], { unique: true })
@Index("IDX_student_guardian_account", ["guardianAccountId"])
export class StudentGuardian {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  studentId: number;

  @ManyToOne(() => Student)
  @JoinColumn({ name: "studentId", foreignKeyConstraintName: "FK_student_guardian_student" })
  student?: Student;

  @Column({ type: "integer" })
  guardianAccountId: number;

  @ManyToOne(() => Account)
  @JoinColumn({ name: "guardianAccountId", foreignKeyConstraintName: "FK_student_guardian_account" })
  guardian?: Account;

  @Column({ type: "varchar", length: 40, nullable: true })
  relationship: string | null;
}
