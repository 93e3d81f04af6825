/**
 * The size of every list the graph can answer, in one table. The cost limit multiplies by these numbers, the
 * schema states them in each field's description, and the writes that could make a list longer refuse to go past
 * them: an estimate that data can exceed would let a request through that costs more than it was charged.
 *
 * `paged` lists are bounded by their `limit` argument (at most MAX_PAGE_SIZE). Every other list has a domain
 * bound and says where it is enforced. A list field missing from this table makes the server refuse to start.
 */
import { ErrorCode, LivretError } from "./errors";
import { MAX_PAGE_SIZE } from "./paging";

/** Domain bounds, named once and read by the cost table below and by the writes that enforce them. */
export const BOUND = {
  /** Classes of one school in one school year (directory load). */
  classesPerSchoolYear: 80,
  /** Teaching groups of one school in one school year (directory load). */
  groupsPerSchoolYear: 80,
  /** Period schemes of one school in one school year (configurePeriods, directory load). */
  periodSchemesPerSchoolYear: 10,
  /** Periods of one scheme (configurePeriods, directory load). */
  periodsPerScheme: 6,
  /** Pupils enrolled in one class in one year (directory load). */
  pupilsPerClass: 40,
  /** Pupils of one teaching group (directory load). */
  pupilsPerGroup: 60,
  /** Years of schooling (enrolments) of one pupil: CP to 3e with repeats (directory load). */
  enrolmentsPerPupil: 15,
  /** Groups of one pupil in one school year (directory load). */
  groupsPerPupilYear: 10,
  /** Guardians of one pupil (directory load). */
  guardiansPerPupil: 4,
  /** Children of one guardian (directory load). */
  childrenPerGuardian: 10,
  /** Roles of one account (directory load). */
  rolesPerAccount: 10,
  /** Teaching assignments of one teacher in one year (directory load). */
  assignmentsPerTeacherYear: 120,
  /** Subject entries of one report: one per subject, at most this many (updatePeriodicReport). */
  entriesPerReport: 30,
  /** Whole-class program elements of one class, period and subject (setClassProgramElements, carry-over). */
  classProgramElementsPerSubject: 30,
  /** Whole-class program elements of one class and period, all subjects together (setClassProgramElements, carry-over). */
  classProgramElementsPerPeriod: 300,
  /** A pupil's own program elements in one entry (updatePeriodicReport). */
  pupilProgramElementsPerEntry: 30,
  /** Teachers named on one entry, and reference teachers of one report (written with the report). */
  teachersPerEntry: 10,
  /** Pix certifications of one pupil (recordPixCertification). */
  pixCertificationsPerPupil: 10,
  /** Settings changes of a class listed (the newest; older ones stay in the audit trail). */
  settingsChangesListed: 20,
  /** A pupil's reports of one school year found by the granting authority (one per period, a class change at most doubles it). */
  authorityPastReports: 12,
  /** Records listed in one home notice (the first ones; the message gives the full count). */
  noticeRecordsListed: 100,
  /** Reports (periodic and end-of-cycle) of one LSU import file: a larger file is refused whole (POST /imports/lsu). */
  reportsPerImportFile: 3200,
  /** Coded messages of one imported report (written with the batch; past it, the last says how many more). */
  messagesPerImportedReport: 100,
} as const;

export type BoundName = keyof typeof BOUND;

/** The SPEC rule of every bound on input and on write (R-PUB-19: counts and lengths are bounded). */
export const BOUND_RULE = "R-PUB-19";

/**
 * The refusal of a write that would pass a domain bound: BAD_USER_INPUT with the rule, the bound's name
 * (`extensions.limit`) and its value (`extensions.max`), so a client can tell which bound it met.
 */
export function boundExceeded(field: string, name: BoundName, has: number, what: string): LivretError {
  const max = BOUND[name];
  return new LivretError(ErrorCode.BAD_USER_INPUT, `${field}: at most ${max} ${what} (has ${has})`, {
    field,
    rule: BOUND_RULE,
    details: { limit: name, max },
  });
}

/** Refuses `count` items where the bound allows fewer. */
export function checkBound(field: string, name: BoundName, count: number, what: string): void {
  if (count > BOUND[name]) throw boundExceeded(field, name, count, what);
}

export interface ListBound {
  /** Paged lists: multiplied by the `limit` argument. */
  paged?: true;
  /** Unpaged lists: the most items the list can hold. */
  max?: number;
  /** What bounds it, as the schema states it. */
  why: string;
}

const pupilReports = BOUND.periodsPerScheme * BOUND.enrolmentsPerPupil;

/** Every list field of the graph, `Type.field`, with its size. */
export const LIST_BOUNDS: Record<string, ListBound> = {
  "AuditEventPage.items": { paged: true, why: "the page's limit" },
  "SchoolPage.items": { paged: true, why: "the page's limit" },
  "StudentPage.items": { paged: true, why: "the page's limit" },

  "Query.homeNotices": { max: 8, why: "one notice per kind and school led" },
  "Query.myChildren": { max: BOUND.childrenPerGuardian, why: "children per guardian" },
  "Query.subjects": { max: 250, why: "the national code lists" },
  "HomeNotice.records": { max: BOUND.noticeRecordsListed, why: "the first records; the message gives the count" },

  "Me.roles": { max: BOUND.rolesPerAccount, why: "roles per account" },
  "Me.teaching": { max: BOUND.assignmentsPerTeacherYear, why: "teaching assignments per teacher and year" },

  "School.classes": { max: BOUND.classesPerSchoolYear, why: "classes per school and year" },
  "School.groups": { max: BOUND.groupsPerSchoolYear, why: "groups per school and year" },
  "School.periodSchemes": { max: BOUND.periodSchemesPerSchoolYear, why: "period schemes per school and year" },
  "PeriodScheme.classes": { max: BOUND.classesPerSchoolYear, why: "classes per school and year" },
  "PeriodScheme.periods": { max: BOUND.periodsPerScheme, why: "periods per scheme" },

  "SchoolClass.levels": { max: 9, why: "the levels CP to 3e" },
  "SchoolClass.periods": { max: BOUND.periodsPerScheme, why: "periods per scheme" },
  "SchoolClass.students": { max: BOUND.pupilsPerClass, why: "pupils per class" },
  "SchoolClass.periodicReports": { max: BOUND.pupilsPerClass, why: "one report per pupil of the class and period" },
  "SchoolClass.settingsChanges": { max: BOUND.settingsChangesListed, why: "the newest changes" },
  "TeachingGroup.students": { max: BOUND.pupilsPerGroup, why: "pupils per group" },

  "Student.enrolments": { max: BOUND.enrolmentsPerPupil, why: "years of schooling per pupil" },
  "Student.guardians": { max: BOUND.guardiansPerPupil, why: "guardians per pupil" },
  "Student.periodicReports": { max: pupilReports, why: "periods per year times years of schooling" },
  "Student.cycleReports": { max: 3, why: "one per cycle 2, 3 and 4" },
  "Student.attestations": { max: 6, why: "one per attestation type" },
  "Student.pixCertifications": { max: BOUND.pixCertificationsPerPupil, why: "certifications per pupil" },
  "Enrolment.groups": { max: BOUND.groupsPerPupilYear, why: "groups per pupil and year" },

  "PeriodicReport.entries": { max: BOUND.entriesPerReport, why: "subjects per report" },
  "PeriodicReport.parcours": { max: 4, why: "one per parcours code" },
  "PeriodicReport.supportMeasures": { max: 9, why: "one per support measure code" },
  "PeriodicReport.referenceTeachers": { max: BOUND.teachersPerEntry, why: "reference teachers per report" },
  "ReportEntry.programElements": {
    max: BOUND.classProgramElementsPerSubject + BOUND.pupilProgramElementsPerEntry,
    why: "whole-class elements of the subject plus the pupil's own",
  },
  "ReportEntry.teachers": { max: BOUND.teachersPerEntry, why: "teachers per entry" },
  "DigitalSkills.levels": { max: 16, why: "one per CN_* skill" },
  "DigitalSkills.groupAppreciations": { max: BOUND.groupsPerPupilYear, why: "groups per pupil and year" },

  "CycleReport.components": { max: 8, why: "one per common-core component" },
  "PixCertification.competences": { max: 16, why: "one per Pix competence" },

  "Query.priorYearReports": { max: BOUND.authorityPastReports, why: "the pupil's reports of that year" },
  "PriorYearAmendmentView.elements": { max: 50, why: "elements per amendment" },
  "LockClassReportsResult.refused": { max: BOUND.pupilsPerClass, why: "one report per pupil of the class" },
  "CarryOverResult.brought": { max: BOUND.classProgramElementsPerPeriod, why: "whole-class elements per period" },
  "TransferResult.fromAcademies": { max: 30, why: "academies" },

  "ImportBatchPage.items": { paged: true, why: "the page's `first`" },
  "ImportBatchView.outcomes": { max: BOUND.reportsPerImportFile, why: "reports per import file" },
  "ImportReportOutcome.messages": { max: BOUND.messagesPerImportedReport, why: "messages per imported report" },

  "Mutation.setClassProgramElements": { max: BOUND.classProgramElementsPerSubject, why: "whole-class elements per subject" },
};

/** The size the cost limit counts for a list field, given its arguments' values. */
export function listSize(bound: ListBound, args: Record<string, unknown>): number {
  if (bound.paged) return Math.min(Number(args.limit), MAX_PAGE_SIZE);
  return bound.max!;
}

/** The sentence the schema adds to a bounded list's description. */
export function boundSentence(bound: ListBound): string {
  return bound.paged ? `At most ${bound.why.includes("first") ? "`first`" : "`limit`"} (≤ ${MAX_PAGE_SIZE}) items.` : `At most ${bound.max} items (${bound.why}).`;
}
