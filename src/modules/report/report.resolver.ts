import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../common/context";
import { parseId } from "../../common/ids";
import { yearKey } from "../../common/loaders";
import { SchoolClass } from "../class/school-class.entity";
import { TeachingGroup } from "../class/teaching-group.entity";
import { Period } from "../period/period.entity";
import { Student } from "../student/student.entity";
import { Subject } from "../subject/subject.entity";
import { Account } from "../account/account.entity";
import { PeriodicReport } from "./periodic-report.entity";
import { ReportEntry } from "./report-parts.entity";
import { CreatePeriodicReportInput, UpdatePeriodicReportInput } from "./report.inputs";
import { DigitalSkills, LockClassReportsResult, Parcours, ProgramElement, SchoolLife, StaffMember, SupportMeasure, toStaffMember } from "./report.types";
import { DIGITAL_SKILLS_LEVELS } from "./report.codes";
import * as reports from "./report.service";
import { reportView, showsSubject, showsWholeReport } from "./report.policy";


@Resolver(() => PeriodicReport)
export class ReportResolver {
  @Query(() => PeriodicReport, { description: "One periodic report the caller may work on." })
  periodicReport(@Ctx() ctx: Context, @Arg("id", () => ID) id: string): Promise<PeriodicReport> {
    return reports.getReport(ctx, parseId(id, "id"));
  }

  @Mutation(() => PeriodicReport, { description: "Creates a DRAFT report for a pupil of a class set to ENTRY, for one of its periods." })
  createPeriodicReport(@Ctx() ctx: Context, @Arg("input") input: CreatePeriodicReportInput): Promise<PeriodicReport> {
    return reports.createPeriodicReport(ctx, input);
  }

  @Mutation(() => PeriodicReport, { description: "Changes a report saved at `expectedVersion`; CONFLICT when someone saved since." })
  updatePeriodicReport(
    @Ctx() ctx: Context,
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input") input: UpdatePeriodicReportInput,
  ): Promise<PeriodicReport> {
    return reports.updatePeriodicReport(ctx, parseId(id, "id"), expectedVersion, input);
  }

  @Mutation(() => PeriodicReport, { description: "Locks a report (DIRECTOR/HEAD; in écoles also the class's teachers)." })
  lockPeriodicReport(@Ctx() ctx: Context, @Arg("id", () => ID) id: string): Promise<PeriodicReport> {
    return reports.lockPeriodicReport(ctx, parseId(id, "id"));
  }

  @Mutation(() => PeriodicReport, { description: "Unlocks a report (DIRECTOR/HEAD only)." })
  unlockPeriodicReport(@Ctx() ctx: Context, @Arg("id", () => ID) id: string): Promise<PeriodicReport> {
    return reports.unlockPeriodicReport(ctx, parseId(id, "id"));
  }

  @Mutation(() => LockClassReportsResult, { description: "Locks every draft report of a class for a period." })
  lockClassReports(
    @Ctx() ctx: Context,
    @Arg("classId", () => ID) classId: string,
    @Arg("periodId", () => ID) periodId: string,
  ): Promise<LockClassReportsResult> {
    return reports.lockClassReports(ctx, classId, periodId);
  }

  @Mutation(() => [ProgramElement], { description: "Replaces the whole-class program elements of a subject for a period." })
  async setClassProgramElements(
    @Ctx() ctx: Context,
    @Arg("classId", () => ID) classId: string,
    @Arg("periodId", () => ID) periodId: string,
    @Arg("subjectCode") subjectCode: string,
    @Arg("labels", () => [String]) labels: string[],
  ): Promise<ProgramElement[]> {
    const rows = await reports.setClassProgramElements(ctx, classId, periodId, subjectCode, labels);
    return rows.map((r) => ({ id: r.id, label: r.label, wholeClass: true }));
  }

  @Mutation(() => SchoolClass, { description: "Sets the class's collective digital-skills appreciation (null clears it)." })
  setCollectiveDigitalSkillsAppreciation(
    @Ctx() ctx: Context,
    @Arg("classId", () => ID) classId: string,
    @Arg("text", () => String, { nullable: true }) text: string | null,
  ): Promise<SchoolClass> {
    return reports.setCollectiveDigitalSkillsAppreciation(ctx, classId, text);
  }

  @Mutation(() => TeachingGroup, { description: "Sets a group's collective digital-skills appreciation (null clears it)." })
  setGroupCollectiveDigitalSkillsAppreciation(
    @Ctx() ctx: Context,
    @Arg("groupId", () => ID) groupId: string,
    @Arg("text", () => String, { nullable: true }) text: string | null,
  ): Promise<TeachingGroup> {
    return reports.setGroupCollectiveDigitalSkillsAppreciation(ctx, groupId, text);
  }

  @FieldResolver(() => Student)
  async student(@Root() r: PeriodicReport, @Ctx() ctx: Context): Promise<Student> {
    return (await ctx.loaders.studentById.load(r.studentId)) as Student;
  }

  @FieldResolver(() => Period)
  async period(@Root() r: PeriodicReport, @Ctx() ctx: Context): Promise<Period> {
    return (await ctx.loaders.periodById.load(r.periodId)) as Period;
  }

  @FieldResolver(() => SchoolClass, { name: "class" })
  async schoolClass(@Root() r: PeriodicReport, @Ctx() ctx: Context): Promise<SchoolClass> {
    return (await ctx.loaders.classById.load(r.classId)) as SchoolClass;
  }

  @FieldResolver(() => [ReportEntry], { description: "Subjects (2D) or domains (1D), by code: those the caller may read (SPEC §2)." })
  async entries(@Root() r: PeriodicReport, @Ctx() ctx: Context): Promise<ReportEntry[]> {
    const [view, entries] = await Promise.all([reportView(ctx, r), ctx.loaders.entriesByReport.load(r.id)]);
    return entries.filter((e) => showsSubject(view, e.subjectCode));
  }

  @FieldResolver(() => String, { nullable: true, description: "General synthesis (2D ≤1000, 1D ≤1500 characters); null for a teacher of the pupil's groups only." })
  async synthesis(@Root() r: PeriodicReport, @Ctx() ctx: Context): Promise<string | null> {
    return showsWholeReport(await reportView(ctx, r)) ? r.synthesis : null;
  }

  @FieldResolver(() => [StaffMember], { description: "1D reference teachers (R-SEED-16)." })
  async referenceTeachers(@Root() r: PeriodicReport, @Ctx() ctx: Context): Promise<StaffMember[]> {
    const links = await ctx.loaders.referenceTeachersByReport.load(r.id);
    const accounts = await ctx.loaders.accountById.loadMany(links.map((l) => l.accountId));
    return accounts.filter((a): a is Account => a instanceof Account).map(toStaffMember);
  }

  @FieldResolver(() => SchoolLife, { nullable: true, description: "2D school life; null until entered." })
  async schoolLife(@Root() r: PeriodicReport, @Ctx() ctx: Context): Promise<SchoolLife | null> {
    if (!showsWholeReport(await reportView(ctx, r))) return null;
    if (r.lateCount === null || r.justifiedAbsences === null || r.unjustifiedAbsences === null) return null;
    return { lateCount: r.lateCount, justifiedAbsences: r.justifiedAbsences, unjustifiedAbsences: r.unjustifiedAbsences, comment: r.schoolLifeComment };
  }

  @FieldResolver(() => [Parcours])
  async parcours(@Root() r: PeriodicReport, @Ctx() ctx: Context): Promise<Parcours[]> {
    return showsWholeReport(await reportView(ctx, r)) ? ctx.loaders.parcoursByReport.load(r.id) : [];
  }

  @FieldResolver(() => [SupportMeasure])
  async supportMeasures(@Root() r: PeriodicReport, @Ctx() ctx: Context): Promise<SupportMeasure[]> {
    return showsWholeReport(await reportView(ctx, r)) ? ctx.loaders.supportMeasuresByReport.load(r.id) : [];
  }

  @FieldResolver(() => DigitalSkills, { nullable: true, description: "Last period of CM2 or 6e only; null elsewhere." })
  async digitalSkills(@Root() r: PeriodicReport, @Ctx() ctx: Context): Promise<DigitalSkills | null> {
    if (!showsWholeReport(await reportView(ctx, r))) return null;
    const [period, enrolments] = await Promise.all([ctx.loaders.periodById.load(r.periodId), ctx.loaders.enrolmentsByStudent.load(r.studentId)]);
    const level = enrolments.find((e) => e.classId === r.classId)?.level;
    if (!period || !level || !DIGITAL_SKILLS_LEVELS.includes(level)) return null;
    const periods = await ctx.loaders.periodsByScheme.load(period.schemeId);
    if (period.position !== Math.max(...periods.map((p) => p.position))) return null;
    const [levels, collective, groups] = await Promise.all([
      ctx.loaders.digitalSkillsByReport.load(r.id),
      ctx.loaders.collectiveAppreciationByClass.load(r.classId),
      ctx.loaders.groupsByStudentYear.load(yearKey(r.studentId, r.schoolYear)),
    ]);
    const groupTexts = await ctx.loaders.groupAppreciationByGroup.loadMany(groups.map((g) => g.id));
    const groupAppreciations = groups.flatMap((g, i) => {
      const a = groupTexts[i];
      return a && !(a instanceof Error) ? [{ groupCode: g.code, groupLabel: g.label, text: a.text }] : [];
    });
    return { levels, appreciation: r.digitalSkillsAppreciation, collectiveAppreciation: collective?.text ?? null, groupAppreciations };
  }
}

@Resolver(() => ReportEntry)
export class ReportEntryResolver {
  @FieldResolver(() => Subject)
  async subject(@Root() e: ReportEntry, @Ctx() ctx: Context): Promise<Subject> {
    return (await ctx.loaders.subjectByCode.load(e.subjectCode)) as Subject;
  }

  @FieldResolver(() => [StaffMember], { description: "Teachers named on this subject." })
  async teachers(@Root() e: ReportEntry, @Ctx() ctx: Context): Promise<StaffMember[]> {
    const links = await ctx.loaders.entryTeachersByEntry.load(e.id);
    const accounts = await ctx.loaders.accountById.loadMany(links.map((l) => l.accountId));
    return accounts.filter((a): a is Account => a instanceof Account).map(toStaffMember);
  }

  @FieldResolver(() => [ProgramElement], { description: "Whole-class elements of the period first, then this pupil's own." })
  async programElements(@Root() e: ReportEntry, @Ctx() ctx: Context): Promise<ProgramElement[]> {
    const report = (await ctx.loaders.reportById.load(e.reportId)) as PeriodicReport;
    const [wholeClass, own] = await Promise.all([
      ctx.loaders.classElementsByClassPeriod.load(yearKey(report.classId, report.periodId)),
      ctx.loaders.entryElementsByEntry.load(e.id),
    ]);
    return [
      ...wholeClass.filter((w) => w.subjectCode === e.subjectCode).map((w) => ({ id: w.id, label: w.label, wholeClass: true })),
      ...own.map((o) => ({ id: o.id, label: o.label, wholeClass: false })),
    ];
  }
}

@Resolver(() => SchoolClass)
export class ClassReportsResolver {
  @FieldResolver(() => [PeriodicReport], { description: "Reports of the class for a period that the caller may work on, by pupil name." })
  periodicReports(@Root() cls: SchoolClass, @Ctx() ctx: Context, @Arg("periodId", () => ID) periodId: string): Promise<PeriodicReport[]> {
    return reports.classReports(ctx, cls.id, parseId(periodId, "periodId"));
  }
}

