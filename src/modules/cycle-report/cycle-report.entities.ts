import { CycleReport, CycleReportComponent } from "./cycle-report.entity";

/** Entities of this module, registered in src/db/entities.ts. */
export const CYCLE_REPORT_ENTITIES: Function[] = [CycleReport, CycleReportComponent];
