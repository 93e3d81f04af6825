import DataLoader from "dataloader";
import { In } from "typeorm";
import type { Context } from "../../common/context";
import { ClassSettingsChange } from "./class-settings-change.entity";

/** Per-request DataLoaders of this module, merged into ctx.loaders. */
export function createClassSettingsLoaders(ctx: Context) {
  return {
    /** A class's settings changes, newest first: a list of classes costs one query. */
    settingsChangesByClass: new DataLoader<number, ClassSettingsChange[]>(async (classIds) => {
      const rows = await ctx.dataSource
        .getRepository(ClassSettingsChange)
        .find({ where: { classId: In([...classIds]) }, order: { id: "DESC" } });
      return classIds.map((id) => rows.filter((r) => r.classId === id));
    }),
  };
}
