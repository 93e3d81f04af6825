import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";

/**
 * Who did what to which record, when (R-NEW-02). Written in the transaction of the change it records;
 * never updated. Holds identifiers and field names, not pupils' texts.
 */
@ObjectType({ description: "One audited action.", simpleResolvers: true })
@Entity("audit_event")
@Index("IDX_audit_event_school_at", ["schoolId", "at"])
@Index("IDX_audit_event_student", ["studentId"])
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field()
  @CreateDateColumn()
  at: Date;

  @Field(() => Int, { nullable: true, description: "The account that acted; null for batch loads." })
  @Column({ type: "integer", nullable: true })
  actorAccountId: number | null;

  @Field({ description: "What was done, e.g. CONFIGURE_PERIODS." })
  @Column({ type: "varchar", length: 60 })
  action: string;

  @Field({ description: "Kind of record acted on." })
  @Column({ type: "varchar", length: 40 })
  entityType: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 40, nullable: true })
  entityId: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: "integer", nullable: true })
  schoolId: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: "integer", nullable: true })
  studentId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 64, nullable: true })
  requestId: string | null;

  @Field(() => String, { nullable: true, description: "JSON details: field names and identifiers, never pupils' texts." })
  @Column({ type: "text", nullable: true })
  details: string | null;
}
