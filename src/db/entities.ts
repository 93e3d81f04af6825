import { Academy } from "../modules/school/academy.entity";
import { School } from "../modules/school/school.entity";
import { PeriodScheme } from "../modules/period/period-scheme.entity";
import { Period } from "../modules/period/period.entity";
import { SchoolClass } from "../modules/class/school-class.entity";
import { TeachingGroup } from "../modules/class/teaching-group.entity";
import { Student } from "../modules/student/student.entity";
import { Enrolment } from "../modules/student/enrolment.entity";
import { StudentSearchKey } from "../modules/student/student-search-key.entity";
import { GroupMembership } from "../modules/student/group-membership.entity";
import { Account } from "../modules/account/account.entity";
import { RoleAssignment } from "../modules/account/role-assignment.entity";
import { TeachingAssignment } from "../modules/account/teaching-assignment.entity";
import { StudentGuardian } from "../modules/account/student-guardian.entity";
import { Subject } from "../modules/subject/subject.entity";
import { AuditEvent } from "../modules/audit/audit-event.entity";
import { PeriodicReport } from "../modules/report/periodic-report.entity";
import {
  ClassDigitalSkillsAppreciation,
  ClassProgramElement,
  GroupDigitalSkillsAppreciation,
  ReportDigitalSkill,
  ReportEntry,
  ReportEntryElement,
  ReportEntryTeacher,
  ReportParcours,
  ReportReferenceTeacher,
  ReportSupportMeasure,
} from "../modules/report/report-parts.entity";
import { ClassSettingsArchivePart, ClassSettingsChange } from "../modules/class-settings/class-settings-change.entity";
import { PriorYearAmendment } from "../modules/amendment/prior-year-amendment.entity";
import { CYCLE_REPORT_ENTITIES } from "../modules/cycle-report/cycle-report.entities";
import { ATTESTATION_ENTITIES } from "../modules/attestation/attestation.entities";
import { TRANSFER_ENTITIES } from "../modules/transfer/transfer.entities";
import { IMPORT_ENTITIES } from "../modules/import/import.entity";

export const ENTITIES = [
  Academy,
  School,
  PeriodScheme,
  Period,
  SchoolClass,
  TeachingGroup,
  Student,
  Enrolment,
  StudentSearchKey,
  GroupMembership,
  Account,
  RoleAssignment,
  TeachingAssignment,
  StudentGuardian,
  Subject,
  AuditEvent,
  PeriodicReport,
  ReportEntry,
  ReportEntryTeacher,
  ReportEntryElement,
  ClassProgramElement,
  ReportReferenceTeacher,
  ReportDigitalSkill,
  ClassDigitalSkillsAppreciation,
  GroupDigitalSkillsAppreciation,
  ReportParcours,
  ReportSupportMeasure,
  ClassSettingsChange,
  ClassSettingsArchivePart,
  PriorYearAmendment,
  ...CYCLE_REPORT_ENTITIES,
  ...ATTESTATION_ENTITIES,
  ...TRANSFER_ENTITIES,
  ...IMPORT_ENTITIES,
];
