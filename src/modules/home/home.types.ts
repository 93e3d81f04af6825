import { ArgsType, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { PageArgs, PageType } from "../../common/paging";
import { Student } from "../student/student.entity";

export const StudentPage = PageType(Student, "StudentPage");

@ArgsType()
export class SearchStudentsArgs extends PageArgs {
  @Field(() => ID, { description: "The school searched." })
  schoolId: string;

  @Field({ description: "1 to 3 words (≤100 characters), each the start of the pupil's surname or first name; case and accents do not matter." })
  name: string;
}

export enum NoticeSeverity {
  INFO = "INFO",
  WARNING = "WARNING",
  ACTION_REQUIRED = "ACTION_REQUIRED",
}
registerEnumType(NoticeSeverity, { name: "NoticeSeverity", description: "INFO: a reminder; WARNING: worth a look; ACTION_REQUIRED: blocks work until done." });

export enum HomeNoticeCode {
  LOCKING_REMINDER = "LOCKING_REMINDER",
  PERIODS_NOT_SET = "PERIODS_NOT_SET",
  CLASS_SETTINGS_MISSING = "CLASS_SETTINGS_MISSING",
  UNLOCKED_AFTER_PERIOD_END = "UNLOCKED_AFTER_PERIOD_END",
  UNLOCKED_REPORTS = "UNLOCKED_REPORTS",
}
registerEnumType(HomeNoticeCode, {
  name: "HomeNoticeCode",
  description:
    "LOCKING_REMINDER: what locking means; PERIODS_NOT_SET: classes without periods (R-SEED-01); CLASS_SETTINGS_MISSING: classes " +
    "without data source or positioning type (R-SEED-02); UNLOCKED_AFTER_PERIOD_END (DIRECTOR/HEAD) and UNLOCKED_REPORTS (teachers): " +
    "draft reports of periods that have ended.",
});

export enum NoticeRecordKind {
  SCHOOL = "SCHOOL",
  CLASS = "CLASS",
  PERIODIC_REPORT = "PERIODIC_REPORT",
}
registerEnumType(NoticeRecordKind, { name: "NoticeRecordKind", description: "What a notice's record identifies." });

@ObjectType({ description: "A record a notice is about: open it with the query of its kind (school, class, periodicReport).", simpleResolvers: true })
export class NoticeRecord {
  @Field(() => NoticeRecordKind)
  kind: NoticeRecordKind;

  @Field(() => ID)
  id: string;

  @Field({ description: "What to show, e.g. a class code or a pupil's name with class and period." })
  label: string;
}

@ObjectType({ description: "A notice for the caller's home page (R-SEED-15).", simpleResolvers: true })
export class HomeNotice {
  @Field(() => HomeNoticeCode)
  code: HomeNoticeCode;

  @Field(() => NoticeSeverity)
  severity: NoticeSeverity;

  @Field()
  message: string;

  @Field(() => [NoticeRecord], { description: "The records concerned, possibly none." })
  records: NoticeRecord[];
}
