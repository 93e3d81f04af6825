import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from "type-graphql";
import { Context } from "../../common/context";
import { yearKey } from "../../common/loaders";
import { School } from "../school/school.entity";
import { SchoolClass } from "../class/school-class.entity";
import { Period } from "./period.entity";
import { PeriodScheme } from "./period-scheme.entity";
import { ConfigurePeriodsInput } from "./period.inputs";
import * as periods from "./period.service";

@Resolver(() => PeriodScheme)
export class PeriodSchemeResolver {
  @Mutation(() => PeriodScheme, {
    description: "Sets the periods of the current school year for a school, and which classes follow them (DIRECTOR/HEAD).",
  })
  configurePeriods(@Ctx() ctx: Context, @Arg("input") input: ConfigurePeriodsInput): Promise<PeriodScheme> {
    return periods.configurePeriods(ctx, input);
  }

  @FieldResolver(() => [Period])
  periods(@Root() scheme: PeriodScheme, @Ctx() ctx: Context): Promise<Period[]> {
    return ctx.loaders.periodsByScheme.load(scheme.id);
  }

  @FieldResolver(() => [SchoolClass], { description: "Classes following this scheme that the caller may see." })
  async classes(@Root() scheme: PeriodScheme, @Ctx() ctx: Context): Promise<SchoolClass[]> {
    const classes = await ctx.loaders.classesBySchoolYear.load(yearKey(scheme.schoolId, scheme.schoolYear));
    return classes.filter((c) => c.periodSchemeId === scheme.id);
  }
}

@Resolver(() => School)
export class SchoolPeriodsResolver {
  @FieldResolver(() => [PeriodScheme], { description: "Period schemes of a school year (default: the current one)." })
  periodSchemes(
    @Root() school: School,
    @Ctx() ctx: Context,
    @Arg("schoolYear", () => Int, { nullable: true }) schoolYear?: number | null,
  ): Promise<PeriodScheme[]> {
    return ctx.loaders.periodSchemesBySchoolYear.load(yearKey(school.id, schoolYear ?? ctx.schoolYear));
  }
}

@Resolver(() => SchoolClass)
export class ClassPeriodsResolver {
  @FieldResolver(() => PeriodScheme, { nullable: true, description: "The scheme the class follows; null while periods are not set." })
  periodScheme(@Root() cls: SchoolClass, @Ctx() ctx: Context): Promise<PeriodScheme | null> | null {
    return cls.periodSchemeId === null ? null : ctx.loaders.periodSchemeById.load(cls.periodSchemeId);
  }

  @FieldResolver(() => [Period], { description: "The class's periods, in order; empty while periods are not set (R-SEED-01)." })
  periods(@Root() cls: SchoolClass, @Ctx() ctx: Context): Promise<Period[]> | Period[] {
    return cls.periodSchemeId === null ? [] : ctx.loaders.periodsByScheme.load(cls.periodSchemeId);
  }
}
