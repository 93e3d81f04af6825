import { createHash } from "node:crypto";
import { EntityManager, In } from "typeorm";
import { Context, inTransaction } from "../../common/context";
import { Degree, PositioningType, ReportDataSource, Role } from "../../common/domain";
import { BOUND, BOUND_RULE, BoundName } from "../../common/bounds";
import { conflict, ErrorCode, forbidden, notFound } from "../../common/errors";
import { lockClassRow } from "../../db/row-locks";
import { isDuplicateKey } from "../../db/duplicate-key";
import { searchKey } from "../student/search-key";
import { School } from "../school/school.entity";
import { findVisibleSchool } from "../school/school.service";
import { SchoolClass } from "../class/school-class.entity";
import { Period } from "../period/period.entity";
import { Enrolment } from "../student/enrolment.entity";
import { Student } from "../student/student.entity";
import { Subject } from "../subject/subject.entity";
import { Account } from "../account/account.entity";
import { RoleAssignment } from "../account/role-assignment.entity";
import { AuditEvent } from "../audit/audit-event.entity";
import { recordAudit } from "../audit/audit.service";
import { PeriodicReport, ReportStatus } from "../report/periodic-report.entity";
import {
  ReportDigitalSkill,
  ReportEntry,
  ReportEntryElement,
  ReportEntryTeacher,
  ReportParcours,
  ReportReferenceTeacher,
  ReportSupportMeasure,
} from "../report/report-parts.entity";
import { CycleReport, CycleReportComponent } from "../cycle-report/cycle-report.entity";
import { chunks, deleteByIds, loadRows } from "../class-settings/class-settings.archive";
import { ImportBatch, ImportOutcome, ImportReplacedReport } from "./import.entity";
import { FileCycleReport, FilePeriodicReport, FileReport, FileTeacher, readReports } from "./lsu-model";
import { StructuralProblem, validateLsuStream } from "./lsu-validator";
import { mayImportAnywhere, mayImportInto } from "./import.policy";

export type Outcome = "IMPORTED" | "IMPORTED_WITH_WARNINGS" | "REJECTED";

export interface ImportMessage {
  code: string;
  rule: string;
  message: string;
  element: string;
  line: number;
}

export type ImportResult =
  | { status: "REFUSED"; problems: StructuralProblem[] }
  | { status: "UNCHANGED"; batch: ImportBatch }
  | { status: "IMPORTED"; batch: ImportBatch };

export interface ImportOptions {
  /** The CLI's --school: the file must name this UAI. */
  expectedUai?: string;
  onProgress?: (done: number, total: number, phase: "read" | "write") => void;
  totalBytes?: number;
}

const RULE = "R-PUB-10";

/** Multi-row INSERT without reading generated values back (ids are read by natural key where needed). */
async function bulkInsert<T extends object>(tx: EntityManager, target: new () => T, rows: Array<Partial<T>>, size = 500): Promise<void> {
  for (const part of chunks(rows, size)) {
    if (part.length) await tx.createQueryBuilder().insert().into(target).values(part as never).updateEntity(false).execute();
  }
}
const WRITE_CHUNK = 200;

/** Hashes and counts the bytes while they stream to the parser. */
async function* tap(source: AsyncIterable<Buffer | string>, hash: ReturnType<typeof createHash>, counter: { bytes: number }) {
  for await (const chunk of source) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    hash.update(buffer);
    counter.bytes += buffer.length;
    yield buffer;
  }
}

const refusal = (problem: Omit<StructuralProblem, "line"> & { line?: number }): ImportResult => ({ status: "REFUSED", problems: [{ line: problem.line ?? 1, ...problem }] });

/**
 * Imports one LSU file for the caller: structure first (the whole file or nothing), then the business rules
 * report by report, then every accepted report written whole, with the batch and its audit, in one transaction.
 */
export async function importLsu(ctx: Context, source: AsyncIterable<Buffer | string>, options: ImportOptions = {}): Promise<ImportResult> {
  const principal = ctx.principal;
  // Callers who lead no school at all learn nothing about the file.
  if (!mayImportAnywhere(principal)) throw forbidden("Only a school's DIRECTOR or HEAD may import LSU files.");
  const hash = createHash("sha256");
  const counter = { bytes: 0 };
  const { file, problems } = await validateLsuStream(tap(source, hash, counter), {
    onBytes: () => options.onProgress?.(counter.bytes, options.totalBytes ?? 0, "read"),
  });
  if (!file) return { status: "REFUSED", problems };
  const sha = hash.digest("hex");

  const uai = file.header.uai;
  if (options.expectedUai && options.expectedUai !== uai) {
    return refusal({ element: "lsun-bilans/entete/etablissement", rule: "school", message: `The file is for school ${uai}, not ${options.expectedUai}.`, line: 1 });
  }
  const em = ctx.dataSource.manager;
  const found = await em.findOne(School, { where: { uai } });
  // A school the caller cannot see answers like one that does not exist.
  const school = found ? await findVisibleSchool(ctx, found.id).catch(() => null) : null;
  if (!school) throw notFound("School");
  if (!mayImportInto(principal, school.id)) throw forbidden("Only this school's DIRECTOR or HEAD may import its LSU files.");
  if (file.schema.degree !== school.degree) {
    return refusal({
      element: "lsun-bilans/@schemaVersion",
      rule: "degree",
      message: `A ${file.schema.degree === Degree.FIRST ? "1D (école)" : "2D (collège)"} file cannot be imported into ${school.name}.`,
    });
  }
  const already = await em.findOne(ImportBatch, { where: { schoolId: school.id, fileSha256: sha } });
  if (already) return { status: "UNCHANGED", batch: already };

  const reports = readReports(file);
  // The outcomes list is read back whole: its bound (src/common/bounds.ts) holds for every batch.
  if (reports.length > BOUND.reportsPerImportFile) {
    return refusal({
      element: "lsun-bilans/donnees",
      rule: BOUND_RULE,
      message: `The file holds ${reports.length} reports; at most ${BOUND.reportsPerImportFile} may be imported at once (reportsPerImportFile): split it by period or by class.`,
    });
  }
  const plan = await planReports(ctx, em, school, reports);
  try {
    const batch = await inTransaction(ctx, (tx) =>
      writeBatch(ctx, tx, school, plan, {
        degree: school.degree,
        schemaVersion: file.schemaVersion,
        editor: file.header.editor,
        application: file.header.application,
        applicationVersion: file.header.applicationVersion,
        fileSha256: sha,
        fileBytes: counter.bytes,
        onProgress: options.onProgress,
      }),
    );
    return { status: "IMPORTED", batch };
  } catch (error) {
    // The same file sent twice at once: the second finds the first's batch.
    if (isDuplicateKey(error)) {
      const batch = await em.findOne(ImportBatch, { where: { schoolId: school.id, fileSha256: sha } });
      if (batch) return { status: "UNCHANGED", batch };
      throw conflict("Another import of this school is being written: try again.");
    }
    throw error;
  }
}

interface Planned {
  report: FileReport;
  messages: ImportMessage[];
  rejected: boolean;
  studentId: number | null;
  cls: SchoolClass | null;
  periodId: number | null;
  /** Staff accounts named on the report (1D reference teachers) and per entry (2D). */
  referenceTeacherIds: number[];
  entryTeacherIds: number[][];
}

interface SchoolFacts {
  classes: Map<string, SchoolClass>;
  periodsByScheme: Map<number, Period[]>;
  enrolments: Map<string, Enrolment>;
  subjects: Map<string, Subject>;
  staff: Array<{ id: number; surname: string; firstName: string }>;
}

const nameKey = (value: string | null | undefined) => searchKey(value ?? "");

/** Everything the rules read, in a fixed number of statements whatever the file's size. */
async function loadFacts(em: EntityManager, school: School, reports: FileReport[]): Promise<SchoolFacts> {
  const years = [...new Set(reports.map((r) => (r.kind === "PERIODIC" ? r.period.year : r.year)).filter(Number.isFinite))];
  const classes = years.length ? await em.find(SchoolClass, { where: { schoolId: school.id, schoolYear: In(years) } }) : [];
  const schemeIds = [...new Set(classes.map((c) => c.periodSchemeId).filter((id): id is number => id !== null))];
  const periods = schemeIds.length ? await em.find(Period, { where: { schemeId: In(schemeIds) }, order: { position: "ASC" } }) : [];
  const enrolments: Map<string, Enrolment> = new Map();
  if (years.length) {
    const rows = await em
      .createQueryBuilder(Enrolment, "e")
      .innerJoinAndSelect("e.student", "s")
      .where("e.schoolId = :schoolId AND e.schoolYear IN (:...years)", { schoolId: school.id, years })
      .getMany();
    for (const e of rows) {
      const key = school.degree === Degree.SECOND ? (e.schoolPupilId === null ? null : String(e.schoolPupilId)) : e.student!.ine;
      if (key !== null) enrolments.set(`${e.schoolYear}:${key}`, e);
    }
  }
  const staff = await em
    .createQueryBuilder(Account, "a")
    .innerJoin(RoleAssignment, "r", "r.accountId = a.id")
    .where("r.schoolId = :schoolId AND r.role IN (:...roles)", { schoolId: school.id, roles: [Role.TEACHER, Role.DIRECTOR, Role.HEAD] })
    .select(["a.id", "a.surname", "a.firstName"])
    .getMany();
  const subjects = new Map((await em.find(Subject, { where: { degree: school.degree } })).map((s) => [s.code, s]));
  const periodsByScheme = new Map<number, Period[]>();
  for (const p of periods) periodsByScheme.set(p.schemeId, [...(periodsByScheme.get(p.schemeId) ?? []), p]);
  return {
    classes: new Map(classes.map((c) => [`${c.schoolYear}:${c.code.toLowerCase()}`, c])),
    periodsByScheme,
    enrolments,
    subjects,
    staff: [...new Map(staff.map((s) => [s.id, s])).values()],
  };
}

function findClass(facts: SchoolFacts, year: number, key: string): SchoolClass | null {
  const direct = facts.classes.get(`${year}:${key.toLowerCase()}`);
  if (direct) return direct;
  // 1D files name classes by their ONDE label: match the label too.
  for (const c of facts.classes.values()) if (c.schoolYear === year && c.label.toLowerCase() === key.toLowerCase()) return c;
  return null;
}

/** Staff of the school with this surname (1D: civilité and name are what LSU checks; Livret keeps no civilité). */
function matchTeacher(facts: SchoolFacts, teacher: FileTeacher, withFirstName: boolean): number | null {
  const surname = nameKey(teacher.surname);
  if (!surname) return null;
  const candidates = facts.staff.filter((s) => nameKey(s.surname) === surname);
  if (withFirstName && teacher.firstName) {
    const exact = candidates.find((s) => nameKey(s.firstName) === nameKey(teacher.firstName));
    if (exact) return exact.id;
  }
  return candidates.length ? candidates[0].id : null;
}

async function planReports(ctx: Context, em: EntityManager, school: School, reports: FileReport[]): Promise<Planned[]> {
  const facts = await loadFacts(em, school, reports);
  const first = school.degree === Degree.FIRST;
  return reports.map((report) => {
    const planned: Planned = { report, messages: [], rejected: false, studentId: null, cls: null, periodId: null, referenceTeacherIds: [], entryTeacherIds: [] };
    const element = report.kind === "PERIODIC" ? "lsun-bilans/donnees/bilans-periodiques/bilan-periodique" : "lsun-bilans/donnees/bilans-cycle/bilan-cycle";
    const reject = (code: string, rule: string, message: string, where = element, line = report.line) => {
      planned.messages.push({ code, rule, message, element: where, line });
      planned.rejected = true;
      return planned;
    };
    const warn = (code: string, rule: string, message: string, where = element, line = report.line) => planned.messages.push({ code, rule, message, element: where, line });
    const year = report.kind === "PERIODIC" ? report.period.year : report.year;

    if (year < ctx.schoolYear) return reject(ErrorCode.PAST_YEAR, "R-SEED-09", `Reports of ${year}-${year + 1}, an earlier school year, cannot be imported.`);
    const cls = findClass(facts, year, report.classKey);
    if (!cls) return reject("CLASS_NOT_FOUND", RULE, `Class ${report.classKey} does not exist in ${school.name} for ${year}-${year + 1}.`);
    planned.cls = cls;
    if (cls.dataSource !== ReportDataSource.IMPORT) {
      return reject(
        ErrorCode.SETTINGS_MISMATCH,
        cls.dataSource ? "R-SEED-05" : "R-SEED-02",
        cls.dataSource ? `Class ${cls.code} is set to ENTRY: its reports are typed in Livret, not imported.` : `Class ${cls.code} has no settings yet: set its data source to IMPORT first.`,
      );
    }
    const enrolment = facts.enrolments.get(`${year}:${report.pupilKey}`);
    if (!enrolment || enrolment.classId !== cls.id) {
      return reject(ErrorCode.NOT_FOUND, RULE, `No pupil ${first ? "with INE" : "with id-be"} ${report.pupilKey} in class ${cls.code} for ${year}-${year + 1}.`);
    }
    planned.studentId = enrolment.studentId;

    if (report.kind === "PERIODIC") {
      if (cls.periodSchemeId === null) return reject(ErrorCode.PERIODS_NOT_CONFIGURED, "R-SEED-01", `Periods are not set for class ${cls.code}.`);
      const periods = facts.periodsByScheme.get(cls.periodSchemeId) ?? [];
      const p = report.period;
      if (p.count !== periods.length || p.index < 1 || p.index > periods.length) {
        return reject("PERIOD_DATES_MISMATCH", RULE, `The file has ${p.count} periods; class ${cls.code} has ${periods.length}.`);
      }
      if (first) {
        // 1D: the file's periods of that year must be the class's, date for date.
        const same = report.allPeriods
          .filter((fp) => fp.year === p.year && fp.count === p.count)
          .every((fp) => periods[fp.index - 1]?.startsOn === fp.startsOn && periods[fp.index - 1]?.endsOn === fp.endsOn);
        if (!same) return reject("PERIOD_DATES_MISMATCH", RULE, `The file's period dates differ from those of class ${cls.code}.`);
      }
      planned.periodId = periods[p.index - 1].id;

      // The graph's list bounds (src/common/bounds.ts) hold for imported reports too: past one, the report is rejected.
      const overBound = (name: BoundName, count: number, what: string, where = element, line = report.line) =>
        count > BOUND[name] ? reject(ErrorCode.BAD_USER_INPUT, BOUND_RULE, `The report has ${count} ${what}; Livret keeps at most ${BOUND[name]} (${name}).`, where, line) : null;
      const acquis = `${element}/liste-acquis/acquis`;
      if (overBound("entriesPerReport", report.entries.length, "subjects", `${element}/liste-acquis`)) return planned;
      if (overBound("teachersPerEntry", report.referenceTeachers.length, "reference teachers", `${element}/@enseignant-refs`)) return planned;
      for (const entry of report.entries) {
        if (overBound("pupilProgramElementsPerEntry", new Set(entry.elements).size, `program elements in ${entry.code}`, `${acquis}/@element-programme-refs`, entry.line)) return planned;
        if (overBound("teachersPerEntry", entry.teachers.length, `teachers on ${entry.code}`, `${acquis}/@enseignant-refs`, entry.line)) return planned;
      }
      const seen = new Set<string>();
      for (const entry of report.entries) {
        if (!facts.subjects.has(entry.code)) return reject(ErrorCode.BAD_USER_INPUT, RULE, `Subject ${entry.code} is not one Livret knows for this degree.`);
        if (seen.has(entry.code)) return reject(ErrorCode.BAD_USER_INPUT, "R-PUB-20", `Subject ${entry.code} appears twice in one report.`);
        seen.add(entry.code);
        const grades = cls.positioningType === PositioningType.GRADES;
        if ((grades && entry.positioning !== null) || (!grades && (entry.studentAverage !== null || entry.classAverage !== null))) {
          return reject(ErrorCode.SETTINGS_MISMATCH, "R-PUB-06", `Class ${cls.code} is set to ${cls.positioningType}: ${entry.code} carries ${grades ? "a positioning" : "an average"}.`);
        }
        planned.entryTeacherIds.push([...new Set(entry.teachers.map((t) => matchTeacher(facts, t, true)).filter((id): id is number => id !== null))]);
      }
      if (first) {
        for (const t of report.referenceTeachers) {
          const id = matchTeacher(facts, t, false);
          if (id === null) warn("UNKNOWN_TEACHER", RULE, `Teacher ${[t.civility, t.surname].filter(Boolean).join(" ")} is not on the school's staff.`);
          else if (!planned.referenceTeacherIds.includes(id)) planned.referenceTeacherIds.push(id);
        }
        if (report.supportMeasures.length) {
          warn("SUPPORT_MEASURES_IGNORED", RULE, "1D support measures come from the pupils' directory; those in the file were ignored.");
        }
      }
    } else if (first) {
      for (const t of report.referenceTeachers) {
        if (matchTeacher(facts, t, false) === null) warn("UNKNOWN_TEACHER", RULE, `Teacher ${[t.civility, t.surname].filter(Boolean).join(" ")} is not on the school's staff.`);
      }
    }
    return planned;
  });
}

interface BatchHeader {
  degree: Degree;
  schemaVersion: string;
  editor: string;
  application: string;
  applicationVersion: string | null;
  fileSha256: string;
  fileBytes: number;
  onProgress?: ImportOptions["onProgress"];
}

/** Full rows of a report and its parts, for the archive of what an import replaced. */
async function archivePeriodic(tx: EntityManager, ids: number[]): Promise<Map<number, Record<string, unknown[]>>> {
  const byReport = new Map<number, Record<string, unknown[]>>(ids.map((id) => [id, {}]));
  const put = (table: string, rows: Array<Record<string, unknown>>, reportOf: (r: Record<string, unknown>) => number) => {
    for (const row of rows) {
      const bucket = byReport.get(reportOf(row))!;
      (bucket[table] ??= []).push(row);
    }
  };
  put("periodic_report", await loadRows(tx, PeriodicReport, "id", ids), (r) => r.id as number);
  const entries = await loadRows(tx, ReportEntry, "reportId", ids);
  put("report_entry", entries, (r) => r.reportId as number);
  const entryReport = new Map(entries.map((e) => [e.id as number, e.reportId as number]));
  const entryIds = [...entryReport.keys()];
  put("report_entry_teacher", await loadRows(tx, ReportEntryTeacher, "entryId", entryIds), (r) => entryReport.get(r.entryId as number)!);
  put("report_entry_element", await loadRows(tx, ReportEntryElement, "entryId", entryIds), (r) => entryReport.get(r.entryId as number)!);
  for (const [table, target] of [
    ["report_reference_teacher", ReportReferenceTeacher],
    ["report_digital_skill", ReportDigitalSkill],
    ["report_parcours", ReportParcours],
    ["report_support_measure", ReportSupportMeasure],
  ] as const) {
    put(table, await loadRows(tx, target, "reportId", ids), (r) => r.reportId as number);
  }
  return byReport;
}

async function writeBatch(ctx: Context, tx: EntityManager, school: School, plan: Planned[], header: BatchHeader): Promise<ImportBatch> {
  const accountId = ctx.principal!.accountId;
  const now = ctx.clock.now();
  const inserted = await tx.insert(ImportBatch, {
    schoolId: school.id,
    importedByAccountId: accountId,
    degree: header.degree,
    schemaVersion: header.schemaVersion,
    editor: header.editor,
    application: header.application,
    applicationVersion: header.applicationVersion,
    fileSha256: header.fileSha256,
    fileBytes: header.fileBytes,
  });
  const batchId = Number(inserted.identifiers[0].id);

  // Settings read before the transaction must still hold: re-read the classes under their row locks.
  const classIds = [...new Set(plan.filter((p) => !p.rejected && p.cls).map((p) => p.cls!.id))].sort((a, b) => a - b);
  for (const id of classIds) {
    const cls = await lockClassRow(tx, id);
    if (cls.dataSource !== ReportDataSource.IMPORT || cls.periodSchemeId !== plan.find((p) => p.cls?.id === id)!.cls!.periodSchemeId) {
      for (const p of plan.filter((q) => !q.rejected && q.cls?.id === id)) {
        p.rejected = true;
        p.messages.push({ code: ErrorCode.SETTINGS_MISMATCH, rule: "R-SEED-05", message: `Class ${cls.code}'s settings changed during the import.`, element: "", line: p.report.line });
      }
    }
  }

  const periodic = plan.filter((p): p is Planned & { report: FilePeriodicReport } => !p.rejected && p.report.kind === "PERIODIC");
  const cycle = plan.filter((p): p is Planned & { report: FileCycleReport } => !p.rejected && p.report.kind === "CYCLE");
  let replaced = 0;

  // Existing periodic reports of the same pupils and periods: an earlier import's are replaced (archived
  // first); typed-in or read-only ones are never touched, and that report is rejected.
  const existing = new Map<string, PeriodicReport>();
  for (const part of chunks(periodic, 500)) {
    const rows = await tx.find(PeriodicReport, { where: { studentId: In(part.map((p) => p.studentId!)), periodId: In([...new Set(part.map((p) => p.periodId!))]) } });
    for (const r of rows) existing.set(`${r.studentId}:${r.periodId}`, r);
  }
  const toReplace: number[] = [];
  for (const p of periodic) {
    const current = existing.get(`${p.studentId}:${p.periodId}`);
    if (!current) continue;
    if (current.readOnly) {
      p.rejected = true;
      p.messages.push({ code: ErrorCode.REPORT_READ_ONLY, rule: "R-SEED-04", message: "This pupil's report for the period is read-only for good.", element: "", line: p.report.line });
    } else if (current.source !== ReportDataSource.IMPORT) {
      p.rejected = true;
      p.messages.push({ code: ErrorCode.SETTINGS_MISMATCH, rule: "R-SEED-05", message: "This pupil's report for the period was typed in Livret: an import never replaces it.", element: "", line: p.report.line });
    } else toReplace.push(current.id);
  }
  if (toReplace.length) {
    const archived = await archivePeriodic(tx, toReplace);
    for (const part of chunks([...archived], 100)) {
      await tx.insert(ImportReplacedReport, part.map(([reportId, rows]) => ({ batchId, kind: "PERIODIC", reportId, rows: JSON.stringify(rows) })));
    }
    await deleteByIds(tx, PeriodicReport, toReplace);
    replaced += toReplace.length;
  }

  const accepted = periodic.filter((p) => !p.rejected);
  const reportIds = new Map<Planned, number>();
  for (const [i, part] of chunks(accepted, WRITE_CHUNK).entries()) {
    await bulkInsert(
      tx,
      PeriodicReport,
      part.map((p) => ({
        studentId: p.studentId!,
        periodId: p.periodId!,
        classId: p.cls!.id,
        schoolYear: p.cls!.schoolYear,
        status: ReportStatus.LOCKED,
        readOnly: false,
        source: ReportDataSource.IMPORT,
        // R-PUB-04: locked, with the file's own lock date when it gives one.
        lockedAt: p.report.lockedAt ?? now,
        lockedByAccountId: accountId,
        synthesis: p.report.synthesis || null,
        lateCount: p.report.schoolLife?.late ?? null,
        justifiedAbsences: p.report.schoolLife?.justified ?? null,
        unjustifiedAbsences: p.report.schoolLife?.unjustified ?? null,
        schoolLifeComment: p.report.schoolLife?.comment ?? null,
        digitalSkillsAppreciation: p.report.digitalSkills?.appreciation?.trim() || null,
        version: 1,
      })),
    );
    // Ids read back by the (pupil, period) key: portable, unlike multi-row generated ids.
    const rows = await tx.find(PeriodicReport, {
      select: { id: true, studentId: true, periodId: true },
      where: { studentId: In(part.map((p) => p.studentId!)), periodId: In([...new Set(part.map((p) => p.periodId!))]) },
    });
    const byKey = new Map(rows.map((r) => [`${r.studentId}:${r.periodId}`, r.id]));
    for (const p of part) reportIds.set(p, byKey.get(`${p.studentId}:${p.periodId}`)!);
    await writePeriodicParts(tx, part, reportIds, school.degree);
    header.onProgress?.((i + 1) * WRITE_CHUNK, accepted.length, "write");
  }

  const cycleIds = new Map<Planned, number>();
  if (cycle.length) {
    const current = new Map<string, CycleReport>();
    for (const part of chunks(cycle, 500)) {
      const rows = await tx.find(CycleReport, { where: { studentId: In(part.map((p) => p.studentId!)), cycle: In([...new Set(part.map((p) => p.report.cycle))]) } });
      for (const r of rows) current.set(`${r.studentId}:${r.cycle}`, r);
    }
    const existingIds = [...current.values()].map((r) => r.id);
    const fromImport = new Set<number>();
    for (const part of chunks(existingIds)) {
      for (const o of await tx.find(ImportOutcome, { select: { cycleReportId: true }, where: { cycleReportId: In(part) } })) fromImport.add(o.cycleReportId!);
    }
    const replace: number[] = [];
    for (const p of cycle) {
      const r = current.get(`${p.studentId}:${p.report.cycle}`);
      if (!r) continue;
      if (!fromImport.has(r.id)) {
        p.rejected = true;
        p.messages.push({ code: ErrorCode.SETTINGS_MISMATCH, rule: "R-SEED-05", message: "This pupil's end-of-cycle report was typed in Livret: an import never replaces it.", element: "", line: p.report.line });
      } else replace.push(r.id);
    }
    if (replace.length) {
      const reports = await loadRows(tx, CycleReport, "id", replace);
      const components = await loadRows(tx, CycleReportComponent, "cycleReportId", replace);
      await tx.insert(
        ImportReplacedReport,
        reports.map((r) => ({
          batchId,
          kind: "CYCLE",
          reportId: r.id as number,
          rows: JSON.stringify({ cycle_report: [r], cycle_report_component: components.filter((c) => c.cycleReportId === r.id) }),
        })),
      );
      await tx.update(ImportOutcome, { cycleReportId: In(replace) }, { cycleReportId: null });
      await deleteByIds(tx, CycleReport, replace);
      replaced += replace.length;
    }
    const acceptedCycle = cycle.filter((p) => !p.rejected);
    for (const part of chunks(acceptedCycle, WRITE_CHUNK)) {
      await bulkInsert(
        tx,
        CycleReport,
        part.map((p) => ({
          studentId: p.studentId!,
          cycle: p.report.cycle,
          schoolYear: p.report.year,
          schoolId: school.id,
          status: ReportStatus.LOCKED,
          lockedAt: p.report.lockedAt ?? now,
          synthesis: p.report.synthesis,
          complementaryTeachingCode: p.report.complementaryTeaching?.code ?? null,
          complementaryTeachingLevel: p.report.complementaryTeaching?.level ?? null,
          regionalLanguageCode: p.report.regionalLanguage?.code ?? null,
          regionalLanguageLevel: p.report.regionalLanguage?.level ?? null,
          createdByAccountId: accountId,
          version: 1,
        })),
      );
      const rows = await tx.find(CycleReport, {
        select: { id: true, studentId: true, cycle: true },
        where: { studentId: In(part.map((p) => p.studentId!)), cycle: In([...new Set(part.map((p) => p.report.cycle))]) },
      });
      const byKey = new Map(rows.map((r) => [`${r.studentId}:${r.cycle}`, r.id]));
      for (const p of part) cycleIds.set(p, byKey.get(`${p.studentId}:${p.report.cycle}`)!);
      const components = part.flatMap((p) => p.report.components.map((c) => ({ cycleReportId: cycleIds.get(p)!, code: c.code, level: c.level })));
      await bulkInsert(tx, CycleReportComponent, components);
    }
  }

  const outcomeOf = (p: Planned): string => (p.rejected ? "REJECTED" : p.messages.length ? "IMPORTED_WITH_WARNINGS" : "IMPORTED");
  const outcomes = plan.map((p) => ({
    batchId,
    position: p.report.position,
    kind: p.report.kind,
    outcome: outcomeOf(p),
    pupilKey: p.report.pupilKey.slice(0, 20),
    studentId: p.studentId,
    periodIndex: p.report.kind === "PERIODIC" ? p.report.period.index : null,
    cycle: p.report.kind === "CYCLE" ? p.report.cycle : null,
    line: p.report.line,
    periodicReportId: p.rejected ? null : (reportIds.get(p) ?? null),
    cycleReportId: p.rejected ? null : (cycleIds.get(p) ?? null),
    messages: JSON.stringify(boundedMessages(p.messages)),
  }));
  await bulkInsert(tx, ImportOutcome, outcomes, WRITE_CHUNK);
  const counts = {
    importedCount: outcomes.filter((o) => o.outcome === "IMPORTED").length,
    warningCount: outcomes.filter((o) => o.outcome === "IMPORTED_WITH_WARNINGS").length,
    rejectedCount: outcomes.filter((o) => o.outcome === "REJECTED").length,
    replacedCount: replaced,
  };
  await tx.update(ImportBatch, { id: batchId }, counts);

  // R-NEW-02: the batch's event, and one per report written, in this same transaction.
  await recordAudit(ctx, tx, { action: "IMPORT_LSU", entityType: "ImportBatch", entityId: batchId, schoolId: school.id, details: { ...counts, fileSha256: header.fileSha256 } });
  const events = [
    ...[...reportIds].map(([p, id]) => ({ entityType: "PeriodicReport", entityId: String(id), studentId: p.studentId })),
    ...[...cycleIds].map(([p, id]) => ({ entityType: "CycleReport", entityId: String(id), studentId: p.studentId })),
  ].map((e) => ({ ...e, actorAccountId: accountId, action: "IMPORT_REPORT", schoolId: school.id, requestId: ctx.requestId, details: JSON.stringify({ batchId }) }));
  await bulkInsert(tx, AuditEvent, events as Array<Partial<AuditEvent>>, WRITE_CHUNK);
  return tx.findOneOrFail(ImportBatch, { where: { id: batchId } });
}

/** A report's messages within their list bound: the last one kept says how many more there were. */
function boundedMessages(messages: ImportMessage[]): ImportMessage[] {
  const max = BOUND.messagesPerImportedReport;
  if (messages.length <= max) return messages;
  const kept = messages.slice(0, max - 1);
  const last = messages[max - 1];
  return [...kept, { ...last, code: "MESSAGES_TRUNCATED", rule: BOUND_RULE, message: `${messages.length - kept.length} more messages were not kept (messagesPerImportedReport).` }];
}

async function writePeriodicParts(tx: EntityManager, part: Planned[], reportIds: Map<Planned, number>, degree: Degree): Promise<void> {
  const entries = part.flatMap((p) =>
    (p.report as FilePeriodicReport).entries.map((e) => ({
      reportId: reportIds.get(p)!,
      subjectCode: e.code,
      positioning: e.positioning,
      studentAverage: e.studentAverage,
      classAverage: e.classAverage,
      appreciation: e.appreciation,
    })),
  );
  await bulkInsert(tx, ReportEntry, entries);
  const ids = [...reportIds.values()];
  const entryRows = await tx.find(ReportEntry, { select: { id: true, reportId: true, subjectCode: true }, where: { reportId: In(part.map((p) => reportIds.get(p)!)) } });
  void ids;
  const entryId = new Map(entryRows.map((e) => [`${e.reportId}:${e.subjectCode}`, e.id]));
  const elements: Array<{ entryId: number; label: string }> = [];
  const teachers: Array<{ entryId: number; accountId: number }> = [];
  const reference: Array<{ reportId: number; accountId: number }> = [];
  const parcours: Array<{ reportId: number; code: string; text: string }> = [];
  const measures: Array<{ reportId: number; code: string; details: string | null }> = [];
  const skills: Array<{ reportId: number; code: string; level: number }> = [];
  for (const p of part) {
    const r = p.report as FilePeriodicReport;
    const reportId = reportIds.get(p)!;
    r.entries.forEach((e, i) => {
      const id = entryId.get(`${reportId}:${e.code}`)!;
      for (const label of [...new Set(e.elements)]) elements.push({ entryId: id, label });
      for (const accountId of p.entryTeacherIds[i] ?? []) teachers.push({ entryId: id, accountId });
    });
    for (const accountId of p.referenceTeacherIds) reference.push({ reportId, accountId });
    for (const q of r.parcours) parcours.push({ reportId, code: q.code, text: q.text });
    // 1D support measures come from ONDE: the file's are ignored (warned in the plan).
    if (degree === Degree.SECOND) for (const m of r.supportMeasures) measures.push({ reportId, code: m.code, details: m.details });
    for (const s of r.digitalSkills?.levels ?? []) skills.push({ reportId, code: s.code, level: s.level });
  }
  for (const [target, rows] of [
    [ReportEntryElement, elements],
    [ReportEntryTeacher, teachers],
    [ReportReferenceTeacher, reference],
    [ReportParcours, parcours],
    [ReportSupportMeasure, measures],
    [ReportDigitalSkill, skills],
  ] as const) {
    await bulkInsert(tx, target as new () => object, rows as object[]);
  }
}

export interface ImportMessageView extends ImportMessage {
  pupil: string;
  period: number | null;
}

/** A batch of a school the caller leads, or NOT_FOUND. */
export async function findBatch(ctx: Context, id: number): Promise<ImportBatch> {
  const batch = await ctx.dataSource.manager.findOne(ImportBatch, { where: { id } });
  if (!batch || !mayImportInto(ctx.principal, batch.schoolId)) throw notFound("Import batch");
  return batch;
}

/** A school's batches, newest first, for its DIRECTOR/HEAD; cursor = the last batch id seen. */
export async function schoolBatches(ctx: Context, school: School, first: number, after: string | null) {
  if (!mayImportInto(ctx.principal, school.id)) throw forbidden("Only this school's DIRECTOR or HEAD may read its imports.");
  const qb = ctx.dataSource.getRepository(ImportBatch).createQueryBuilder("b").where("b.schoolId = :schoolId", { schoolId: school.id });
  const totalCount = await qb.getCount();
  const afterId = after ? Number(Buffer.from(after, "base64url").toString("utf8")) : null;
  if (afterId !== null && Number.isInteger(afterId)) qb.andWhere("b.id < :afterId", { afterId });
  const rows = await qb.orderBy("b.id", "DESC").take(first + 1).getMany();
  const items = rows.slice(0, first);
  const last = items[items.length - 1];
  return { items, totalCount, hasNextPage: rows.length > first, endCursor: last ? Buffer.from(String(last.id)).toString("base64url") : null };
}

export async function batchOutcomes(ctx: Context, batchId: number): Promise<ImportOutcome[]> {
  return ctx.dataSource.manager.find(ImportOutcome, { where: { batchId }, order: { position: "ASC" } });
}
