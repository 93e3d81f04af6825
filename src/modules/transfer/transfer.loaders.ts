import DataLoader from "dataloader";
import type { Context } from "../../common/context";

/** An inter-academic transfer as record visibility needs it. */
export interface TransferLink {
  fromAcademyId: number;
  toAcademyId: number;
}

/** Per-request DataLoaders of this module, merged into ctx.loaders. */
export function createTransferLoaders(_ctx: Context) {
  return {
    /** Transfers of each pupil (R-SEED-06). */
    transfersByStudent: new DataLoader<number, TransferLink[]>(async (studentIds) => studentIds.map(() => [])),
  };
}
