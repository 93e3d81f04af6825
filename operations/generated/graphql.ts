/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: any; output: any; }
  /** A local date string (i.e., with no associated timezone) in `YYYY-MM-DD` format, e.g. `2020-01-01`. */
  LocalDate: { input: any; output: any; }
};

/** A regional education authority (académie). */
export type Academy = {
  __typename?: 'Academy';
  /** Academy code, e.g. A01. */
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** STAFF (ministry agent identity) or GUARDIAN (EduConnect). */
export type AccountKind =
  | 'GUARDIAN'
  | 'STAFF';

/** An attestation a pupil obtained: one per pupil and type. */
export type Attestation = {
  __typename?: 'Attestation';
  id: Scalars['ID']['output'];
  /** When the pupil obtained it. */
  obtainedOn: Scalars['LocalDate']['output'];
  /** The school where it was recorded. */
  school: School;
  /** School year (millésime) in which it was recorded. */
  schoolYear: Scalars['Int']['output'];
  type: AttestationType;
};

/** APER: first road-safety education (école); ASSN: school swimming (savoir nager); ASSR1 / ASSR2: school road-safety certificates, levels 1 and 2; AER: road education; PSC1: first aid, level 1. */
export type AttestationType =
  | 'AER'
  | 'APER'
  | 'ASSN'
  | 'ASSR1'
  | 'ASSR2'
  | 'PSC1';

/** One audited action. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** What was done, e.g. CONFIGURE_PERIODS. */
  action: Scalars['String']['output'];
  /** The account that acted; null for batch loads. */
  actorAccountId?: Maybe<Scalars['Int']['output']>;
  at: Scalars['DateTimeISO']['output'];
  /** JSON details: field names and identifiers, never pupils' texts. */
  details?: Maybe<Scalars['String']['output']>;
  entityId?: Maybe<Scalars['String']['output']>;
  /** Kind of record acted on. */
  entityType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  requestId?: Maybe<Scalars['String']['output']>;
  schoolId?: Maybe<Scalars['Int']['output']>;
  studentId?: Maybe<Scalars['Int']['output']>;
};

/** A page of AuditEvent rows. */
export type AuditEventPage = {
  __typename?: 'AuditEventPage';
  /** At most `limit` (≤ 100) items. */
  items: Array<AuditEvent>;
  limit: Scalars['Int']['output'];
  offset: Scalars['Int']['output'];
  /** Rows visible to the caller in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A program element brought from the previous year. */
export type CarriedOverElement = {
  __typename?: 'CarriedOverElement';
  label: Scalars['String']['output'];
  /** Subject (2D) or domain (1D) code. */
  subjectCode: Scalars['String']['output'];
};

/** What a yearly carry-over of program elements did (R-SEED-07). */
export type CarryOverResult = {
  __typename?: 'CarryOverResult';
  /** Elements offered that every period of the class already had: nothing added for them. */
  alreadyPresent: Scalars['Int']['output'];
  /** Elements added to the class, each into every period it was missing from. At most 300 items (whole-class elements per period). */
  brought: Array<CarriedOverElement>;
  /** Periods of the class the elements go into: all of them, the whole year at once. */
  periodsCovered: Scalars['Int']['output'];
};

/** A class's settings at one moment; a value is null while it has never been set. */
export type ClassSettings = {
  __typename?: 'ClassSettings';
  dataSource?: Maybe<ReportDataSource>;
  positioningType?: Maybe<PositioningType>;
};

/** The class after a settings update, and the change recorded (null when nothing changed). */
export type ClassSettingsChangeResult = {
  __typename?: 'ClassSettingsChangeResult';
  change?: Maybe<ClassSettingsChangeView>;
  class: SchoolClass;
};

/** One change of a class's settings, restorable during the same school year (R-NEW-01). */
export type ClassSettingsChangeView = {
  __typename?: 'ClassSettingsChangeView';
  changedAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  impact: ClassSettingsImpact;
  newSettings: ClassSettings;
  previousSettings: ClassSettings;
  /** When the class was put back as it was before this change; null while not restored. */
  restoredAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

/** What a settings change deletes or freezes, counted per kind (R-SEED-02, R-SEED-03, R-SEED-04). */
export type ClassSettingsImpact = {
  __typename?: 'ClassSettingsImpact';
  /** Entries whose pupil or class grade average is cleared (R-SEED-03). */
  averagesDeleted: Scalars['Int']['output'];
  /** Entries of locked or read-only reports whose grade averages stay (R-SEED-03, R-NEW-04). */
  averagesKept: Scalars['Int']['output'];
  /** Whole-class program elements deleted (R-SEED-04b). */
  classProgramElementsDeleted: Scalars['Int']['output'];
  /** Collective digital-skills appreciations deleted (R-SEED-04b). */
  collectiveAppreciationsDeleted: Scalars['Int']['output'];
  /** True when any count of what is deleted, cleared or made read-only is above zero: the change then needs confirmDataLoss (R-SEED-02). */
  destructive: Scalars['Boolean']['output'];
  /** Subject entries of the deleted reports (R-SEED-04b). */
  entriesDeleted: Scalars['Int']['output'];
  /** Parcours, support measures and digital-skill levels of the deleted reports (R-SEED-04b). */
  otherReportPartsDeleted: Scalars['Int']['output'];
  /** Entries whose 1–4 positioning is cleared (R-SEED-03). */
  positioningsDeleted: Scalars['Int']['output'];
  /** Entries of locked or read-only reports whose positioning stays under the type they were locked with (R-SEED-03, R-NEW-04). */
  positioningsKept: Scalars['Int']['output'];
  /** Program elements of single pupils in the deleted reports (R-SEED-04b). */
  pupilProgramElementsDeleted: Scalars['Int']['output'];
  /** Unlocked reports deleted with all their parts (R-SEED-04b). */
  reportsDeleted: Scalars['Int']['output'];
  /** Locked reports that become read-only for good (R-SEED-04a). */
  reportsMadeReadOnly: Scalars['Int']['output'];
  /** Locked and read-only reports of the class the change leaves showing exactly what they show (R-NEW-04); a locked report a data-source change makes read-only is one of them. */
  reportsUntouched: Scalars['Int']['output'];
};

/** The settings of a class: data source and positioning type, always given together (R-SEED-02). */
export type ClassSettingsInput = {
  dataSource: ReportDataSource;
  positioningType: PositioningType;
};

/** Cycle 4 complementary teaching (enseignement de complément) and its level. */
export type ComplementaryTeaching = {
  __typename?: 'ComplementaryTeaching';
  /** AUC (none), LCA, LCE, LCR, CHK, PRO, LSF or LVE. */
  code: Scalars['String']['output'];
  /** 1 objectifs atteints, 2 dépassés; null with AUC. */
  level?: Maybe<Scalars['Int']['output']>;
};

/** A period scheme of the current school year, created or replaced by name. */
export type ConfigurePeriodsInput = {
  /** Classes that follow this scheme. Omitted: links stay as they are. Listed: exactly these classes follow it. */
  classIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Name of the scheme, e.g. Trimestres or Semestres (1–50 characters). */
  name: Scalars['String']['input'];
  /** The periods in order: dated, non-overlapping, inside the school year (1 to 6). */
  periods: Array<PeriodInput>;
  schoolId: Scalars['ID']['input'];
};

/** A periodic report to create: one per pupil and period. */
export type CreatePeriodicReportInput = {
  classId: Scalars['ID']['input'];
  periodId: Scalars['ID']['input'];
  studentId: Scalars['ID']['input'];
};

/** An end-of-cycle report (bilan de fin de cycle): one per pupil and cycle. */
export type CycleReport = {
  __typename?: 'CycleReport';
  /** Cycle 4 only; null until entered. */
  complementaryTeaching?: Maybe<ComplementaryTeaching>;
  /** Rated components, by code; all 8 once complete (R-PUB-14). At most 8 items (one per common-core component). */
  components: Array<CycleReportComponent>;
  /** Who created it; any teacher of the pupil's class may edit it (R-SEED-18). */
  createdBy: StaffMember;
  /** 2 (end of CE2), 3 (end of 6e) or 4 (end of 3e). */
  cycle: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  lockedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Null until entered. */
  regionalLanguage?: Maybe<RegionalLanguage>;
  /** The school that made the report. */
  school: School;
  /** School year (millésime) the report was made in. */
  schoolYear: Scalars['Int']['output'];
  status: ReportStatus;
  student: Student;
  /** Synthesis of the pupil's learning, ≤1500 characters. */
  synthesis?: Maybe<Scalars['String']['output']>;
  /** Send it back with an update: a stale version gets CONFLICT (R-NEW-03). */
  version: Scalars['Int']['output'];
};

/** A common-core component (composante du socle) and its mastery level. */
export type CycleReportComponent = {
  __typename?: 'CycleReportComponent';
  /** CPD_FRA, CPD_ETR, CPD_SCI, CPD_ART, MET_APP, FRM_CIT, SYS_NAT or REP_MND. */
  code: Scalars['String']['output'];
  /** 0 dispensé (exempt), 1 insuffisante, 2 fragile, 3 satisfaisante, 4 très bonne. */
  level: Scalars['Int']['output'];
};

/** One common-core component and its mastery level. */
export type CycleReportComponentInput = {
  /** CPD_FRA, CPD_ETR, CPD_SCI, CPD_ART, MET_APP, FRM_CIT, SYS_NAT or REP_MND. */
  code: Scalars['String']['input'];
  /** 0 dispensé (exempt), 1 insuffisante, 2 fragile, 3 satisfaisante, 4 très bonne. */
  level: Scalars['Int']['input'];
};

/** A complementary teaching or a regional language with its level. */
export type CycleReportOptionInput = {
  /** AUC for none, or the teaching's or language's code. */
  code: Scalars['String']['input'];
  /** 1 or 2; omitted with AUC. */
  level?: InputMaybe<Scalars['Int']['input']>;
};

/** FIRST = 1er degré (école, CP–CM2); SECOND = 2d degré (collège, 6e–3e). */
export type Degree =
  | 'FIRST'
  | 'SECOND';

/** One digital skill and its level (1–3). */
export type DigitalSkillLevel = {
  __typename?: 'DigitalSkillLevel';
  code: Scalars['String']['output'];
  level: Scalars['Int']['output'];
};

export type DigitalSkillLevelInput = {
  /** One of the 16 CN_* skills. */
  code: Scalars['String']['input'];
  /** 1–3. */
  level: Scalars['Int']['input'];
};

/** Digital skills of the last period of CM2 or 6e. */
export type DigitalSkills = {
  __typename?: 'DigitalSkills';
  /** The pupil's own appreciation. */
  appreciation?: Maybe<Scalars['String']['output']>;
  /** The class's collective appreciation. */
  collectiveAppreciation?: Maybe<Scalars['String']['output']>;
  /** Collective appreciations of the pupil's groups that year. At most 10 items (groups per pupil and year). */
  groupAppreciations: Array<GroupAppreciation>;
  /** At most 16 items (one per CN_* skill). */
  levels: Array<DigitalSkillLevel>;
};

/** Digital skills of the last period of CM2 or 6e. */
export type DigitalSkillsInput = {
  /** The pupil's own appreciation, ≤600. */
  appreciation?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the levels. */
  levels: Array<DigitalSkillLevelInput>;
};

/** A pupil's schooling in one school, class and level for one year (inscription). */
export type Enrolment = {
  __typename?: 'Enrolment';
  class: SchoolClass;
  /** Groups the pupil belonged to that year in that school. At most 10 items (groups per pupil and year). */
  groups: Array<TeachingGroup>;
  id: Scalars['ID']['output'];
  level: Level;
  school: School;
  schoolYear: Scalars['Int']['output'];
};

/** A written authorisation to amend listed elements of a past-year report (R-SEED-10). */
export type GrantPriorYearAmendmentInput = {
  /** Reference of the written authorisation document (1–200 characters). */
  documentRef: Scalars['String']['input'];
  /** The elements that may change (1 to 50, no duplicates): SYNTHESIS, SCHOOL_LIFE, PARCOURS, SUPPORT_MEASURES, DIGITAL_SKILLS, or ENTRY:<subject code>. */
  elements: Array<Scalars['String']['input']>;
  reportId: Scalars['ID']['input'];
  /** Support ticket reference (1–50 characters). */
  ticketRef: Scalars['String']['input'];
};

/** The collective digital-skills appreciation of one of the pupil's groups. */
export type GroupAppreciation = {
  __typename?: 'GroupAppreciation';
  groupCode: Scalars['String']['output'];
  groupLabel: Scalars['String']['output'];
  text: Scalars['String']['output'];
};

/** A guardian (responsable légal) of a pupil, as staff see them. */
export type GuardianLink = {
  __typename?: 'GuardianLink';
  firstName: Scalars['String']['output'];
  /** e.g. MERE, PERE, TUTEUR. */
  relationship?: Maybe<Scalars['String']['output']>;
  surname: Scalars['String']['output'];
};

/** A notice for the caller's home page (R-SEED-15). */
export type HomeNotice = {
  __typename?: 'HomeNotice';
  code: HomeNoticeCode;
  message: Scalars['String']['output'];
  /** The records concerned, possibly none. At most 100 items (the first records; the message gives the count). */
  records: Array<NoticeRecord>;
  severity: NoticeSeverity;
};

/** LOCKING_REMINDER: what locking means; PERIODS_NOT_SET: classes without periods (R-SEED-01); CLASS_SETTINGS_MISSING: classes without data source or positioning type (R-SEED-02); UNLOCKED_AFTER_PERIOD_END (DIRECTOR/HEAD) and UNLOCKED_REPORTS (teachers): draft reports of periods that have ended. */
export type HomeNoticeCode =
  | 'CLASS_SETTINGS_MISSING'
  | 'LOCKING_REMINDER'
  | 'PERIODS_NOT_SET'
  | 'UNLOCKED_AFTER_PERIOD_END'
  | 'UNLOCKED_REPORTS';

/** A page of a school's import batches, newest first. */
export type ImportBatchPage = {
  __typename?: 'ImportBatchPage';
  /** Pass as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More batches after endCursor. */
  hasNextPage: Scalars['Boolean']['output'];
  /** At most `first` (≤ 100) items. */
  items: Array<ImportBatchView>;
  totalCount: Scalars['Int']['output'];
};

/** One LSU XML file imported into a school (R-PUB-10). */
export type ImportBatchView = {
  __typename?: 'ImportBatchView';
  /** entete/application */
  application: Scalars['String']['output'];
  /** entete/appliVersion */
  applicationVersion?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** FIRST (école, 1D) or SECOND (collège, 2D). */
  degree: Scalars['String']['output'];
  /** entete/editeur */
  editor: Scalars['String']['output'];
  fileBytes: Scalars['Int']['output'];
  /** SHA-256 of the file, hex. */
  fileSha256: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  importedBy: StaffMember;
  importedCount: Scalars['Int']['output'];
  /** At most 3200 items (reports per import file). */
  outcomes: Array<ImportReportOutcome>;
  rejectedCount: Scalars['Int']['output'];
  /** Reports of earlier imports this one replaced (archived). */
  replacedCount: Scalars['Int']['output'];
  schemaVersion: Scalars['String']['output'];
  schoolId: Scalars['ID']['output'];
  warningCount: Scalars['Int']['output'];
};

/** A coded message about one imported report: an error that rejected it, or a warning. */
export type ImportMessage = {
  __typename?: 'ImportMessage';
  /** SETTINGS_MISMATCH, CLASS_NOT_FOUND, PERIODS_NOT_CONFIGURED, PERIOD_DATES_MISMATCH, PAST_YEAR, NOT_FOUND (pupil), UNKNOWN_TEACHER, SUPPORT_MEASURES_IGNORED… */
  code: Scalars['String']['output'];
  /** Path of the element in the file. */
  element: Scalars['String']['output'];
  /** Line of the report in the file. */
  line: Scalars['Int']['output'];
  message: Scalars['String']['output'];
  /** The period's index in the file (periodic reports). */
  period?: Maybe<Scalars['Int']['output']>;
  /** The pupil as the file names them: id-be (2D) or INE (1D). */
  pupil: Scalars['String']['output'];
  /** The SPEC rule id. */
  rule: Scalars['String']['output'];
};

/** What became of one report of an LSU file (R-PUB-10). */
export type ImportOutcomeKind =
  | 'IMPORTED'
  | 'IMPORTED_WITH_WARNINGS'
  | 'REJECTED';

/** One report of an imported file and what became of it. */
export type ImportReportOutcome = {
  __typename?: 'ImportReportOutcome';
  cycle?: Maybe<Scalars['Int']['output']>;
  /** The end-of-cycle report written, when imported. */
  cycleReportId?: Maybe<Scalars['ID']['output']>;
  /** PERIODIC (bilan périodique) or CYCLE (bilan de fin de cycle). */
  kind: Scalars['String']['output'];
  line: Scalars['Int']['output'];
  /** At most 100 items (messages per imported report). */
  messages: Array<ImportMessage>;
  outcome: ImportOutcomeKind;
  period?: Maybe<Scalars['Int']['output']>;
  /** The periodic report written, when imported. */
  periodicReportId?: Maybe<Scalars['ID']['output']>;
  /** Order of the report in the file, from 0. */
  position: Scalars['Int']['output'];
  /** The pupil as the file names them: id-be (2D) or INE (1D). */
  pupil: Scalars['String']['output'];
};

/** School level, CP to 3e (SIXIEME = 6e … TROISIEME = 3e). */
export type Level =
  | 'CE1'
  | 'CE2'
  | 'CINQUIEME'
  | 'CM1'
  | 'CM2'
  | 'CP'
  | 'QUATRIEME'
  | 'SIXIEME'
  | 'TROISIEME';

/** What lockClassReports did. */
export type LockClassReportsResult = {
  __typename?: 'LockClassReportsResult';
  alreadyLocked: Scalars['Int']['output'];
  locked: Scalars['Int']['output'];
  /** At most 40 items (one report per pupil of the class). */
  refused: Array<LockRefusal>;
};

/** A report that lockClassReports could not lock, and why. */
export type LockRefusal = {
  __typename?: 'LockRefusal';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  reportId: Scalars['ID']['output'];
  /** The SPEC rule that refused it. */
  rule: Scalars['String']['output'];
};

/** The signed-in account. */
export type Me = {
  __typename?: 'Me';
  /** Guardians: whether their EduConnect account is active. Always false for staff. */
  educonnectActive: Scalars['Boolean']['output'];
  firstName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: AccountKind;
  /** The identity the token names. */
  login: Scalars['String']['output'];
  /** At most 10 items (roles per account). */
  roles: Array<RoleGrant>;
  surname: Scalars['String']['output'];
  /** Teaching assignments of the current school year. At most 120 items (teaching assignments per teacher and year). */
  teaching: Array<TeachingGrant>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Brings last year's program elements of the class's teachers and subjects into every period of the class, the whole year at once (R-SEED-07); refused once a report of the class is locked (R-SEED-08). Running it again adds nothing twice. */
  carryOverProgramElements: CarryOverResult;
  /** Sets the periods of the current school year for a school, and which classes follow them (DIRECTOR/HEAD). */
  configurePeriods: PeriodScheme;
  /** Creates a DRAFT end-of-cycle report: cycle 2 for a CE2 pupil in an école, 3 for a 6e and 4 for a 3e pupil in a collège. */
  createCycleReport: CycleReport;
  /** Creates a DRAFT report for a pupil of a class set to ENTRY, for one of its periods. */
  createPeriodicReport: PeriodicReport;
  /** Authorises changing listed elements of a past-year report, under a support ticket and a written document (DASEN of the academy for an école, HEAD for a collège). */
  grantPriorYearAmendment: PriorYearAmendmentView;
  /** Locks every draft report of a class for a period. */
  lockClassReports: LockClassReportsResult;
  /** Locks a complete report (DIRECTOR/HEAD; in écoles also the pupil's class teachers). */
  lockCycleReport: CycleReport;
  /** Locks a report (DIRECTOR/HEAD; in écoles also the class's teachers). */
  lockPeriodicReport: PeriodicReport;
  /** Opens the guardians' online service of a collège (HEAD of that school). */
  openOnlineService: School;
  /** Records an attestation the pupil obtained (replaces one of the same type): the DIRECTOR/HEAD of the pupil's school or a teacher of their class. */
  recordAttestation: Attestation;
  /** Imports a pupil's Pix certification result (DIRECTOR/HEAD of the pupil's school); the same pupil and date again replaces it. */
  recordPixCertification: PixCertification;
  /** Puts a class back exactly as it was before its latest settings change, during the same school year (DIRECTOR/HEAD, R-NEW-01). */
  restoreClassSettingsChange: SchoolClass;
  /** Replaces the whole-class program elements of a subject for a period. At most 30 items (whole-class elements per subject). */
  setClassProgramElements: Array<ProgramElement>;
  /** Sets the class's collective digital-skills appreciation (null clears it). */
  setCollectiveDigitalSkillsAppreciation: SchoolClass;
  /** Sets a group's collective digital-skills appreciation (null clears it). */
  setGroupCollectiveDigitalSkillsAppreciation: TeachingGroup;
  /** Brings into a school the earlier record of a pupil who came from another academy, by INE (DIRECTOR/HEAD of the receiving school; the year of arrival or later; R-SEED-06). */
  transferStudentInterAcademic: TransferResult;
  /** Unlocks a report (DIRECTOR/HEAD only). */
  unlockCycleReport: CycleReport;
  /** Unlocks a report (DIRECTOR/HEAD only). */
  unlockPeriodicReport: PeriodicReport;
  /** Sets a class's data source and positioning type (DIRECTOR/HEAD, current year). A change that deletes or freezes data needs confirmDataLoss: true (R-SEED-02); what it removes is archived and restorable (R-NEW-01). */
  updateClassSettings: ClassSettingsChangeResult;
  /** Changes a report saved at `expectedVersion`; CONFLICT when someone saved since. */
  updateCycleReport: CycleReport;
  /** Changes a report saved at `expectedVersion`; CONFLICT when someone saved since. */
  updatePeriodicReport: PeriodicReport;
};


export type MutationCarryOverProgramElementsArgs = {
  classId: Scalars['ID']['input'];
};


export type MutationConfigurePeriodsArgs = {
  input: ConfigurePeriodsInput;
};


export type MutationCreateCycleReportArgs = {
  cycle: Scalars['Int']['input'];
  studentId: Scalars['ID']['input'];
};


export type MutationCreatePeriodicReportArgs = {
  input: CreatePeriodicReportInput;
};


export type MutationGrantPriorYearAmendmentArgs = {
  input: GrantPriorYearAmendmentInput;
};


export type MutationLockClassReportsArgs = {
  classId: Scalars['ID']['input'];
  periodId: Scalars['ID']['input'];
};


export type MutationLockCycleReportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationLockPeriodicReportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationOpenOnlineServiceArgs = {
  schoolId: Scalars['ID']['input'];
};


export type MutationRecordAttestationArgs = {
  obtainedOn: Scalars['LocalDate']['input'];
  studentId: Scalars['ID']['input'];
  type: AttestationType;
};


export type MutationRecordPixCertificationArgs = {
  input: RecordPixCertificationInput;
};


export type MutationRestoreClassSettingsChangeArgs = {
  changeId: Scalars['ID']['input'];
};


export type MutationSetClassProgramElementsArgs = {
  classId: Scalars['ID']['input'];
  labels: Array<Scalars['String']['input']>;
  periodId: Scalars['ID']['input'];
  subjectCode: Scalars['String']['input'];
};


export type MutationSetCollectiveDigitalSkillsAppreciationArgs = {
  classId: Scalars['ID']['input'];
  text?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSetGroupCollectiveDigitalSkillsAppreciationArgs = {
  groupId: Scalars['ID']['input'];
  text?: InputMaybe<Scalars['String']['input']>;
};


export type MutationTransferStudentInterAcademicArgs = {
  ine: Scalars['String']['input'];
  schoolId: Scalars['ID']['input'];
};


export type MutationUnlockCycleReportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUnlockPeriodicReportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateClassSettingsArgs = {
  classId: Scalars['ID']['input'];
  confirmDataLoss?: InputMaybe<Scalars['Boolean']['input']>;
  settings: ClassSettingsInput;
};


export type MutationUpdateCycleReportArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdateCycleReportInput;
};


export type MutationUpdatePeriodicReportArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdatePeriodicReportInput;
};

/** A record a notice is about: open it with the query of its kind (school, class, periodicReport). */
export type NoticeRecord = {
  __typename?: 'NoticeRecord';
  id: Scalars['ID']['output'];
  kind: NoticeRecordKind;
  /** What to show, e.g. a class code or a pupil's name with class and period. */
  label: Scalars['String']['output'];
};

/** What a notice's record identifies. */
export type NoticeRecordKind =
  | 'CLASS'
  | 'PERIODIC_REPORT'
  | 'SCHOOL';

/** INFO: a reminder; WARNING: worth a look; ACTION_REQUIRED: blocks work until done. */
export type NoticeSeverity =
  | 'ACTION_REQUIRED'
  | 'INFO'
  | 'WARNING';

/** A parcours of the report (PAR_*). */
export type Parcours = {
  __typename?: 'Parcours';
  code: Scalars['String']['output'];
  text: Scalars['String']['output'];
};

export type ParcoursInput = {
  /** PAR_AVN (2D), PAR_CIT, PAR_ART, PAR_SAN. */
  code: Scalars['String']['input'];
  /** ≤600 characters. */
  text: Scalars['String']['input'];
};

/** One dated slice of a school year (période). */
export type Period = {
  __typename?: 'Period';
  endsOn: Scalars['LocalDate']['output'];
  id: Scalars['ID']['output'];
  /** 1-based order of the period within its scheme. */
  position: Scalars['Int']['output'];
  startsOn: Scalars['LocalDate']['output'];
};

/** One period: its first and last day. */
export type PeriodInput = {
  endsOn: Scalars['LocalDate']['input'];
  startsOn: Scalars['LocalDate']['input'];
};

/** A named set of dated periods of one school and year (e.g. trimesters). */
export type PeriodScheme = {
  __typename?: 'PeriodScheme';
  /** Classes following this scheme that the caller may see. At most 80 items (classes per school and year). */
  classes: Array<SchoolClass>;
  id: Scalars['ID']['output'];
  /** Name of the scheme, e.g. Trimestres. */
  name: Scalars['String']['output'];
  /** At most 6 items (periods per scheme). */
  periods: Array<Period>;
  /** School year (millésime, the start year). */
  schoolYear: Scalars['Int']['output'];
};

/** A periodic report (bilan périodique): one per pupil and period. */
export type PeriodicReport = {
  __typename?: 'PeriodicReport';
  class: SchoolClass;
  /** Last period of CM2 or 6e only; null elsewhere. */
  digitalSkills?: Maybe<DigitalSkills>;
  /** Subjects (2D) or domains (1D), by code: those the caller may read (SPEC §2). At most 30 items (subjects per report). */
  entries: Array<ReportEntry>;
  id: Scalars['ID']['output'];
  lockedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** At most 4 items (one per parcours code). */
  parcours: Array<Parcours>;
  period: Period;
  /** Read-only for good after a data-source change (R-SEED-04a). */
  readOnly: Scalars['Boolean']['output'];
  /** 1D reference teachers (R-SEED-16). At most 10 items (reference teachers per report). */
  referenceTeachers: Array<StaffMember>;
  /** 2D school life; null until entered. */
  schoolLife?: Maybe<SchoolLife>;
  /** School year (millésime) of the report. */
  schoolYear: Scalars['Int']['output'];
  /** ENTRY (typed in Livret) or IMPORT. */
  source: ReportDataSource;
  status: ReportStatus;
  student: Student;
  /** At most 9 items (one per support measure code). */
  supportMeasures: Array<SupportMeasure>;
  /** General synthesis (2D ≤1000, 1D ≤1500 characters); null for a teacher of the pupil's groups only. */
  synthesis?: Maybe<Scalars['String']['output']>;
  /** Send it back with an update: a stale version gets CONFLICT (R-NEW-03). */
  version: Scalars['Int']['output'];
};

/** A Pix digital-skills certification result of a pupil. */
export type PixCertification = {
  __typename?: 'PixCertification';
  certifiedOn: Scalars['LocalDate']['output'];
  /** Level per competence, by competence code. At most 16 items (one per Pix competence). */
  competences: Array<PixCompetenceLevel>;
  id: Scalars['ID']['output'];
  /** The school that imported it. */
  school: School;
  /** School year (millésime) in which it was imported. */
  schoolYear: Scalars['Int']['output'];
  /** Pix score, 0 to 1024. */
  score: Scalars['Int']['output'];
  /** 1 on first import; +1 each time the same certification is imported again. */
  version: Scalars['Int']['output'];
};

/** The level reached in one Pix competence. */
export type PixCompetenceInput = {
  /** 1.1 to 5.2. */
  competence: Scalars['String']['input'];
  /** 0 to 8. */
  level: Scalars['Int']['input'];
};

/** The level reached in one Pix competence of a certification. */
export type PixCompetenceLevel = {
  __typename?: 'PixCompetenceLevel';
  /** Competence of the Pix framework, 1.1 to 5.2. */
  competence: Scalars['String']['output'];
  /** Level reached, 0 to 8. */
  level: Scalars['Int']['output'];
};

/** OBJECTIVES or SCALE: a 1–4 positioning; GRADES: a grade average. */
export type PositioningType =
  | 'GRADES'
  | 'OBJECTIVES'
  | 'SCALE';

/** A granted past-year amendment (R-SEED-10). */
export type PriorYearAmendmentView = {
  __typename?: 'PriorYearAmendmentView';
  /** When the edit that applied it closed it (R-SEED-10: used once); null while open. */
  closedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Who made the edit that closed it. */
  closedBy?: Maybe<StaffMember>;
  /** Reference of the written authorisation document. */
  documentRef: Scalars['String']['output'];
  /** The report elements that may change. At most 50 items (elements per amendment). */
  elements: Array<Scalars['String']['output']>;
  grantedAt: Scalars['DateTimeISO']['output'];
  grantedBy: StaffMember;
  id: Scalars['ID']['output'];
  reportId: Scalars['ID']['output'];
  /** Support ticket reference. */
  ticketRef: Scalars['String']['output'];
};

/** A program element (élément de programme) worked in a subject. */
export type ProgramElement = {
  __typename?: 'ProgramElement';
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
  /** true: worked by the whole class in the period; false: by this pupil only. */
  wholeClass: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Audit events of a school, newest first (its DIRECTOR/HEAD only). */
  auditTrail: AuditEventPage;
  /** One class the caller may see. */
  class: SchoolClass;
  /** What changing a class's settings would delete or freeze, counted per kind; changes nothing (R-SEED-02). */
  classSettingsChangeImpact: ClassSettingsImpact;
  /** The current school year, from the server's clock. */
  currentSchoolYear: SchoolYear;
  /** One end-of-cycle report the caller may work on. */
  cycleReport: CycleReport;
  /** Notices for the caller's home page, by role (R-SEED-15); most urgent first. At most 8 items (one notice per kind and school led). */
  homeNotices: Array<HomeNotice>;
  /** One LSU import batch with its per-report outcomes (the school's DIRECTOR/HEAD). */
  importBatch: ImportBatchView;
  /** The signed-in account, its roles and this year's teaching. */
  me: Me;
  /** Guardians: their children whose record the online service shows now. At most 10 items (children per guardian). */
  myChildren: Array<Student>;
  /** One periodic report the caller may work on. */
  periodicReport: PeriodicReport;
  /** A pupil's reports of an earlier school year, by INE, for the authority who grants their amendments (DASEN: écoles of the academy; HEAD: the collège). At most 12 items (the pupil's reports of that year). */
  priorYearReports: Array<PeriodicReport>;
  /** One school the caller may see. */
  school: School;
  /** Schools the caller may see. */
  schools: SchoolPage;
  /** Pupils of a school by surname and/or first name (R-SEED-14): those with a report, an end-of-cycle report or an attestation this school year in that school, within the caller's pupils; ordered by name. */
  searchStudents: StudentPage;
  /** One pupil the caller may see. */
  student: Student;
  /** The subject and domain code lists (national reference data). At most 250 items (the national code lists). */
  subjects: Array<Subject>;
};


export type QueryAuditTrailArgs = {
  action?: InputMaybe<Scalars['String']['input']>;
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
  schoolId: Scalars['ID']['input'];
  studentId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryClassArgs = {
  id: Scalars['ID']['input'];
};


export type QueryClassSettingsChangeImpactArgs = {
  classId: Scalars['ID']['input'];
  settings: ClassSettingsInput;
};


export type QueryCycleReportArgs = {
  id: Scalars['ID']['input'];
};


export type QueryImportBatchArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPeriodicReportArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPriorYearReportsArgs = {
  ine: Scalars['String']['input'];
  schoolYear: Scalars['Int']['input'];
};


export type QuerySchoolArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySchoolsArgs = {
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
};


export type QuerySearchStudentsArgs = {
  limit?: Scalars['Int']['input'];
  name: Scalars['String']['input'];
  offset?: Scalars['Int']['input'];
  schoolId: Scalars['ID']['input'];
};


export type QueryStudentArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySubjectsArgs = {
  degree?: InputMaybe<Degree>;
};

/** A Pix certification result, as the school imports it (R-PUB-21). */
export type RecordPixCertificationInput = {
  /** Date of the certification; not in the future. */
  certifiedOn: Scalars['LocalDate']['input'];
  /** 1 to 16 competences, each once. */
  competences: Array<PixCompetenceInput>;
  /** Pix score, 0 to 1024. */
  score: Scalars['Int']['input'];
  studentId: Scalars['ID']['input'];
};

/** Regional language and culture (langue et culture régionale) and its A2 level. */
export type RegionalLanguage = {
  __typename?: 'RegionalLanguage';
  /** AUC (none) or a regional language code (BAQ, BRE, CAT, COS, CPF, FUD, GAL, GSW, MEL, MOL, OCI, TAH, WLS). */
  code: Scalars['String']['output'];
  /** A2 level: 1 non atteint, 2 atteint; null with AUC. */
  level?: Maybe<Scalars['Int']['output']>;
};

/** ENTRY: reports typed into Livret; IMPORT: reports pushed by school software as LSU XML. */
export type ReportDataSource =
  | 'ENTRY'
  | 'IMPORT';

/** One subject (2D) or domain (1D) of a periodic report (acquis). */
export type ReportEntry = {
  __typename?: 'ReportEntry';
  /** ≤600 characters. */
  appreciation?: Maybe<Scalars['String']['output']>;
  /** GRADES classes: the class's average. */
  classAverage?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** 1–4 in OBJECTIVES or SCALE classes. */
  positioning?: Maybe<Scalars['Int']['output']>;
  /** Whole-class elements of the period first, then this pupil's own. At most 60 items (whole-class elements of the subject plus the pupil's own). */
  programElements: Array<ProgramElement>;
  /** GRADES classes: the pupil's average. */
  studentAverage?: Maybe<Scalars['String']['output']>;
  subject: Subject;
  /** Teachers named on this subject. At most 10 items (teachers per entry). */
  teachers: Array<StaffMember>;
};

/** One subject (2D) or domain (1D) of a report. Absent fields stay; null clears. */
export type ReportEntryInput = {
  /** ≤600 characters. */
  appreciation?: InputMaybe<Scalars['String']['input']>;
  /** GRADES classes: the class's average. */
  classAverage?: InputMaybe<Scalars['String']['input']>;
  /** 1–4, in OBJECTIVES or SCALE classes. */
  positioning?: InputMaybe<Scalars['Int']['input']>;
  /** Program elements worked by this pupil (at most 30, each ≤300); replaces the list. */
  programElements?: InputMaybe<Array<Scalars['String']['input']>>;
  /** true: remove this subject from the report. */
  remove?: InputMaybe<Scalars['Boolean']['input']>;
  /** GRADES classes: the pupil's average, e.g. 12,5. */
  studentAverage?: InputMaybe<Scalars['String']['input']>;
  /** 2D discipline code or 1D domain code. */
  subjectCode: Scalars['String']['input'];
};

/** DRAFT: being written; LOCKED: final (verrouillé). */
export type ReportStatus =
  | 'DRAFT'
  | 'LOCKED';

/** A staff role; guardians hold none. */
export type Role =
  | 'DASEN'
  | 'DIRECTOR'
  | 'HEAD'
  | 'TEACHER';

/** A role held by the caller, with the school or academy it applies to. */
export type RoleGrant = {
  __typename?: 'RoleGrant';
  academy?: Maybe<Academy>;
  role: Role;
  school?: Maybe<School>;
};

/** An école (FIRST degree) or a collège (SECOND degree). */
export type School = {
  __typename?: 'School';
  academy: Academy;
  /** Classes of a school year (default: current) that the caller may see. At most 80 items (classes per school and year). */
  classes: Array<SchoolClass>;
  degree: Degree;
  /** Groups of a school year (default: current) that the caller may see. At most 80 items (groups per school and year). */
  groups: Array<TeachingGroup>;
  id: Scalars['ID']['output'];
  /** The school's LSU import batches, newest first (its DIRECTOR/HEAD). */
  importBatches: ImportBatchPage;
  name: Scalars['String']['output'];
  /** Collèges: whether guardians may read their children's records in the online service yet (R-SEED-11). Écoles need no opening. */
  onlineServiceOpen: Scalars['Boolean']['output'];
  /** Period schemes of a school year (default: the current one). At most 10 items (period schemes per school and year). */
  periodSchemes: Array<PeriodScheme>;
  /** Unité administrative immatriculée: 7 digits and a letter. */
  uai: Scalars['String']['output'];
};


/** An école (FIRST degree) or a collège (SECOND degree). */
export type SchoolClassesArgs = {
  schoolYear?: InputMaybe<Scalars['Int']['input']>;
};


/** An école (FIRST degree) or a collège (SECOND degree). */
export type SchoolGroupsArgs = {
  schoolYear?: InputMaybe<Scalars['Int']['input']>;
};


/** An école (FIRST degree) or a collège (SECOND degree). */
export type SchoolImportBatchesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** An école (FIRST degree) or a collège (SECOND degree). */
export type SchoolPeriodSchemesArgs = {
  schoolYear?: InputMaybe<Scalars['Int']['input']>;
};

/** A class (division) of one school and year; may hold several levels. */
export type SchoolClass = {
  __typename?: 'SchoolClass';
  /** Class code (code division), unique in the school and year. */
  code: Scalars['String']['output'];
  /** Unset until the DIRECTOR/HEAD chooses it (R-SEED-02). */
  dataSource?: Maybe<ReportDataSource>;
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
  /** At most 9 items (the levels CP to 3e). */
  levels: Array<Level>;
  /** The scheme the class follows; null while periods are not set. */
  periodScheme?: Maybe<PeriodScheme>;
  /** Reports of the class for a period that the caller may work on, by pupil name. At most 40 items (one report per pupil of the class and period). */
  periodicReports: Array<PeriodicReport>;
  /** The class's periods, in order; empty while periods are not set (R-SEED-01). At most 6 items (periods per scheme). */
  periods: Array<Period>;
  /** Unset until the DIRECTOR/HEAD chooses it (R-SEED-02). */
  positioningType?: Maybe<PositioningType>;
  school: School;
  /** School year (millésime). */
  schoolYear: Scalars['Int']['output'];
  /** The class's settings changes, newest first (DIRECTOR/HEAD of its school only). At most 20 items (the newest changes). */
  settingsChanges?: Maybe<Array<ClassSettingsChangeView>>;
  /** Pupils of the class the caller may see, by name. At most 40 items (pupils per class). */
  students: Array<Student>;
};


/** A class (division) of one school and year; may hold several levels. */
export type SchoolClassPeriodicReportsArgs = {
  periodId: Scalars['ID']['input'];
};

/** 2D school life (vie scolaire). */
export type SchoolLife = {
  __typename?: 'SchoolLife';
  comment?: Maybe<Scalars['String']['output']>;
  justifiedAbsences: Scalars['Int']['output'];
  lateCount: Scalars['Int']['output'];
  unjustifiedAbsences: Scalars['Int']['output'];
};

/** 2D school life (vie scolaire): counts 0–999 and a comment. */
export type SchoolLifeInput = {
  comment?: InputMaybe<Scalars['String']['input']>;
  justifiedAbsences: Scalars['Int']['input'];
  lateCount: Scalars['Int']['input'];
  unjustifiedAbsences: Scalars['Int']['input'];
};

/** A page of School rows. */
export type SchoolPage = {
  __typename?: 'SchoolPage';
  /** At most `limit` (≤ 100) items. */
  items: Array<School>;
  limit: Scalars['Int']['output'];
  offset: Scalars['Int']['output'];
  /** Rows visible to the caller in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A school year, named by its start year (millésime). */
export type SchoolYear = {
  __typename?: 'SchoolYear';
  endsOn: Scalars['LocalDate']['output'];
  /** e.g. 2026-2027 */
  label: Scalars['String']['output'];
  startsOn: Scalars['LocalDate']['output'];
  /** Start year: 2026 = September 2026 to August 2027. */
  year: Scalars['Int']['output'];
};

/** A staff member named on a record (teacher, reference teacher). */
export type StaffMember = {
  __typename?: 'StaffMember';
  firstName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  surname: Scalars['String']['output'];
};

/** A pupil (élève). */
export type Student = {
  __typename?: 'Student';
  /** Attestations the caller may see: guardians all of their child's; staff those recorded in their academies (R-SEED-12, R-SEED-17). At most 6 items (one per attestation type). */
  attestations: Array<Attestation>;
  birthDate?: Maybe<Scalars['LocalDate']['output']>;
  /** End-of-cycle reports the caller may read: staff all of them (R-SEED-12); guardians the locked ones (R-SEED-13). At most 3 items (one per cycle 2, 3 and 4). */
  cycleReports: Array<CycleReport>;
  /** Years of schooling the caller may see, newest first. At most 15 items (years of schooling per pupil). */
  enrolments: Array<Enrolment>;
  firstName: Scalars['String']['output'];
  /** The pupil's guardians: staff only (others get null and a FORBIDDEN error for this field). At most 4 items (guardians per pupil). */
  guardians?: Maybe<Array<GuardianLink>>;
  id: Scalars['ID']['output'];
  /** Identifiant national élève: 11 characters. */
  ine: Scalars['String']['output'];
  /** Periodic reports the caller may read: staff by the pupil's current level (R-SEED-12); guardians every locked one (R-SEED-13). At most 90 items (periods per year times years of schooling). */
  periodicReports: Array<PeriodicReport>;
  /** Pix certification results the caller may see, newest first (R-SEED-17). At most 10 items (certifications per pupil). */
  pixCertifications: Array<PixCertification>;
  surname: Scalars['String']['output'];
};

/** A page of Student rows. */
export type StudentPage = {
  __typename?: 'StudentPage';
  /** At most `limit` (≤ 100) items. */
  items: Array<Student>;
  limit: Scalars['Int']['output'];
  offset: Scalars['Int']['output'];
  /** Rows visible to the caller in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A 2D discipline (national 6-digit code matière) or a 1D domain (7-character code, XXX-RAC = whole domain). */
export type Subject = {
  __typename?: 'Subject';
  code: Scalars['String']['output'];
  degree: Degree;
  label: Scalars['String']['output'];
  /** 1D sub-domains: the code of their domain (e.g. FRA-RAC for FRA-LEC). */
  parentCode?: Maybe<Scalars['String']['output']>;
};

/** A support measure (modalité d'accompagnement). */
export type SupportMeasure = {
  __typename?: 'SupportMeasure';
  code: Scalars['String']['output'];
  details?: Maybe<Scalars['String']['output']>;
};

export type SupportMeasureInput = {
  /** PAP, PPS, PAI, PPRE, ULIS, UPE2A, RASED (1D), SEGPA and CTR (2D). */
  code: Scalars['String']['input'];
  /** ≤600 characters. */
  details?: InputMaybe<Scalars['String']['input']>;
};

/** What the caller teaches this year: a subject or domain, to a class or to a group. */
export type TeachingGrant = {
  __typename?: 'TeachingGrant';
  group?: Maybe<TeachingGroup>;
  schoolClass?: Maybe<SchoolClass>;
  subject: Subject;
};

/** A group of pupils gathered across classes for a subject (groupe). */
export type TeachingGroup = {
  __typename?: 'TeachingGroup';
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
  school: School;
  schoolYear: Scalars['Int']['output'];
  /** Pupils of the group the caller may see, by name. At most 60 items (pupils per group). */
  students: Array<Student>;
};

/** The outcome of an inter-academic transfer (R-SEED-06). */
export type TransferResult = {
  __typename?: 'TransferResult';
  /** True when every one of them had already been transferred to this school: nothing was written. */
  alreadyTransferred: Scalars['Boolean']['output'];
  /** Every academy the pupil's earlier record is kept in, by code. At most 30 items (academies). */
  fromAcademies: Array<Academy>;
  /** The pupil, whose earlier record the receiving school now sees (subject to R-SEED-12). */
  student: Student;
};

/** Changes to an end-of-cycle report. Absent parts stay as they are; null clears. */
export type UpdateCycleReportInput = {
  /** Cycle 4 only: AUC LCA LCE LCR CHK PRO LSF LVE, level 1 atteints or 2 dépassés. */
  complementaryTeaching?: InputMaybe<CycleReportOptionInput>;
  /** All 8 components, each exactly once, rated 0–4 (R-PUB-14); replaces the ratings. */
  components?: InputMaybe<Array<CycleReportComponentInput>>;
  /** AUC or a regional language code, A2 level 1 non atteint or 2 atteint. */
  regionalLanguage?: InputMaybe<CycleReportOptionInput>;
  /** ≤1500 characters; null clears. */
  synthesis?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a periodic report. Absent parts stay as they are. */
export type UpdatePeriodicReportInput = {
  /** CM2/6e last period only; null clears. */
  digitalSkills?: InputMaybe<DigitalSkillsInput>;
  /** At most 30: a report has at most 30 subjects. */
  entries?: InputMaybe<Array<ReportEntryInput>>;
  /** Replaces the parcours. */
  parcours?: InputMaybe<Array<ParcoursInput>>;
  /** 2D only; null clears. */
  schoolLife?: InputMaybe<SchoolLifeInput>;
  /** Replaces the support measures. */
  supportMeasures?: InputMaybe<Array<SupportMeasureInput>>;
  /** General synthesis: ≤1000 (2D) or ≤1500 (1D); null clears. */
  synthesis?: InputMaybe<Scalars['String']['input']>;
};

export type DasenAcademyQueryVariables = Exact<{
  offset?: Scalars['Int']['input'];
}>;


export type DasenAcademyQuery = { __typename?: 'Query', me: { __typename?: 'Me', login: string, roles: Array<{ __typename?: 'RoleGrant', role: Role, academy?: { __typename?: 'Academy', code: string, name: string } | null }> }, schools: { __typename?: 'SchoolPage', totalCount: number, items: Array<{ __typename?: 'School', id: string, uai: string, name: string, degree: Degree, onlineServiceOpen: boolean, academy: { __typename?: 'Academy', code: string, name: string } }> } };

export type DirectorSchoolDashboardQueryVariables = Exact<{
  schoolId: Scalars['ID']['input'];
}>;


export type DirectorSchoolDashboardQuery = { __typename?: 'Query', school: { __typename?: 'School', id: string, name: string, onlineServiceOpen: boolean, classes: Array<{ __typename?: 'SchoolClass', id: string, code: string, label: string, dataSource?: ReportDataSource | null, positioningType?: PositioningType | null, periods: Array<{ __typename?: 'Period', id: string, position: number, endsOn: any }>, students: Array<{ __typename?: 'Student', id: string, surname: string, firstName: string, periodicReports: Array<{ __typename?: 'PeriodicReport', id: string, status: ReportStatus, schoolYear: number, period: { __typename?: 'Period', id: string, position: number } }> }> }> } };

export type GuardianRecordQueryVariables = Exact<{ [key: string]: never; }>;


export type GuardianRecordQuery = { __typename?: 'Query', myChildren: Array<{ __typename?: 'Student', id: string, surname: string, firstName: string, enrolments: Array<{ __typename?: 'Enrolment', schoolYear: number, level: Level, school: { __typename?: 'School', name: string }, class: { __typename?: 'SchoolClass', code: string } }>, periodicReports: Array<{ __typename?: 'PeriodicReport', id: string, schoolYear: number, status: ReportStatus, synthesis?: string | null, period: { __typename?: 'Period', position: number, startsOn: any, endsOn: any }, entries: Array<{ __typename?: 'ReportEntry', positioning?: number | null, appreciation?: string | null, subject: { __typename?: 'Subject', code: string, label: string }, programElements: Array<{ __typename?: 'ProgramElement', label: string, wholeClass: boolean }>, teachers: Array<{ __typename?: 'StaffMember', surname: string }> }> }>, cycleReports: Array<{ __typename?: 'CycleReport', cycle: number, status: ReportStatus, synthesis?: string | null, components: Array<{ __typename?: 'CycleReportComponent', code: string, level: number }> }>, attestations: Array<{ __typename?: 'Attestation', type: AttestationType, obtainedOn: any }> }> };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'Me', id: string, login: string, kind: AccountKind, surname: string, firstName: string, educonnectActive: boolean, roles: Array<{ __typename?: 'RoleGrant', role: Role, school?: { __typename?: 'School', id: string, name: string, uai: string, degree: Degree } | null, academy?: { __typename?: 'Academy', code: string, name: string } | null }>, teaching: Array<{ __typename?: 'TeachingGrant', subject: { __typename?: 'Subject', code: string, label: string }, schoolClass?: { __typename?: 'SchoolClass', id: string, code: string } | null, group?: { __typename?: 'TeachingGroup', id: string, code: string } | null }> }, currentSchoolYear: { __typename?: 'SchoolYear', year: number, label: string, startsOn: any, endsOn: any }, homeNotices: Array<{ __typename?: 'HomeNotice', code: HomeNoticeCode, severity: NoticeSeverity, message: string, records: Array<{ __typename?: 'NoticeRecord', kind: NoticeRecordKind, id: string, label: string }> }> };

export type PupilSearchQueryVariables = Exact<{
  schoolId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  offset?: Scalars['Int']['input'];
}>;


export type PupilSearchQuery = { __typename?: 'Query', searchStudents: { __typename?: 'StudentPage', totalCount: number, items: Array<{ __typename?: 'Student', id: string, ine: string, surname: string, firstName: string, enrolments: Array<{ __typename?: 'Enrolment', schoolYear: number, level: Level, class: { __typename?: 'SchoolClass', code: string } }> }> } };

export type TeacherClassDashboardQueryVariables = Exact<{
  classId: Scalars['ID']['input'];
  periodId: Scalars['ID']['input'];
}>;


export type TeacherClassDashboardQuery = { __typename?: 'Query', class: { __typename?: 'SchoolClass', id: string, code: string, label: string, levels: Array<Level>, dataSource?: ReportDataSource | null, positioningType?: PositioningType | null, periods: Array<{ __typename?: 'Period', id: string, position: number, startsOn: any, endsOn: any }>, students: Array<{ __typename?: 'Student', id: string, surname: string, firstName: string }>, periodicReports: Array<{ __typename?: 'PeriodicReport', id: string, status: ReportStatus, version: number, student: { __typename?: 'Student', id: string }, entries: Array<{ __typename?: 'ReportEntry', id: string, positioning?: number | null, appreciation?: string | null, subject: { __typename?: 'Subject', code: string, label: string }, programElements: Array<{ __typename?: 'ProgramElement', label: string, wholeClass: boolean }> }> }> } };

export type ClassSettingsPreviewQueryVariables = Exact<{
  classId: Scalars['ID']['input'];
  settings: ClassSettingsInput;
}>;


export type ClassSettingsPreviewQuery = { __typename?: 'Query', classSettingsChangeImpact: { __typename?: 'ClassSettingsImpact', destructive: boolean, reportsDeleted: number, entriesDeleted: number, positioningsDeleted: number, averagesDeleted: number, pupilProgramElementsDeleted: number, classProgramElementsDeleted: number, collectiveAppreciationsDeleted: number, otherReportPartsDeleted: number, reportsMadeReadOnly: number } };

export type ChangeClassSettingsMutationVariables = Exact<{
  classId: Scalars['ID']['input'];
  settings: ClassSettingsInput;
  confirmDataLoss: Scalars['Boolean']['input'];
}>;


export type ChangeClassSettingsMutation = { __typename?: 'Mutation', updateClassSettings: { __typename?: 'ClassSettingsChangeResult', change?: { __typename?: 'ClassSettingsChangeView', id: string, restoredAt?: any | null, impact: { __typename?: 'ClassSettingsImpact', reportsDeleted: number } } | null, class: { __typename?: 'SchoolClass', id: string, dataSource?: ReportDataSource | null, positioningType?: PositioningType | null } } };

export type RestoreClassSettingsMutationVariables = Exact<{
  changeId: Scalars['ID']['input'];
}>;


export type RestoreClassSettingsMutation = { __typename?: 'Mutation', restoreClassSettingsChange: { __typename?: 'SchoolClass', id: string, dataSource?: ReportDataSource | null, positioningType?: PositioningType | null } };

export type SaveReportEntriesMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  entries: Array<ReportEntryInput> | ReportEntryInput;
}>;


export type SaveReportEntriesMutation = { __typename?: 'Mutation', updatePeriodicReport: { __typename?: 'PeriodicReport', id: string, status: ReportStatus, version: number, referenceTeachers: Array<{ __typename?: 'StaffMember', surname: string, firstName: string }>, entries: Array<{ __typename?: 'ReportEntry', id: string, positioning?: number | null, appreciation?: string | null, subject: { __typename?: 'Subject', code: string, label: string }, programElements: Array<{ __typename?: 'ProgramElement', label: string, wholeClass: boolean }> }> } };

export type LockReportMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type LockReportMutation = { __typename?: 'Mutation', lockPeriodicReport: { __typename?: 'PeriodicReport', id: string, status: ReportStatus, version: number, lockedAt?: any | null } };

export type ClassPeriodsQueryVariables = Exact<{
  classId: Scalars['ID']['input'];
}>;


export type ClassPeriodsQuery = { __typename?: 'Query', class: { __typename?: 'SchoolClass', id: string, code: string, label: string, periods: Array<{ __typename?: 'Period', id: string, position: number, startsOn: any, endsOn: any }> } };


export const DasenAcademyDocument = {"__meta__":{"hash":"f450d2ab8851d9379a40a477c1680231748c14081a71c85ee01942eeecc729d4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DasenAcademy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"academy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"schools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uai"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"degree"}},{"kind":"Field","name":{"kind":"Name","value":"onlineServiceOpen"}},{"kind":"Field","name":{"kind":"Name","value":"academy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DasenAcademyQuery, DasenAcademyQueryVariables>;
export const DirectorSchoolDashboardDocument = {"__meta__":{"hash":"301b416c551788a9f40618d6be74ef34b03b44c9a57af1a6798ab9f0950f1e81"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DirectorSchoolDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"onlineServiceOpen"}},{"kind":"Field","name":{"kind":"Name","value":"classes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"dataSource"}},{"kind":"Field","name":{"kind":"Name","value":"positioningType"}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"periodicReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"schoolYear"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DirectorSchoolDashboardQuery, DirectorSchoolDashboardQueryVariables>;
export const GuardianRecordDocument = {"__meta__":{"hash":"bad2d1855d374db24ae85e9f3d289f902571145ecb01c2d623be61976617cc96"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GuardianRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myChildren"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"enrolments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolYear"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"class"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"periodicReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schoolYear"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"synthesis"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"positioning"}},{"kind":"Field","name":{"kind":"Name","value":"appreciation"}},{"kind":"Field","name":{"kind":"Name","value":"programElements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"wholeClass"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teachers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surname"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cycleReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cycle"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"synthesis"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attestations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"obtainedOn"}}]}}]}}]}}]} as unknown as DocumentNode<GuardianRecordQuery, GuardianRecordQueryVariables>;
export const MeDocument = {"__meta__":{"hash":"000161a1fbf8b7393fa1367b09431654404d88aa779ff2b0982b5f3ee0380e28"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"login"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"educonnectActive"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"uai"}},{"kind":"Field","name":{"kind":"Name","value":"degree"}}]}},{"kind":"Field","name":{"kind":"Name","value":"academy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"teaching"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentSchoolYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"homeNotices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const PupilSearchDocument = {"__meta__":{"hash":"d0a810b92a9804ec8a80019169803199ca76c20141c93532394a8f953b91b79f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PupilSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchStudents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ine"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"enrolments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolYear"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"class"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PupilSearchQuery, PupilSearchQueryVariables>;
export const TeacherClassDashboardDocument = {"__meta__":{"hash":"1be0e83ea43682b0e55fea81d9e5d66681996b08467cd0c7836586334d2ff714"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeacherClassDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"class"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"levels"}},{"kind":"Field","name":{"kind":"Name","value":"dataSource"}},{"kind":"Field","name":{"kind":"Name","value":"positioningType"}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"periodicReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"periodId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"positioning"}},{"kind":"Field","name":{"kind":"Name","value":"appreciation"}},{"kind":"Field","name":{"kind":"Name","value":"programElements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"wholeClass"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TeacherClassDashboardQuery, TeacherClassDashboardQueryVariables>;
export const ClassSettingsPreviewDocument = {"__meta__":{"hash":"1241a30fd89bcded8ffeb0035464cba58e1669bf230ca692672f298cba815237"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassSettingsPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"settings"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClassSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classSettingsChangeImpact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"classId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classId"}}},{"kind":"Argument","name":{"kind":"Name","value":"settings"},"value":{"kind":"Variable","name":{"kind":"Name","value":"settings"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"destructive"}},{"kind":"Field","name":{"kind":"Name","value":"reportsDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"entriesDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"positioningsDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"averagesDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"pupilProgramElementsDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"classProgramElementsDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"collectiveAppreciationsDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"otherReportPartsDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"reportsMadeReadOnly"}}]}}]}}]} as unknown as DocumentNode<ClassSettingsPreviewQuery, ClassSettingsPreviewQueryVariables>;
export const ChangeClassSettingsDocument = {"__meta__":{"hash":"68af764c201b54fee22f86782df38e2fce14e22895e6379bb60b03413da6583d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeClassSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"settings"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClassSettingsInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmDataLoss"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateClassSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"classId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classId"}}},{"kind":"Argument","name":{"kind":"Name","value":"settings"},"value":{"kind":"Variable","name":{"kind":"Name","value":"settings"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmDataLoss"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmDataLoss"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"restoredAt"}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportsDeleted"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"class"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dataSource"}},{"kind":"Field","name":{"kind":"Name","value":"positioningType"}}]}}]}}]}}]} as unknown as DocumentNode<ChangeClassSettingsMutation, ChangeClassSettingsMutationVariables>;
export const RestoreClassSettingsDocument = {"__meta__":{"hash":"4e02da195b15b0787130b43f3457a93f95b56e87bae310d791dca4d3194d5e23"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreClassSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"changeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreClassSettingsChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"changeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"changeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dataSource"}},{"kind":"Field","name":{"kind":"Name","value":"positioningType"}}]}}]}}]} as unknown as DocumentNode<RestoreClassSettingsMutation, RestoreClassSettingsMutationVariables>;
export const SaveReportEntriesDocument = {"__meta__":{"hash":"16ca58260fe1be3fff387a7728b4b0eb37032ffb43d1d1b26d9eddc930113371"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveReportEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entries"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportEntryInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePeriodicReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"entries"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entries"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"referenceTeachers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"positioning"}},{"kind":"Field","name":{"kind":"Name","value":"appreciation"}},{"kind":"Field","name":{"kind":"Name","value":"programElements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"wholeClass"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SaveReportEntriesMutation, SaveReportEntriesMutationVariables>;
export const LockReportDocument = {"__meta__":{"hash":"034447526390d6001d767f8dd35d32e2482f0fa08e4ff9852638675823c80df7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LockReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lockPeriodicReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"lockedAt"}}]}}]}}]} as unknown as DocumentNode<LockReportMutation, LockReportMutationVariables>;
export const ClassPeriodsDocument = {"__meta__":{"hash":"ddc201431cd15be17e4dde39aa5c74a4c8e55db8da6dd1ef2d5dae901690cbc1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassPeriods"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"class"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}}]}}]} as unknown as DocumentNode<ClassPeriodsQuery, ClassPeriodsQueryVariables>;