import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Ctx, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import type { Context } from "../../common/context";
import { Student } from "../student/student.entity";
import { School } from "../school/school.entity";

/** The attestations of the livret (P-CADA, P-AIX, SEED). */
export enum AttestationType {
  APER = "APER",
  ASSN = "ASSN",
  ASSR1 = "ASSR1",
  ASSR2 = "ASSR2",
  AER = "AER",
  PSC1 = "PSC1",
}
registerEnumType(AttestationType, {
  name: "AttestationType",
  description:
    "APER: first road-safety education (école); ASSN: school swimming (savoir nager); ASSR1 / ASSR2: school road-safety " +
    "certificates, levels 1 and 2; AER: road education; PSC1: first aid, level 1.",
});

/**
 * An attestation a pupil obtained: one per pupil and type (recording it again replaces it).
 * `schoolId`/`schoolYear` say where and when it was recorded: its academy decides which staff see it
 * (R-SEED-06), and search counts it as activity of that school and year (R-SEED-14).
 */
@ObjectType({ description: "An attestation a pupil obtained: one per pupil and type.", simpleResolvers: true })
@Entity("attestation")
@Index("UQ_attestation_student_type", ["studentId", "type"], { unique: true })
// Covers search's "an attestation this year in this school" test (R-SEED-14).
@Index("IDX_attestation_school_year", ["schoolId", "schoolYear", "studentId"])
export class Attestation {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  studentId: number;

  @ManyToOne(() => Student)
  @JoinColumn({ name: "studentId", foreignKeyConstraintName: "FK_attestation_student" })
  studentRef?: Student;

  @Field(() => AttestationType)
  @Column({ type: "varchar", length: 10 })
  type: AttestationType;

  @Field(() => LocalDateResolver, { description: "When the pupil obtained it." })
  @Column({ type: "date" })
  obtainedOn: string;

  @Column({ type: "integer" })
  schoolId: number;

  @ManyToOne(() => School)
  @JoinColumn({ name: "schoolId", foreignKeyConstraintName: "FK_attestation_school" })
  schoolRef?: School;

  @Field(() => Int, { description: "School year (millésime) in which it was recorded." })
  @Column({ type: "integer" })
  schoolYear: number;

  // Relations are methods here: the module registers one resolver class, which resolves Student's fields.
  @Field(() => School, { description: "The school where it was recorded." })
  async school(@Ctx() ctx: Context): Promise<School> {
    return (await ctx.loaders.schoolById.load(this.schoolId)) as School;
  }
}
