import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { PeriodicReport } from "./periodic-report.entity";
import { Subject } from "../subject/subject.entity";
import { Account } from "../account/account.entity";
import { SchoolClass } from "../class/school-class.entity";
import { Period } from "../period/period.entity";
import { TeachingGroup } from "../class/teaching-group.entity";

/** One subject (2D discipline) or domain (1D) of a periodic report: an acquis. */
@ObjectType({ description: "One subject (2D) or domain (1D) of a periodic report (acquis).", simpleResolvers: true })
@Entity("report_entry")
@Index("UQ_report_entry_subject", ["reportId", "subjectCode"], { unique: true })
export class ReportEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  reportId: number;

  @ManyToOne(() => PeriodicReport, { onDelete: "CASCADE" })
  @JoinColumn({ name: "reportId", foreignKeyConstraintName: "FK_report_entry_report" })
  report?: PeriodicReport;

  @Column({ type: "varchar", length: 10 })
  subjectCode: string;

  @ManyToOne(() => Subject)
  @JoinColumn({ name: "subjectCode", foreignKeyConstraintName: "FK_report_entry_subject" })
  subject?: Subject;

  /** OBJECTIVES / SCALE classes: 1–4. */
  @Field(() => Int, { nullable: true, description: "1–4 in OBJECTIVES or SCALE classes." })
  @Column({ type: "integer", nullable: true })
  positioning: number | null;

  /** GRADES classes: the pupil's and the class's averages, as LSU carries them (≤8 characters). */
  @Field(() => String, { nullable: true, description: "GRADES classes: the pupil's average." })
  @Column({ type: "varchar", length: 8, nullable: true })
  studentAverage: string | null;

  @Field(() => String, { nullable: true, description: "GRADES classes: the class's average." })
  @Column({ type: "varchar", length: 8, nullable: true })
  classAverage: string | null;

  @Field(() => String, { nullable: true, description: "≤600 characters." })
  @Column({ type: "varchar", length: 600, nullable: true })
  appreciation: string | null;
}

/** A teacher named on an entry. */
@Entity("report_entry_teacher")
@Index("UQ_report_entry_teacher", ["entryId", "accountId"], { unique: true })
export class ReportEntryTeacher {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  entryId: number;

  @ManyToOne(() => ReportEntry, { onDelete: "CASCADE" })
  @JoinColumn({ name: "entryId", foreignKeyConstraintName: "FK_report_entry_teacher_entry" })
  entry?: ReportEntry;

  @Column({ type: "integer" })
  accountId: number;

  @ManyToOne(() => Account)
  @JoinColumn({ name: "accountId", foreignKeyConstraintName: "FK_report_entry_teacher_account" })
  account?: Account;
}

/** A program element worked by this pupil only (éléments de programme, individual). */
@Entity("report_entry_element")
@Index("IDX_report_entry_element_entry", ["entryId"])
export class ReportEntryElement {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  entryId: number;

  @ManyToOne(() => ReportEntry, { onDelete: "CASCADE" })
  @JoinColumn({ name: "entryId", foreignKeyConstraintName: "FK_report_entry_element_entry" })
  entry?: ReportEntry;

  @Column({ type: "varchar", length: 300 })
  label: string;
}

/** A program element worked by the whole class in a period, for one subject (classe entière). */
@Entity("class_program_element")
@Index("IDX_class_program_element_class_period", ["classId", "periodId"])
export class ClassProgramElement {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  classId: number;

  @ManyToOne(() => SchoolClass)
  @JoinColumn({ name: "classId", foreignKeyConstraintName: "FK_class_program_element_class" })
  schoolClass?: SchoolClass;

  @Column({ type: "integer" })
  periodId: number;

  @ManyToOne(() => Period)
  @JoinColumn({ name: "periodId", foreignKeyConstraintName: "FK_class_program_element_period" })
  period?: Period;

  @Column({ type: "varchar", length: 10 })
  subjectCode: string;

  @ManyToOne(() => Subject)
  @JoinColumn({ name: "subjectCode", foreignKeyConstraintName: "FK_class_program_element_subject" })
  subject?: Subject;

  @Column({ type: "varchar", length: 300 })
  label: string;

  /** Set when the element was brought from the previous year by carry-over (R-SEED-07). */
  @Column({ type: "integer", nullable: true })
  carriedOverFromId: number | null;
}

/** 1D reference teachers (enseignants référents) of a report (R-SEED-16). */
@Entity("report_reference_teacher")
@Index("UQ_report_reference_teacher", ["reportId", "accountId"], { unique: true })
export class ReportReferenceTeacher {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  reportId: number;

  @ManyToOne(() => PeriodicReport, { onDelete: "CASCADE" })
  @JoinColumn({ name: "reportId", foreignKeyConstraintName: "FK_report_reference_teacher_report" })
  report?: PeriodicReport;

  @Column({ type: "integer" })
  accountId: number;

  @ManyToOne(() => Account)
  @JoinColumn({ name: "accountId", foreignKeyConstraintName: "FK_report_reference_teacher_account" })
  account?: Account;
}

/** One of the 16 CN_* digital skills, level 1–3, in the last report of CM2/6e. */
@Entity("report_digital_skill")
@Index("UQ_report_digital_skill", ["reportId", "code"], { unique: true })
export class ReportDigitalSkill {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  reportId: number;

  @ManyToOne(() => PeriodicReport, { onDelete: "CASCADE" })
  @JoinColumn({ name: "reportId", foreignKeyConstraintName: "FK_report_digital_skill_report" })
  report?: PeriodicReport;

  @Column({ type: "varchar", length: 12 })
  code: string;

  @Column({ type: "integer" })
  level: number;
}

/** The collective digital-skills appreciation of a class for a year. */
@Entity("class_digital_skills_appreciation")
@Index("UQ_class_digital_skills_appreciation", ["classId"], { unique: true })
export class ClassDigitalSkillsAppreciation {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  classId: number;

  @ManyToOne(() => SchoolClass)
  @JoinColumn({ name: "classId", foreignKeyConstraintName: "FK_class_digital_skills_appreciation_class" })
  schoolClass?: SchoolClass;

  @Column({ type: "varchar", length: 600 })
  text: string;
}

/** The collective digital-skills appreciation of a group (CM2/6e), shown on its pupils' last reports. */
@Entity("group_digital_skills_appreciation")
@Index("UQ_group_digital_skills_appreciation", ["groupId"], { unique: true })
export class GroupDigitalSkillsAppreciation {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  groupId: number;

  @ManyToOne(() => TeachingGroup)
  @JoinColumn({ name: "groupId", foreignKeyConstraintName: "FK_group_digital_skills_appreciation_group" })
  group?: TeachingGroup;

  @Column({ type: "varchar", length: 600 })
  text: string;
}

/** A parcours (PAR_*) of a report with its text. */
@Entity("report_parcours")
@Index("UQ_report_parcours", ["reportId", "code"], { unique: true })
export class ReportParcours {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  reportId: number;

  @ManyToOne(() => PeriodicReport, { onDelete: "CASCADE" })
  @JoinColumn({ name: "reportId", foreignKeyConstraintName: "FK_report_parcours_report" })
  report?: PeriodicReport;

  @Column({ type: "varchar", length: 10 })
  code: string;

  @Column({ type: "varchar", length: 600 })
  text: string;
}

/** A support measure (modalité d'accompagnement) of a report. */
@Entity("report_support_measure")
@Index("UQ_report_support_measure", ["reportId", "code"], { unique: true })
export class ReportSupportMeasure {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  reportId: number;

  @ManyToOne(() => PeriodicReport, { onDelete: "CASCADE" })
  @JoinColumn({ name: "reportId", foreignKeyConstraintName: "FK_report_support_measure_report" })
  report?: PeriodicReport;

  @Column({ type: "varchar", length: 10 })
  code: string;

  @Column({ type: "varchar", length: 600, nullable: true })
  details: string | null;
}
