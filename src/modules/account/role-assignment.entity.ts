import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Role } from "../../common/domain";
import { Account } from "./account.entity";
import { School } from "../school/school.entity";
import { Academy } from "../school/academy.entity";

/** TEACHER, DIRECTOR and HEAD hold a school; DASEN holds an academy. */
@Entity("role_assignment")
@Index("IDX_role_assignment_account", ["accountId"])
export class RoleAssignment {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  accountId: number;

  @ManyToOne(() => Account)
  @JoinColumn({ name: "accountId", foreignKeyConstraintName: "FK_role_assignment_account" })
  account?: Account;

  @Column({ type: "varchar", length: 10 })
  role: Role;

  @Column({ type: "integer", nullable: true })
  schoolId: number | null;

  @ManyToOne(() => School, { nullable: true })
  @JoinColumn({ name: "schoolId", foreignKeyConstraintName: "FK_role_assignment_school" })
  school?: School | null;

  @Column({ type: "integer", nullable: true })
  academyId: number | null;

  @ManyToOne(() => Academy, { nullable: true })
  @JoinColumn({ name: "academyId", foreignKeyConstraintName: "FK_role_assignment_academy" })
  academy?: Academy | null;
}
