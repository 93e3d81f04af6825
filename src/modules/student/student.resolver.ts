import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../common/context";
import { parseId } from "../../common/ids";
import { yearKey } from "../../common/loaders";
import { School } from "../school/school.entity";
import { SchoolClass } from "../class/school-class.entity";
import { TeachingGroup } from "../class/teaching-group.entity";
import { Enrolment } from "./enrolment.entity";
import { Student } from "./student.entity";
import { GuardianLink } from "./student.types";
import { PeriodicReport } from "../report/periodic-report.entity";
import * as students from "./student.service";

@Resolver(() => Student)
export class StudentResolver {
  @Query(() => Student, { description: "One pupil the caller may see." })
  student(@Ctx() ctx: Context, @Arg("id", () => ID) id: string): Promise<Student> {
    return students.openStudentRecord(ctx, parseId(id, "id"));
  }

  @Query(() => [Student], { description: "Guardians: their children whose record the online service shows now." })
  myChildren(@Ctx() ctx: Context): Promise<Student[]> {
    return students.myChildren(ctx);
  }

  @FieldResolver(() => [PeriodicReport], {
    description: "Periodic reports the caller may read: staff by the pupil's current level (R-SEED-12); guardians every locked one (R-SEED-13).",
  })
  periodicReports(@Root() student: Student, @Ctx() ctx: Context): Promise<PeriodicReport[]> {
    return students.readablePeriodicReports(ctx, student);
  }

  @FieldResolver(() => [Enrolment], { description: "Years of schooling the caller may see, newest first." })
  enrolments(@Root() student: Student, @Ctx() ctx: Context): Promise<Enrolment[]> {
    return students.visibleEnrolments(ctx, student);
  }

  @FieldResolver(() => [GuardianLink], { nullable: true, description: "The pupil's guardians: staff only (others get null and a FORBIDDEN error for this field)." })
  guardians(@Root() student: Student, @Ctx() ctx: Context): Promise<GuardianLink[]> {
    return students.guardiansOf(ctx, student);
  }
}

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @FieldResolver(() => School)
  async school(@Root() enrolment: Enrolment, @Ctx() ctx: Context): Promise<School> {
    return (await ctx.loaders.schoolById.load(enrolment.schoolId)) as School;
  }

  @FieldResolver(() => SchoolClass, { name: "class" })
  async schoolClass(@Root() enrolment: Enrolment, @Ctx() ctx: Context): Promise<SchoolClass> {
    return (await ctx.loaders.classById.load(enrolment.classId)) as SchoolClass;
  }

  @FieldResolver(() => [TeachingGroup], { description: "Groups the pupil belonged to that year in that school." })
  async groups(@Root() enrolment: Enrolment, @Ctx() ctx: Context): Promise<TeachingGroup[]> {
    const groups = await ctx.loaders.groupsByStudentYear.load(yearKey(enrolment.studentId, enrolment.schoolYear));
    return groups.filter((g) => g.schoolId === enrolment.schoolId);
  }
}
