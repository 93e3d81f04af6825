import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { StaffMember } from "../report/report.types";

export enum ImportOutcomeKind {
  IMPORTED = "IMPORTED",
  IMPORTED_WITH_WARNINGS = "IMPORTED_WITH_WARNINGS",
  REJECTED = "REJECTED",
}
registerEnumType(ImportOutcomeKind, { name: "ImportOutcomeKind", description: "What became of one report of an LSU file (R-PUB-10)." });

@ObjectType({ description: "A coded message about one imported report: an error that rejected it, or a warning.", simpleResolvers: true })
export class ImportMessage {
  @Field({ description: "SETTINGS_MISMATCH, CLASS_NOT_FOUND, PERIODS_NOT_CONFIGURED, PERIOD_DATES_MISMATCH, PAST_YEAR, NOT_FOUND (pupil), UNKNOWN_TEACHER, SUPPORT_MEASURES_IGNORED…" })
  code: string;

  @Field({ description: "The SPEC rule id." })
  rule: string;

  @Field()
  message: string;

  @Field({ description: "The pupil as the file names them: id-be (2D) or INE (1D)." })
  pupil: string;

  @Field(() => Int, { nullable: true, description: "The period's index in the file (periodic reports)." })
  period: number | null;

  @Field({ description: "Path of the element in the file." })
  element: string;

  @Field(() => Int, { description: "Line of the report in the file." })
  line: number;
}

@ObjectType({ description: "One report of an imported file and what became of it.", simpleResolvers: true })
export class ImportReportOutcome {
  @Field(() => Int, { description: "Order of the report in the file, from 0." })
  position: number;

  @Field({ description: "PERIODIC (bilan périodique) or CYCLE (bilan de fin de cycle)." })
  kind: string;

  @Field(() => ImportOutcomeKind)
  outcome: ImportOutcomeKind;

  @Field({ description: "The pupil as the file names them: id-be (2D) or INE (1D)." })
  pupil: string;

  @Field(() => Int, { nullable: true })
  period: number | null;

  @Field(() => Int, { nullable: true })
  cycle: number | null;

  @Field(() => Int)
  line: number;

  @Field(() => ID, { nullable: true, description: "The periodic report written, when imported." })
  periodicReportId: number | null;

  @Field(() => ID, { nullable: true, description: "The end-of-cycle report written, when imported." })
  cycleReportId: number | null;

  @Field(() => [ImportMessage])
  messages: ImportMessage[];
}

@ObjectType({ description: "One LSU XML file imported into a school (R-PUB-10).", simpleResolvers: true })
export class ImportBatchView {
  @Field(() => ID)
  id: number;

  @Field(() => ID)
  schoolId: number;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => StaffMember)
  importedBy: StaffMember;

  @Field({ description: "FIRST (école, 1D) or SECOND (collège, 2D)." })
  degree: string;

  @Field()
  schemaVersion: string;

  @Field({ description: "entete/editeur" })
  editor: string;

  @Field({ description: "entete/application" })
  application: string;

  @Field(() => String, { nullable: true, description: "entete/appliVersion" })
  applicationVersion: string | null;

  @Field({ description: "SHA-256 of the file, hex." })
  fileSha256: string;

  @Field(() => Int)
  fileBytes: number;

  @Field(() => Int)
  importedCount: number;

  @Field(() => Int)
  warningCount: number;

  @Field(() => Int)
  rejectedCount: number;

  @Field(() => Int, { description: "Reports of earlier imports this one replaced (archived)." })
  replacedCount: number;

  @Field(() => [ImportReportOutcome])
  outcomes: ImportReportOutcome[];
}

@ObjectType({ description: "A page of a school's import batches, newest first.", simpleResolvers: true })
export class ImportBatchPage {
  @Field(() => [ImportBatchView])
  items: ImportBatchView[];

  @Field(() => Int)
  totalCount: number;

  @Field({ description: "More batches after endCursor." })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page." })
  endCursor: string | null;
}
