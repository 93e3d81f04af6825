import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { TeachingGroup } from "../class/teaching-group.entity";
import { Student } from "./student.entity";

/** A pupil's place in a group for the group's year. */
@Entity("group_membership")
@Index("UQ_group_membership", ["groupId", "studentId"], { unique: true })
@Index("IDX_group_membership_student", ["studentId"])
export class GroupMembership {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  groupId: number;

  @ManyToOne(() => TeachingGroup)
  @JoinColumn({ name: "groupId", foreignKeyConstraintName: "FK_group_membership_group" })
  group?: TeachingGroup;

  @Column({ type: "integer" })
  studentId: number;

  @ManyToOne(() => Student)
  @JoinColumn({ name: "studentId", foreignKeyConstraintName: "FK_group_membership_student" })
  student?: Student;
}
