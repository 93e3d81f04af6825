import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Context } from "../../common/context";
import { parseId } from "../../common/ids";
import { SchoolClass } from "../class/school-class.entity";
import { ClassSettingsInput } from "./class-settings.inputs";
import { ClassSettingsChangeResult, ClassSettingsChangeView, ClassSettingsImpact } from "./class-settings.types";
import * as classSettings from "./class-settings.service";

/** Class settings: impact preview, confirmed change, restore (R-SEED-02/03/04, R-NEW-01). */
@Resolver(() => SchoolClass)
export class ClassSettingsResolver {
  @Query(() => ClassSettingsImpact, {
    description: "What changing a class's settings would delete or freeze, counted per kind; changes nothing (R-SEED-02).",
  })
  classSettingsChangeImpact(
    @Ctx() ctx: Context,
    @Arg("classId", () => ID) classId: string,
    @Arg("settings", () => ClassSettingsInput) settings: ClassSettingsInput,
  ): Promise<ClassSettingsImpact> {
    return classSettings.classSettingsChangeImpact(ctx, parseId(classId, "classId"), settings);
  }

  @Mutation(() => ClassSettingsChangeResult, {
    description:
      "Sets a class's data source and positioning type (DIRECTOR/HEAD, current year). A change that deletes or freezes data needs confirmDataLoss: true (R-SEED-02); what it removes is archived and restorable (R-NEW-01).",
  })
  updateClassSettings(
    @Ctx() ctx: Context,
    @Arg("classId", () => ID) classId: string,
    @Arg("settings", () => ClassSettingsInput) settings: ClassSettingsInput,
    @Arg("confirmDataLoss", () => Boolean, { nullable: true, defaultValue: false }) confirmDataLoss?: boolean | null,
  ): Promise<ClassSettingsChangeResult> {
    return classSettings.updateClassSettings(ctx, parseId(classId, "classId"), settings, confirmDataLoss === true);
  }

  @Mutation(() => SchoolClass, {
    description: "Puts a class back exactly as it was before its latest settings change, during the same school year (DIRECTOR/HEAD, R-NEW-01).",
  })
  restoreClassSettingsChange(@Ctx() ctx: Context, @Arg("changeId", () => ID) changeId: string): Promise<SchoolClass> {
    return classSettings.restoreClassSettingsChange(ctx, parseId(changeId, "changeId"));
  }

  @FieldResolver(() => [ClassSettingsChangeView], {
    nullable: true,
    description: "The class's settings changes, newest first (DIRECTOR/HEAD of its school only).",
  })
  settingsChanges(@Root() cls: SchoolClass, @Ctx() ctx: Context): Promise<ClassSettingsChangeView[]> {
    return classSettings.settingsChanges(ctx, cls);
  }
}
