import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Account } from "./account.entity";
import { SchoolClass } from "../class/school-class.entity";
import { TeachingGroup } from "../class/teaching-group.entity";
import { Subject } from "../subject/subject.entity";

/** A teacher teaches a subject (2D) or a domain (1D) to a class or to a group, for one year. */
@Entity("teaching_assignment")
@Index("IDX_teaching_assignment_account_year", ["accountId", "schoolYear"])
@Index("IDX_teaching_assignment_class", ["classId"])
@Index("IDX_teaching_assignment_group", ["groupId"])
export class TeachingAssignment {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  accountId: number;

  @ManyToOne(() => Account)
  @JoinColumn({ name: "accountId", foreignKeyConstraintName: "FK_teaching_assignment_account" })
  account?: Account;

  @Column({ type: "integer" })
  schoolYear: number;

  @Column({ type: "integer", nullable: true })
  classId: number | null;

  @ManyToOne(() => SchoolClass, { nullable: true })
  @JoinColumn({ name: "classId", foreignKeyConstraintName: "FK_teaching_assignment_class" })
  schoolClass?: SchoolClass | null;

  @Column({ type: "integer", nullable: true })
  groupId: number | null;

  @ManyToOne(() => TeachingGroup, { nullable: true })
  @JoinColumn({ name: "groupId", foreignKeyConstraintName: "FK_teaching_assignment_group" })
  group?: TeachingGroup | null;

  @Column({ type: "varchar", length: 10 })
  subjectCode: string;

  @ManyToOne(() => Subject)
  @JoinColumn({ name: "subjectCode", foreignKeyConstraintName: "FK_teaching_assignment_subject" })
  subject?: Subject;
}
