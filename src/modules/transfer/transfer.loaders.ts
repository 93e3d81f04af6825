import DataLoader from "dataloader";
import { In } from "typeorm";
import type { Context } from "../../common/context";
import { groupedByKey } from "../../common/grouping";
import { InterAcademicTransfer } from "./inter-academic-transfer.entity";

/** An inter-academic transfer as record visibility needs it: which school brought in which academy. */
export interface TransferLink {
  fromAcademyId: number;
  receivingSchoolId: number;
}

/** Per-request DataLoaders of this module, merged into ctx.loaders. */
export function createTransferLoaders(ctx: Context) {
  return {
    /** Transfers of each pupil (R-SEED-06), one query per batch. */
    transfersByStudent: new DataLoader<number, TransferLink[]>(async (studentIds) => {
      const rows = await ctx.dataSource.getRepository(InterAcademicTransfer).find({
        where: { studentId: In([...studentIds]) },
        select: { studentId: true, fromAcademyId: true, receivingSchoolId: true },
        order: { id: "ASC" },
      });
      return groupedByKey(studentIds, rows, (r) => r.studentId).map((list) =>
        list.map((r) => ({ fromAcademyId: r.fromAcademyId, receivingSchoolId: r.receivingSchoolId })),
      );
    }),
  };
}
