import { inheritsParent, isSchoolLead, isSchoolStaff, isStaffMember } from "../../auth/rules";
import { inheriting, recordFilter, recordGate, RuleTree } from "../../auth/rule-tree";
import { PeriodicReport } from "./periodic-report.entity";
import { ReportEntry } from "./report-parts.entity";
import { reportView, showsSubject, showsWholeReport } from "./report.policy";

/** A list of reports shows those report.policy lets the caller read (R-SEED-12, R-SEED-13, SPEC §2), on every path. */
export const readableReport = recordFilter("readableReport", async (ctx, _parent: unknown, r: PeriodicReport) => (await reportView(ctx, r)).kind !== "NONE");
/** The whole-report parts (synthesis, school life, parcours, support, digital skills): not for a group-only teacher. */
const wholeReport = recordGate("wholeReport", async (ctx, r: PeriodicReport) => showsWholeReport(await reportView(ctx, r)));
/** The entries of the subjects the caller's view of the report shows. */
const readableEntry = recordFilter("readableEntry", async (ctx, r: PeriodicReport, e: ReportEntry) => showsSubject(await reportView(ctx, r), e.subjectCode));

export const reportRules: RuleTree = {
  // Any staff member may ask; report.policy decides (a DASEN reads a report they authorised an amendment of).
  Query: { periodicReport: isStaffMember },
  Mutation: {
    createPeriodicReport: isSchoolStaff,
    updatePeriodicReport: isSchoolStaff,
    lockPeriodicReport: isSchoolStaff,
    unlockPeriodicReport: isSchoolLead,
    lockClassReports: isSchoolStaff,
    setClassProgramElements: isSchoolStaff,
    setCollectiveDigitalSkillsAppreciation: isSchoolStaff,
    setGroupCollectiveDigitalSkillsAppreciation: isSchoolStaff,
  },
  // A report and its parts carry a pupil's record: every field is named, no "*". The report itself
  // was shown by its view (readableReport, or the NOT_FOUND of findReadableReport); its parts follow it.
  PeriodicReport: {
    ...inheriting("id", "schoolYear", "status", "readOnly", "source", "lockedAt", "version", "student", "period", "class", "referenceTeachers"),
    entries: readableEntry,
    synthesis: wholeReport,
    schoolLife: wholeReport,
    parcours: wholeReport,
    supportMeasures: wholeReport,
    digitalSkills: wholeReport,
  },
  ReportEntry: inheriting("id", "subject", "positioning", "studentAverage", "classAverage", "appreciation", "teachers", "programElements"),
  StaffMember: inheriting("id", "surname", "firstName"),
  ProgramElement: inheriting("id", "label", "wholeClass"),
  SchoolLife: inheriting("lateCount", "justifiedAbsences", "unjustifiedAbsences", "comment"),
  Parcours: inheriting("code", "text"),
  SupportMeasure: inheriting("code", "details"),
  DigitalSkillLevel: inheriting("code", "level"),
  DigitalSkills: inheriting("levels", "appreciation", "collectiveAppreciation", "groupAppreciations"),
  GroupAppreciation: inheriting("groupCode", "groupLabel", "text"),
  LockRefusal: { "*": inheritsParent },
  LockClassReportsResult: { "*": inheritsParent },
};
