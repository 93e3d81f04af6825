import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Ctx, Field, ID, Int, ObjectType } from "type-graphql";
import type { Context } from "../../common/context";
import { Student } from "../student/student.entity";
import { School } from "../school/school.entity";
import { Account } from "../account/account.entity";
import { ReportStatus } from "../report/periodic-report.entity";
import { StaffMember, toStaffMember } from "../report/report.types";
import { ComplementaryTeaching, RegionalLanguage } from "./cycle-report.types";

/**
 * An end-of-cycle report (bilan de fin de cycle): one per pupil and cycle (R-PUB-20), made by the
 * école at the end of CE2 (cycle 2) or by the collège at the end of 6e and 3e (cycles 3, 4).
 *
 * Its GraphQL relations are methods here rather than in a resolver class: the module registers a
 * single resolver class, and that one resolves `Student.cycleReports`. Declared before its components
 * because their relation's design type names this class at load time.
 */
@ObjectType({ description: "An end-of-cycle report (bilan de fin de cycle): one per pupil and cycle.", simpleResolvers: true })
@Entity("cycle_report")
@Index("UQ_cycle_report_student_cycle", ["studentId", "cycle"], { unique: true })
@Index("IDX_cycle_report_school", ["schoolId"])
export class CycleReport {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  studentId: number;

  @ManyToOne(() => Student)
  @JoinColumn({ name: "studentId", foreignKeyConstraintName: "FK_cycle_report_student" })
  studentRef?: Student;

  @Field(() => Int, { description: "2 (end of CE2), 3 (end of 6e) or 4 (end of 3e)." })
  @Column({ type: "integer" })
  cycle: number;

  @Field(() => Int, { description: "School year (millésime) the report was made in." })
  @Column({ type: "integer" })
  schoolYear: number;

  /** The school that made the report; its academy decides which staff see it (R-SEED-06). */
  @Column({ type: "integer" })
  schoolId: number;

  @ManyToOne(() => School)
  @JoinColumn({ name: "schoolId", foreignKeyConstraintName: "FK_cycle_report_school" })
  schoolRef?: School;

  @Field(() => ReportStatus)
  @Column({ type: "varchar", length: 10, default: ReportStatus.DRAFT })
  status: ReportStatus;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  lockedAt: Date | null;

  /** ≤1500 characters, checked by the service (R-PUB-14). */
  @Field(() => String, { nullable: true, description: "Synthesis of the pupil's learning, ≤1500 characters." })
  @Column({ type: "text", nullable: true })
  synthesis: string | null;

  @Column({ type: "varchar", length: 3, nullable: true })
  complementaryTeachingCode: string | null;

  @Column({ type: "integer", nullable: true })
  complementaryTeachingLevel: number | null;

  @Column({ type: "varchar", length: 3, nullable: true })
  regionalLanguageCode: string | null;

  @Column({ type: "integer", nullable: true })
  regionalLanguageLevel: number | null;

  @Column({ type: "integer" })
  createdByAccountId: number;

  @ManyToOne(() => Account)
  @JoinColumn({ name: "createdByAccountId", foreignKeyConstraintName: "FK_cycle_report_created_by" })
  createdByAccount?: Account;

  @Field(() => Int, { description: "Send it back with an update: a stale version gets CONFLICT (R-NEW-03)." })
  @Column({ type: "integer", default: 1 })
  version: number;

  @Field(() => [CycleReportComponent], { description: "Rated components, by code; all 8 once complete (R-PUB-14)." })
  components(@Ctx() ctx: Context): Promise<CycleReportComponent[]> {
    return ctx.loaders.componentsByCycleReport.load(this.id);
  }

  @Field(() => ComplementaryTeaching, { nullable: true, description: "Cycle 4 only; null until entered." })
  complementaryTeaching(): ComplementaryTeaching | null {
    return this.complementaryTeachingCode ? { code: this.complementaryTeachingCode, level: this.complementaryTeachingLevel } : null;
  }

  @Field(() => RegionalLanguage, { nullable: true, description: "Null until entered." })
  regionalLanguage(): RegionalLanguage | null {
    return this.regionalLanguageCode ? { code: this.regionalLanguageCode, level: this.regionalLanguageLevel } : null;
  }

  @Field(() => Student)
  async student(@Ctx() ctx: Context): Promise<Student> {
    return (await ctx.loaders.studentById.load(this.studentId)) as Student;
  }

  @Field(() => School, { description: "The school that made the report." })
  async school(@Ctx() ctx: Context): Promise<School> {
    return (await ctx.loaders.schoolById.load(this.schoolId)) as School;
  }

  @Field(() => StaffMember, { description: "Who created it; any teacher of the pupil's class may edit it (R-SEED-18)." })
  async createdBy(@Ctx() ctx: Context): Promise<StaffMember> {
    return toStaffMember((await ctx.loaders.accountById.load(this.createdByAccountId)) as Account);
  }
}

/** One of the 8 common-core components of an end-of-cycle report and its mastery level. */
@ObjectType({ description: "A common-core component (composante du socle) and its mastery level.", simpleResolvers: true })
@Entity("cycle_report_component")
@Index("UQ_cycle_report_component", ["cycleReportId", "code"], { unique: true })
export class CycleReportComponent {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "integer" })
  cycleReportId: number;

  @ManyToOne(() => CycleReport, { onDelete: "CASCADE" })
  @JoinColumn({ name: "cycleReportId", foreignKeyConstraintName: "FK_cycle_report_component_report" })
  cycleReport?: CycleReport;

  @Field({ description: "CPD_FRA, CPD_ETR, CPD_SCI, CPD_ART, MET_APP, FRM_CIT, SYS_NAT or REP_MND." })
  @Column({ type: "varchar", length: 7 })
  code: string;

  @Field(() => Int, { description: "0 dispensé (exempt), 1 insuffisante, 2 fragile, 3 satisfaisante, 4 très bonne." })
  @Column({ type: "integer" })
  level: number;
}
