import { ArrayMaxSize, IsInt, Max, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "A periodic report to create: one per pupil and period." })
export class CreatePeriodicReportInput {
  @Field(() => ID)
  classId: string;

  @Field(() => ID)
  studentId: string;

  @Field(() => ID)
  periodId: string;
}

@InputType({ description: "One subject (2D) or domain (1D) of a report. Absent fields stay; null clears." })
export class ReportEntryInput {
  @Field({ description: "2D discipline code or 1D domain code." })
  subjectCode: string;

  @Field(() => Int, { nullable: true, description: "1–4, in OBJECTIVES or SCALE classes." })
  @IsInt()
  @Min(1)
  @Max(4)
  positioning?: number | null;

  @Field(() => String, { nullable: true, description: "GRADES classes: the pupil's average, e.g. 12,5." })
  studentAverage?: string | null;

  @Field(() => String, { nullable: true, description: "GRADES classes: the class's average." })
  classAverage?: string | null;

  @Field(() => String, { nullable: true, description: "≤600 characters." })
  appreciation?: string | null;

  // Bounded in validateUpdate (a coded R-PUB-19 refusal), not by a decorator: see src/common/bounds.ts.
  @Field(() => [String], { nullable: true, description: "Program elements worked by this pupil (at most 30, each ≤300); replaces the list." })
  programElements?: string[] | null;

  @Field({ nullable: true, description: "true: remove this subject from the report." })
  remove?: boolean;
}

@InputType({ description: "2D school life (vie scolaire): counts 0–999 and a comment." })
export class SchoolLifeInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(999)
  lateCount: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(999)
  justifiedAbsences: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(999)
  unjustifiedAbsences: number;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType()
export class ParcoursInput {
  @Field({ description: "PAR_AVN (2D), PAR_CIT, PAR_ART, PAR_SAN." })
  code: string;

  @Field({ description: "≤600 characters." })
  text: string;
}

@InputType()
export class SupportMeasureInput {
  @Field({ description: "PAP, PPS, PAI, PPRE, ULIS, UPE2A, RASED (1D), SEGPA and CTR (2D)." })
  code: string;

  @Field(() => String, { nullable: true, description: "≤600 characters." })
  details?: string | null;
}

@InputType()
export class DigitalSkillLevelInput {
  @Field({ description: "One of the 16 CN_* skills." })
  code: string;

  @Field(() => Int, { description: "1–3." })
  @IsInt()
  @Min(1)
  @Max(3)
  level: number;
}

@InputType({ description: "Digital skills of the last period of CM2 or 6e." })
export class DigitalSkillsInput {
  @Field(() => [DigitalSkillLevelInput], { description: "Replaces the levels." })
  @ArrayMaxSize(16)
  @ValidateNested({ each: true })
  levels: DigitalSkillLevelInput[];

  @Field(() => String, { nullable: true, description: "The pupil's own appreciation, ≤600." })
  appreciation?: string | null;
}

@InputType({ description: "Changes to a periodic report. Absent parts stay as they are." })
export class UpdatePeriodicReportInput {
  @Field(() => String, { nullable: true, description: "General synthesis: ≤1000 (2D) or ≤1500 (1D); null clears." })
  synthesis?: string | null;

  @Field(() => [ReportEntryInput], { nullable: true, description: "At most 30: a report has at most 30 subjects." })
  @ValidateNested({ each: true })
  entries?: ReportEntryInput[] | null;

  @Field(() => SchoolLifeInput, { nullable: true, description: "2D only; null clears." })
  @ValidateNested()
  schoolLife?: SchoolLifeInput | null;

  @Field(() => [ParcoursInput], { nullable: true, description: "Replaces the parcours." })
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  parcours?: ParcoursInput[] | null;

  @Field(() => [SupportMeasureInput], { nullable: true, description: "Replaces the support measures." })
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  supportMeasures?: SupportMeasureInput[] | null;

  @Field(() => DigitalSkillsInput, { nullable: true, description: "CM2/6e last period only; null clears." })
  @ValidateNested()
  digitalSkills?: DigitalSkillsInput | null;
}
