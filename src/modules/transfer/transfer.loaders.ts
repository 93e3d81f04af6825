import DataLoader from "dataloader";
import { In } from "typeorm";
import type { Context } from "../../common/context";
import { InterAcademicTransfer } from "./inter-academic-transfer.entity";

/** An inter-academic transfer as record visibility needs it. */
export interface TransferLink {
  fromAcademyId: number;
  toAcademyId: number;
}

/** Per-request DataLoaders of this module, merged into ctx.loaders. */
export function createTransferLoaders(ctx: Context) {
  return {
    /** Transfers of each pupil (R-SEED-06), one query per batch; each academy pair once. */
    transfersByStudent: new DataLoader<number, TransferLink[]>(async (studentIds) => {
      const rows = await ctx.dataSource.getRepository(InterAcademicTransfer).find({
        where: { studentId: In([...studentIds]) },
        select: { studentId: true, fromAcademyId: true, toAcademyId: true },
        order: { id: "ASC" },
      });
      const byStudent = new Map<number, Map<string, TransferLink>>();
      for (const r of rows) {
        const links = byStudent.get(r.studentId) ?? new Map<string, TransferLink>();
        links.set(`${r.fromAcademyId}>${r.toAcademyId}`, { fromAcademyId: r.fromAcademyId, toAcademyId: r.toAcademyId });
        byStudent.set(r.studentId, links);
      }
      return studentIds.map((id) => [...(byStudent.get(id)?.values() ?? [])]);
    }),
  };
}
