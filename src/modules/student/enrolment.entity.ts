import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Level } from "../../common/domain";
import { School } from "../school/school.entity";
import { SchoolClass } from "../class/school-class.entity";
import { Student } from "./student.entity";

@ObjectType({ description: "A pupil's schooling in one school, class and level for one year (inscription).", simpleResolvers: true })
@Entity("enrolment")
@Index("UQ_enrolment_student_year_school", ["studentId", "schoolYear", "schoolId"], { unique: true })
@Index("IDX_enrolment_class", ["classId"])
@Index("IDX_enrolment_school_year", ["schoolId", "schoolYear"])
@Index("IDX_enrolment_school_pupil", ["schoolId", "schoolYear", "schoolPupilId"])
export class Enrolment {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  studentId: number;

  @ManyToOne(() => Student)
  @JoinColumn({ name: "studentId", foreignKeyConstraintName: "FK_enrolment_student" })
  student?: Student;

  @Field(() => Int)
  @Column({ type: "integer" })
  schoolYear: number;

  @Column({ type: "integer" })
  schoolId: number;

  @ManyToOne(() => School)
  @JoinColumn({ name: "schoolId", foreignKeyConstraintName: "FK_enrolment_school" })
  school?: School;

  @Column({ type: "integer" })
  classId: number;

  @ManyToOne(() => SchoolClass)
  @JoinColumn({ name: "classId", foreignKeyConstraintName: "FK_enrolment_class" })
  schoolClass?: SchoolClass;

  @Field(() => Level)
  @Column({ type: "varchar", length: 10 })
  level: Level;

  /** The pupil's id in the school's own base (SIECLE id-be): how 2D LSU files name pupils. */
  @Column({ type: "integer", nullable: true })
  schoolPupilId: number | null;
}
