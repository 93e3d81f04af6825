import { Field, ID, Int, ObjectType } from "type-graphql";
import { PositioningType, ReportDataSource } from "../../common/domain";
import { SchoolClass } from "../class/school-class.entity";

@ObjectType({ description: "A class's settings at one moment; a value is null while it has never been set.", simpleResolvers: true })
export class ClassSettings {
  @Field(() => ReportDataSource, { nullable: true })
  dataSource: ReportDataSource | null;

  @Field(() => PositioningType, { nullable: true })
  positioningType: PositioningType | null;
}

@ObjectType({
  description: "What a settings change deletes or freezes, counted per kind (R-SEED-02, R-SEED-03, R-SEED-04).",
  simpleResolvers: true,
})
export class ClassSettingsImpact {
  @Field(() => Int, { description: "Entries whose 1–4 positioning is cleared (R-SEED-03)." })
  positioningsDeleted: number;

  @Field(() => Int, { description: "Entries whose pupil or class grade average is cleared (R-SEED-03)." })
  averagesDeleted: number;

  @Field(() => Int, { description: "Unlocked reports deleted with all their parts (R-SEED-04b)." })
  reportsDeleted: number;

  @Field(() => Int, { description: "Subject entries of the deleted reports (R-SEED-04b)." })
  entriesDeleted: number;

  @Field(() => Int, { description: "Program elements of single pupils in the deleted reports (R-SEED-04b)." })
  pupilProgramElementsDeleted: number;

  @Field(() => Int, { description: "Parcours, support measures and digital-skill levels of the deleted reports (R-SEED-04b)." })
  otherReportPartsDeleted: number;

  @Field(() => Int, { description: "Whole-class program elements deleted (R-SEED-04b)." })
  classProgramElementsDeleted: number;

  @Field(() => Int, { description: "Collective digital-skills appreciations deleted (R-SEED-04b)." })
  collectiveAppreciationsDeleted: number;

  @Field(() => Int, { description: "Locked reports that become read-only for good (R-SEED-04a)." })
  reportsMadeReadOnly: number;

  @Field(() => Int, {
    description:
      "Locked and read-only reports of the class the change leaves showing exactly what they show (R-NEW-04); a locked report a data-source change makes read-only is one of them.",
  })
  reportsUntouched: number;

  @Field(() => Int, { description: "Entries of locked or read-only reports whose positioning stays under the type they were locked with (R-SEED-03, R-NEW-04)." })
  positioningsKept: number;

  @Field(() => Int, { description: "Entries of locked or read-only reports whose grade averages stay (R-SEED-03, R-NEW-04)." })
  averagesKept: number;

  @Field({ description: "True when any count of what is deleted, cleared or made read-only is above zero: the change then needs confirmDataLoss (R-SEED-02)." })
  destructive: boolean;
}

@ObjectType({ description: "One change of a class's settings, restorable during the same school year (R-NEW-01).", simpleResolvers: true })
export class ClassSettingsChangeView {
  @Field(() => ID)
  id: number;

  @Field()
  changedAt: Date;

  @Field(() => ClassSettings)
  previousSettings: ClassSettings;

  @Field(() => ClassSettings)
  newSettings: ClassSettings;

  @Field(() => ClassSettingsImpact)
  impact: ClassSettingsImpact;

  @Field(() => Date, { nullable: true, description: "When the class was put back as it was before this change; null while not restored." })
  restoredAt: Date | null;
}

@ObjectType({ description: "The class after a settings update, and the change recorded (null when nothing changed).", simpleResolvers: true })
export class ClassSettingsChangeResult {
  @Field(() => SchoolClass)
  class: SchoolClass;

  @Field(() => ClassSettingsChangeView, { nullable: true })
  change: ClassSettingsChangeView | null;
}
