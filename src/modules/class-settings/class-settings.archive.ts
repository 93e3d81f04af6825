import { EntityManager, EntityTarget, In, ObjectLiteral } from "typeorm";
import { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { PeriodicReport } from "../report/periodic-report.entity";
import {
  ClassDigitalSkillsAppreciation,
  ClassProgramElement,
  ReportDigitalSkill,
  ReportEntry,
  ReportEntryElement,
  ReportEntryTeacher,
  ReportParcours,
  ReportReferenceTeacher,
  ReportSupportMeasure,
} from "../report/report-parts.entity";
import { ARCHIVE_PART_CHARS, ClassSettingsArchivePart, ClassSettingsChange } from "./class-settings-change.entity";

/**
 * The restorable archive of a class settings change (R-NEW-01): full rows of what was deleted, and the
 * previous values of what was altered. Written and read only by the class-settings service.
 */

/** One stored row: every mapped column by property name, dates as the database's own text, so that it survives JSON. */
export type StoredRow = Record<string, string | number | boolean | null>;

/** Tables a data-source change deletes from, parents before children: the order of re-insertion. */
export const ARCHIVED_TABLES = {
  periodic_report: PeriodicReport,
  report_entry: ReportEntry,
  report_entry_teacher: ReportEntryTeacher,
  report_entry_element: ReportEntryElement,
  report_reference_teacher: ReportReferenceTeacher,
  report_digital_skill: ReportDigitalSkill,
  report_parcours: ReportParcours,
  report_support_measure: ReportSupportMeasure,
  class_program_element: ClassProgramElement,
  class_digital_skills_appreciation: ClassDigitalSkillsAppreciation,
} as const;
export type ArchivedTable = keyof typeof ARCHIVED_TABLES;
export const ARCHIVED_TABLE_ORDER = Object.keys(ARCHIVED_TABLES) as ArchivedTable[];

export interface ClassSettingsArchive {
  format: 1;
  /** Full rows deleted, per table. */
  deleted: Partial<Record<ArchivedTable, StoredRow[]>>;
  /** Surviving reports whose content changed (frozen, or positionings cleared): their values before. */
  reports: Array<{ id: number; readOnly: boolean; version: number }>;
  /** Entries whose positioning or averages were cleared: their values before. */
  entries: Array<{ id: number; positioning: number | null; studentAverage: string | null; classAverage: string | null }>;
  /**
   * What the change left, so that a restore can tell whether anything happened since:
   * every report of the class with its version, and for a data-source change the ids of the
   * class-wide rows (empty right after it).
   */
  after: {
    reports: Array<{ id: number; version: number }>;
    classProgramElementIds: number[] | null;
    collectiveAppreciationIds: number[] | null;
  };
}

/** IN lists stay well below every driver's bound-parameter limit. */
const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const isDateColumn = (c: ColumnMetadata) =>
  c.isCreateDate || c.isUpdateDate || c.type === Date || c.type === "datetime" || c.type === "timestamp";

/**
 * Every mapped column of a hydrated row; the entity metadata, not a hand list, decides what "full" means.
 * Date columns hold the database's own text (see loadRows), not a JS Date.
 */
function toStoredRow(columns: ColumnMetadata[], entity: ObjectLiteral): StoredRow {
  const row: StoredRow = {};
  for (const column of columns) {
    const value = column.getEntityValue(entity) as unknown;
    row[column.propertyName] = value instanceof Date ? value.toISOString() : ((value ?? null) as StoredRow[string]);
  }
  return row;
}

/**
 * Full rows of `target` whose `column` is one of `ids`. Date columns are read as the text the database
 * stores (CAST … AS CHAR): a JS Date would drop MariaDB's microseconds and reformat SQLite's text,
 * and the restore must put back exactly what was there.
 */
export async function loadRows(
  em: EntityManager,
  target: EntityTarget<ObjectLiteral>,
  column: string,
  ids: readonly number[],
): Promise<StoredRow[]> {
  const metadata = em.connection.getMetadata(target);
  const dateColumns = metadata.columns.filter(isDateColumn);
  const rows: StoredRow[] = [];
  for (const part of chunks(ids)) {
    const found = await em.find(target, { where: { [column]: In(part) }, order: { id: "ASC" } });
    const stored = found.map((entity) => toStoredRow(metadata.columns, entity));
    if (dateColumns.length && stored.length) {
      const qb = em.createQueryBuilder(target, "t").select("t.id", "id");
      for (const c of dateColumns) qb.addSelect(`CAST(t.${c.propertyName} AS CHAR)`, c.propertyName);
      const texts = await qb.where("t.id IN (:...ids)", { ids: stored.map((r) => r.id) }).getRawMany<Record<string, string | null>>();
      const byId = new Map(texts.map((t) => [Number(t.id), t]));
      for (const row of stored) for (const c of dateColumns) row[c.propertyName] = byId.get(Number(row.id))?.[c.propertyName] ?? null;
    }
    rows.push(...stored);
  }
  return rows;
}

/** Re-inserts archived rows with their original primary keys (explicit ids work on SQLite and MariaDB). */
export async function insertRows(em: EntityManager, target: EntityTarget<ObjectLiteral>, rows: StoredRow[]): Promise<void> {
  const columns = em.connection.getMetadata(target).columns;
  // Small batches: one statement per row would be slow, one for thousands could exceed parameter limits.
  for (const part of chunks(rows, 100)) {
    const parameters: Record<string, unknown> = {};
    const values = part.map((row, i) => {
      const entity: ObjectLiteral = {};
      for (const column of columns) {
        // A column added after the archive was written keeps its default.
        if (!(column.propertyName in row)) continue;
        const value = row[column.propertyName];
        if (value !== null && isDateColumn(column)) {
          // The stored text goes in as a bound parameter, untouched by the driver's date formatting.
          const name = `restored_${i}_${column.propertyName}`;
          parameters[name] = value;
          entity[column.propertyName] = () => `:${name}`;
        } else {
          entity[column.propertyName] = value;
        }
      }
      return entity;
    });
    // The ids are ours; reading generated values back would only cost statements.
    await em.createQueryBuilder().insert().into(target).values(values).setParameters(parameters).updateEntity(false).execute();
  }
}

/** Deletes rows by primary key, in bounded batches. */
export async function deleteByIds(em: EntityManager, target: EntityTarget<ObjectLiteral>, ids: readonly number[]): Promise<void> {
  for (const part of chunks(ids)) await em.delete(target, { id: In(part) });
}

export function parseArchive(stored: string): ClassSettingsArchive {
  const parsed = JSON.parse(stored) as ClassSettingsArchive;
  if (parsed?.format !== 1) throw new Error("Unknown class settings archive format");
  return parsed;
}

/** Stores a change's archive in pieces (any size); the change row keeps only how many. */
export async function writeArchive(em: EntityManager, changeId: number, archive: ClassSettingsArchive): Promise<void> {
  const json = JSON.stringify(archive);
  const parts: Array<{ changeId: number; seq: number; body: string }> = [];
  for (let start = 0; start < json.length; ) {
    let end = Math.min(start + ARCHIVE_PART_CHARS, json.length);
    // Never between the two halves of a surrogate pair (an emoji): each piece must be valid text alone.
    if (end < json.length && /[\uD800-\uDBFF]/.test(json[end - 1])) end -= 1;
    parts.push({ changeId, seq: parts.length, body: json.slice(start, end) });
    start = end;
  }
  // A few pieces per statement: each statement stays well under max_allowed_packet.
  for (const batch of chunks(parts, 20)) await em.insert(ClassSettingsArchivePart, batch);
  await em.update(ClassSettingsChange, { id: changeId }, { archive: JSON.stringify({ format: 2, parts: parts.length }) });
}

/** A change's archive, from its pieces or (changes written before pieces existed) from the change row. */
export async function readArchive(em: EntityManager, change: ClassSettingsChange): Promise<ClassSettingsArchive> {
  const stored = JSON.parse(change.archive) as { format?: number; parts?: number };
  if (stored?.format !== 2) return parseArchive(change.archive);
  const parts = await em.find(ClassSettingsArchivePart, { where: { changeId: change.id }, order: { seq: "ASC" } });
  if (parts.length !== stored.parts) throw new Error(`Settings change ${change.id}: ${parts.length} archive pieces of ${stored.parts}`);
  return parseArchive(parts.map((p) => p.body).join(""));
}
