import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Ctx, Field, ID, Int, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import type { Context } from "../../common/context";
import { Student } from "../student/student.entity";
import { School } from "../school/school.entity";

/**
 * A Pix certification result, imported by the pupil's school (R-PUB-21): one per pupil and date;
 * importing the same certification again replaces its results and bumps `version`.
 */
@ObjectType({ description: "A Pix digital-skills certification result of a pupil.", simpleResolvers: true })
@Entity("pix_certification")
@Index("UQ_pix_certification_student_date", ["studentId", "certifiedOn"], { unique: true })
@Index("IDX_pix_certification_school_year", ["schoolId", "schoolYear"])
export class PixCertification {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  studentId: number;

  @ManyToOne(() => Student)
  @JoinColumn({ name: "studentId", foreignKeyConstraintName: "FK_pix_certification_student" })
  studentRef?: Student;

  @Column({ type: "integer" })
  schoolId: number;

  @ManyToOne(() => School)
  @JoinColumn({ name: "schoolId", foreignKeyConstraintName: "FK_pix_certification_school" })
  schoolRef?: School;

  @Field(() => Int, { description: "School year (millésime) in which it was imported." })
  @Column({ type: "integer" })
  schoolYear: number;

  @Field(() => LocalDateResolver)
  @Column({ type: "date" })
  certifiedOn: string;

  @Field(() => Int, { description: "Pix score, 0 to 1024." })
  @Column({ type: "integer" })
  score: number;

  @Field(() => Int, { description: "1 on first import; +1 each time the same certification is imported again." })
  @Column({ type: "integer", default: 1 })
  version: number;

  @Field(() => [PixCompetenceLevel], { description: "Level per competence, by competence code." })
  competences(@Ctx() ctx: Context): Promise<PixCompetenceLevel[]> {
    return ctx.loaders.pixCompetencesByCertification.load(this.id);
  }

  @Field(() => School, { description: "The school that imported it." })
  async school(@Ctx() ctx: Context): Promise<School> {
    return (await ctx.loaders.schoolById.load(this.schoolId)) as School;
  }
}

/** The level reached in one Pix competence (1.1 … 5.2) of a certification. Declared after PixCertification, whose type its relation names. */
@ObjectType({ description: "The level reached in one Pix competence of a certification.", simpleResolvers: true })
@Entity("pix_competence_level")
@Index("UQ_pix_competence_level", ["certificationId", "competence"], { unique: true })
export class PixCompetenceLevel {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  certificationId: number;

  @ManyToOne(() => PixCertification, { onDelete: "CASCADE" })
  @JoinColumn({ name: "certificationId", foreignKeyConstraintName: "FK_pix_competence_level_certification" })
  certification?: PixCertification;

  @Field({ description: "Competence of the Pix framework, 1.1 to 5.2." })
  @Column({ type: "varchar", length: 4 })
  competence: string;

  @Field(() => Int, { description: "Level reached, 0 to 8." })
  @Column({ type: "integer" })
  level: number;
}
