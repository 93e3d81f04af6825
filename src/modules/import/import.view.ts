import { EntityManager, In } from "typeorm";
import { Account } from "../account/account.entity";
import { toStaffMember } from "../report/report.types";
import { ImportBatch, ImportOutcome } from "./import.entity";
import { ImportMessage } from "./import.service";
import { ImportBatchView, ImportOutcomeKind } from "./import.types";

/** Batches as the graph and the HTTP endpoint show them, with their outcomes, in three statements. */
export async function toBatchViews(em: EntityManager, batches: ImportBatch[]): Promise<ImportBatchView[]> {
  if (!batches.length) return [];
  const outcomes = await em.find(ImportOutcome, { where: { batchId: In(batches.map((b) => b.id)) }, order: { batchId: "ASC", position: "ASC" } });
  const accounts = await em.find(Account, { where: { id: In([...new Set(batches.map((b) => b.importedByAccountId))]) } });
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  return batches.map((b) => ({
    id: b.id,
    schoolId: b.schoolId,
    createdAt: b.createdAt,
    importedBy: toStaffMember(accountById.get(b.importedByAccountId)!),
    degree: b.degree,
    schemaVersion: b.schemaVersion,
    editor: b.editor,
    application: b.application,
    applicationVersion: b.applicationVersion,
    fileSha256: b.fileSha256,
    fileBytes: b.fileBytes,
    importedCount: b.importedCount,
    warningCount: b.warningCount,
    rejectedCount: b.rejectedCount,
    replacedCount: b.replacedCount,
    outcomes: outcomes
      .filter((o) => o.batchId === b.id)
      .map((o) => {
        const period = o.periodIndex;
        return {
          position: o.position,
          kind: o.kind,
          outcome: o.outcome as ImportOutcomeKind,
          pupil: o.pupilKey,
          period,
          cycle: o.cycle,
          line: o.line,
          periodicReportId: o.periodicReportId,
          cycleReportId: o.cycleReportId,
          messages: (JSON.parse(o.messages) as ImportMessage[]).map((m) => ({ ...m, pupil: o.pupilKey, period })),
        };
      }),
  }));
}
