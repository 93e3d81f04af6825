import { EntityManager, In, IsNull } from "typeorm";
import { checkLength, checkText } from "../../common/text";
import { toStaffMember } from "../report/report.types";
import { BOUND } from "../../common/bounds";
import { Context, inTransaction } from "../../common/context";
import { Degree } from "../../common/domain";
import { badInput, conflict, ErrorCode, notFound, ruleError } from "../../common/errors";
import { parseId } from "../../common/ids";
import { Account } from "../account/account.entity";
import { recordAudit } from "../audit/audit.service";
import { SchoolClass } from "../class/school-class.entity";
import { PeriodicReport } from "../report/periodic-report.entity";
import { isReportElementKey } from "../report/report.codes";
import { openToAuthority } from "../report/report.policy";
import { School } from "../school/school.entity";
import { Student } from "../student/student.entity";
import { noteRecordRead } from "../student/record";
import { Subject } from "../subject/subject.entity";
import { GrantPriorYearAmendmentInput } from "./amendment.inputs";
import { scopeAmendingAuthority } from "./amendment.policy";
import { PriorYearAmendmentView } from "./amendment.types";
import { PriorYearAmendment } from "./prior-year-amendment.entity";

const ENTRY_PREFIX = "ENTRY:";

/** Shape of the element list: known keys, each once. Subject codes are checked against the table later. */
function validateElementKeys(elements: string[]): void {
  if (elements.length === 0) throw badInput("elements", "must list at least one element");
  const seen = new Set<string>();
  elements.forEach((key, i) => {
    if (!isReportElementKey(key)) {
      throw badInput(
        `elements[${i}]`,
        "is not a report element (SYNTHESIS, SCHOOL_LIFE, PARCOURS, SUPPORT_MEASURES, DIGITAL_SKILLS or ENTRY:<subject code>)",
      );
    }
    if (seen.has(key)) throw badInput(`elements[${i}]`, "is listed twice");
    seen.add(key);
  });
}

interface AmendableReport {
  id: number;
  studentId: number;
  schoolYear: number;
  readOnly: boolean;
  schoolId: number;
  degree: Degree;
}

/**
 * The report with its school, only when the caller holds the authority R-SEED-10 gives. Written in
 * SQL so that a report outside that authority is indistinguishable from a missing one.
 */
async function findAmendableReport(ctx: Context, em: EntityManager, reportId: number): Promise<AmendableReport> {
  const qb = em
    .createQueryBuilder(PeriodicReport, "r")
    .innerJoin(SchoolClass, "c", "c.id = r.classId")
    .innerJoin(School, "s", "s.id = c.schoolId")
    .select("r.id", "id")
    .addSelect("r.studentId", "studentId")
    .addSelect("r.schoolYear", "schoolYear")
    .addSelect("r.readOnly", "readOnly")
    .addSelect("s.id", "schoolId")
    .addSelect("s.degree", "degree")
    .where("r.id = :reportId", { reportId });
  if (!scopeAmendingAuthority(ctx, qb)) throw notFound("Report");
  const row = await qb.getRawOne<Record<string, unknown>>();
  if (!row) throw notFound("Report");
  return {
    id: Number(row.id),
    studentId: Number(row.studentId),
    schoolYear: Number(row.schoolYear),
    // Raw rows carry the boolean as 0/1 on SQLite and MariaDB alike.
    readOnly: row.readOnly === true || Number(row.readOnly) === 1,
    schoolId: Number(row.schoolId),
    degree: row.degree as Degree,
  };
}

/** ENTRY:<code> must name a subject of the report's degree (a 2D discipline never appears on a 1D report). */
async function checkEntrySubjects(em: EntityManager, elements: string[], degree: Degree): Promise<void> {
  const codes = elements.filter((e) => e.startsWith(ENTRY_PREFIX)).map((e) => e.slice(ENTRY_PREFIX.length));
  if (!codes.length) return;
  const subjects = await em.find(Subject, { where: { code: In(codes) } });
  elements.forEach((key, i) => {
    if (!key.startsWith(ENTRY_PREFIX)) return;
    const subject = subjects.find((s) => s.code === key.slice(ENTRY_PREFIX.length));
    if (!subject) throw badInput(`elements[${i}]`, "names no known subject");
    if (subject.degree !== degree) throw badInput(`elements[${i}]`, `names a ${subject.degree} degree subject, but the report is ${degree} degree`);
  });
}

/**
 * Grants a written authorisation to amend listed elements of a past-year report (R-SEED-10):
 * the DASEN of the academy for an école, the HEAD for a collège. Written with its audit event.
 */
export async function grantPriorYearAmendment(ctx: Context, input: GrantPriorYearAmendmentInput): Promise<PriorYearAmendmentView> {
  const reportId = parseId(input.reportId, "reportId");
  validateElementKeys(input.elements);
  const ticketRef = checkText(input.ticketRef, "ticketRef", 50);
  const documentRef = checkText(input.documentRef, "documentRef", 200);
  const elements = [...input.elements];

  return inTransaction(ctx, async (em) => {
    const report = await findAmendableReport(ctx, em, reportId);
    if (report.schoolYear >= ctx.schoolYear) {
      throw badInput(
        "reportId",
        `is not a past-year report (school year ${report.schoolYear}, current ${ctx.schoolYear}): it is edited directly; amendments apply only to earlier years`,
      );
    }
    if (report.readOnly) {
      // R-SEED-04(a): read-only for good; an authorisation could never be used.
      throw ruleError(ErrorCode.REPORT_READ_ONLY, "R-SEED-04", "This report is read-only for good after a data-source change: it cannot be amended.");
    }
    await checkEntrySubjects(em, elements, report.degree);

    const grantedByAccountId = ctx.principal!.accountId;
    const saved = await em.save(
      em.create(PriorYearAmendment, { reportId: report.id, grantedByAccountId, elements: JSON.stringify(elements), ticketRef, documentRef }),
    );
    await recordAudit(ctx, em, {
      action: "GRANT_PRIOR_YEAR_AMENDMENT",
      entityType: "PeriodicReport",
      entityId: report.id,
      schoolId: report.schoolId,
      studentId: report.studentId,
      // References only: the ticket and the document name the authorisation, not the pupil's texts.
      details: { amendmentId: saved.id, elements, ticketRef, documentRef },
    });
    // Re-read so that grantedAt is the stored value on every driver.
    const stored = await em.findOneOrFail(PriorYearAmendment, { where: { id: saved.id } });
    const grantor = await em.findOneOrFail(Account, { where: { id: grantedByAccountId } });
    return toAmendmentView(stored, grantor, null);
  });
}

export function toAmendmentView(stored: PriorYearAmendment, grantor: Account, closer: Account | null): PriorYearAmendmentView {
  return {
    id: stored.id,
    reportId: stored.reportId,
    elements: parseElements(stored.elements),
    ticketRef: stored.ticketRef,
    documentRef: stored.documentRef,
    grantedAt: stored.grantedAt,
    grantedBy: toStaffMember(grantor),
    closedAt: stored.closedAt,
    closedBy: closer ? toStaffMember(closer) : null,
  };
}

/** The stored JSON list of element keys; anything malformed authorises nothing. */
function parseElements(stored: string): string[] {
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((e): e is string => typeof e === "string") : [];
  } catch {
    return [];
  }
}

/**
 * R-SEED-10: the ids of the open amendments of `report` that together cover every element of the edit.
 * Throws AMENDMENT_NOT_AUTHORISED when one element is not covered. A closed amendment (already used
 * by an edit, see closeAmendments) covers nothing.
 *
 * Reads through `em`, inside the caller's transaction. The set is chosen greedily: the amendment that
 * covers most of the still-uncovered elements first, the older one on a tie, so that an edit is
 * attributed to as few authorisations as possible. Ids are returned distinct and ascending.
 * Elements match exactly (ENTRY:FRA-RAC does not cover ENTRY:FRA-LEC). A report without any
 * amendment is always refused, even for an empty element list.
 */
export async function amendmentsCovering(
  _ctx: Context,
  em: EntityManager,
  report: PeriodicReport,
  elements: string[],
): Promise<number[]> {
  const wanted = [...new Set(elements)];
  const amendments = await em.find(PriorYearAmendment, { where: { reportId: report.id, closedAt: IsNull() }, order: { id: "ASC" } });
  const covers = amendments.map((a) => ({ id: a.id, keys: new Set(parseElements(a.elements)) }));

  const uncovered = wanted.filter((key) => !covers.some((a) => a.keys.has(key)));
  if (!amendments.length || uncovered.length) {
    const missing = amendments.length ? uncovered : wanted;
    const message = missing.length
      ? `No written amendment authorises changing ${missing.join(", ")} on this past-year report.`
      : "This past-year report has no open written amendment: it cannot change.";
    throw ruleError(ErrorCode.AMENDMENT_NOT_AUTHORISED, "R-SEED-10", message, { uncovered: missing });
  }

  const remaining = new Set(wanted);
  const used: number[] = [];
  while (remaining.size) {
    let best = covers[0];
    let bestGain = -1;
    for (const a of covers) {
      const gain = [...remaining].filter((key) => a.keys.has(key)).length;
      // Strictly greater keeps the older amendment on a tie (covers are in ascending id order).
      if (gain > bestGain) {
        best = a;
        bestGain = gain;
      }
    }
    used.push(best.id);
    for (const key of best.keys) remaining.delete(key);
  }
  return used.sort((a, b) => a - b);
}

/**
 * R-SEED-10: an authorisation is used once. The edit that applied `ids` closes them, in its own
 * transaction, with one audit event each. Closing only open rows in the UPDATE itself means two
 * edits racing on one authorisation cannot both use it: the second gets CONFLICT.
 */
export async function closeAmendments(
  ctx: Context,
  em: EntityManager,
  report: { id: number; studentId: number },
  schoolId: number,
  ids: number[],
): Promise<void> {
  if (!ids.length) return;
  const closedByAccountId = ctx.principal!.accountId;
  const closed = await em
    .createQueryBuilder()
    .update(PriorYearAmendment)
    .set({ closedAt: ctx.clock.now(), closedByAccountId })
    .where("id IN (:...ids) AND closedAt IS NULL", { ids })
    .execute();
  if (closed.affected !== ids.length) {
    throw conflict("The authorisation was used by another edit meanwhile: it allows one edit only.", "R-SEED-10");
  }
  for (const amendmentId of ids) {
    await recordAudit(ctx, em, {
      action: "CLOSE_PRIOR_YEAR_AMENDMENT",
      entityType: "PeriodicReport",
      entityId: report.id,
      schoolId,
      studentId: report.studentId,
      details: { amendmentId },
    });
  }
}

/**
 * R-SEED-10: the granting authority finds the past-year reports of a pupil, by INE and school year,
 * within their authority (DASEN: the écoles of their academy; HEAD: their collège), to read them and
 * grant an amendment. Filtered in SQL; the read is audited like any staff read of a record (R-NEW-02).
 */
export async function authorityPastReports(ctx: Context, ine: string, schoolYear: number): Promise<PeriodicReport[]> {
  checkLength(ine.trim(), "ine", 20);
  if (schoolYear >= ctx.schoolYear) {
    throw badInput("schoolYear", `must be an earlier school year than the current one (${ctx.schoolYear}): this year's reports are read by the school`);
  }
  const qb = ctx.dataSource
    .getRepository(PeriodicReport)
    .createQueryBuilder("r")
    .innerJoin(Student, "st", "st.id = r.studentId")
    .innerJoin(SchoolClass, "c", "c.id = r.classId")
    .innerJoin(School, "s", "s.id = c.schoolId")
    .where("st.ine = :ine AND r.schoolYear = :schoolYear", { ine: ine.trim().toUpperCase(), schoolYear })
    .orderBy("r.periodId", "ASC")
    .addOrderBy("r.id", "ASC")
    .take(BOUND.authorityPastReports);
  if (!scopeAmendingAuthority(ctx, qb)) return [];
  const reports = await qb.getMany();
  openToAuthority(ctx, reports);
  for (const report of reports) noteRecordRead(ctx, report.studentId);
  return reports;
}

