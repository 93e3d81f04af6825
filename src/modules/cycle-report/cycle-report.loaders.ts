import DataLoader from "dataloader";
import { In } from "typeorm";
import type { Context } from "../../common/context";
import { groupedByKey } from "../../common/grouping";
import { CycleReport, CycleReportComponent } from "./cycle-report.entity";
import { SOCLE_COMPONENTS } from "./cycle-report.codes";

const componentRank = new Map<string, number>(SOCLE_COMPONENTS.map((code, i) => [code, i]));

/** Per-request DataLoaders of this module, merged into ctx.loaders. */
export function createCycleReportLoaders(ctx: Context) {
  return {
    /** Every end-of-cycle report of each pupil, by cycle. Callers filter by what the reader may see. */
    cycleReportsByStudent: new DataLoader<number, CycleReport[]>(async (studentIds) => {
      const rows = await ctx.dataSource
        .getRepository(CycleReport)
        .find({ where: { studentId: In([...studentIds]) }, order: { cycle: "ASC", id: "ASC" } });
      return groupedByKey(studentIds, rows, (r) => r.studentId);
    }),

    /** Components of each end-of-cycle report, in the socle's own order (CPD_FRA … REP_MND). */
    componentsByCycleReport: new DataLoader<number, CycleReportComponent[]>(async (reportIds) => {
      const rows = await ctx.dataSource.getRepository(CycleReportComponent).find({ where: { cycleReportId: In([...reportIds]) } });
      rows.sort((a, b) => (componentRank.get(a.code) ?? 99) - (componentRank.get(b.code) ?? 99));
      return groupedByKey(reportIds, rows, (r) => r.cycleReportId);
    }),
  };
}
