import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../common/context";
import { parseId } from "../../common/ids";
import { yearKey } from "../../common/loaders";
import { School } from "../school/school.entity";
import { Student } from "../student/student.entity";
import { SchoolClass } from "./school-class.entity";
import { TeachingGroup } from "./teaching-group.entity";
import * as classes from "./class.service";

@Resolver(() => SchoolClass)
export class ClassResolver {
  @Query(() => SchoolClass, { name: "class", description: "One class the caller may see." })
  schoolClass(@Ctx() ctx: Context, @Arg("id", () => ID) id: string): Promise<SchoolClass> {
    return classes.findVisibleClass(ctx, parseId(id, "id"));
  }

  @FieldResolver(() => School)
  async school(@Root() cls: SchoolClass, @Ctx() ctx: Context): Promise<School> {
    return (await ctx.loaders.schoolById.load(cls.schoolId)) as School;
  }

  @FieldResolver(() => [Student], { description: "Pupils of the class the caller may see, by name." })
  students(@Root() cls: SchoolClass, @Ctx() ctx: Context): Promise<Student[]> {
    return ctx.loaders.studentsByClass.load(cls.id);
  }
}

@Resolver(() => TeachingGroup)
export class GroupResolver {
  @FieldResolver(() => School)
  async school(@Root() group: TeachingGroup, @Ctx() ctx: Context): Promise<School> {
    return (await ctx.loaders.schoolById.load(group.schoolId)) as School;
  }

  @FieldResolver(() => [Student], { description: "Pupils of the group the caller may see, by name." })
  students(@Root() group: TeachingGroup, @Ctx() ctx: Context): Promise<Student[]> {
    return ctx.loaders.studentsByGroup.load(group.id);
  }
}

@Resolver(() => School)
export class SchoolClassesResolver {
  @FieldResolver(() => [SchoolClass], { description: "Classes of a school year (default: current) that the caller may see." })
  classes(
    @Root() school: School,
    @Ctx() ctx: Context,
    @Arg("schoolYear", () => Int, { nullable: true }) schoolYear?: number | null,
  ): Promise<SchoolClass[]> {
    return ctx.loaders.classesBySchoolYear.load(yearKey(school.id, schoolYear ?? ctx.schoolYear));
  }

  @FieldResolver(() => [TeachingGroup], { description: "Groups of a school year (default: current) that the caller may see." })
  groups(
    @Root() school: School,
    @Ctx() ctx: Context,
    @Arg("schoolYear", () => Int, { nullable: true }) schoolYear?: number | null,
  ): Promise<TeachingGroup[]> {
    return ctx.loaders.groupsBySchoolYear.load(yearKey(school.id, schoolYear ?? ctx.schoolYear));
  }
}
