import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A staff member named on a record (teacher, reference teacher).", simpleResolvers: true })
export class StaffMember {
  @Field(() => ID)
  id: number;

  @Field()
  surname: string;

  @Field()
  firstName: string;
}

/** The public face of a staff account on a record. */
export const toStaffMember = (account: { id: number; surname: string; firstName: string }): StaffMember => ({
  id: account.id,
  surname: account.surname,
  firstName: account.firstName,
});

@ObjectType({ description: "A program element (élément de programme) worked in a subject.", simpleResolvers: true })
export class ProgramElement {
  @Field(() => ID)
  id: number;

  @Field()
  label: string;

  @Field({ description: "true: worked by the whole class in the period; false: by this pupil only." })
  wholeClass: boolean;
}

@ObjectType({ description: "2D school life (vie scolaire).", simpleResolvers: true })
export class SchoolLife {
  @Field(() => Int)
  lateCount: number;

  @Field(() => Int)
  justifiedAbsences: number;

  @Field(() => Int)
  unjustifiedAbsences: number;

  @Field(() => String, { nullable: true })
  comment: string | null;
}

@ObjectType({ description: "A parcours of the report (PAR_*).", simpleResolvers: true })
export class Parcours {
  @Field()
  code: string;

  @Field()
  text: string;
}

@ObjectType({ description: "A support measure (modalité d'accompagnement).", simpleResolvers: true })
export class SupportMeasure {
  @Field()
  code: string;

  @Field(() => String, { nullable: true })
  details: string | null;
}

@ObjectType({ description: "One digital skill and its level (1–3).", simpleResolvers: true })
export class DigitalSkillLevel {
  @Field()
  code: string;

  @Field(() => Int)
  level: number;
}

@ObjectType({ description: "The collective digital-skills appreciation of one of the pupil's groups.", simpleResolvers: true })
export class GroupAppreciation {
  @Field()
  groupCode: string;

  @Field()
  groupLabel: string;

  @Field()
  text: string;
}

@ObjectType({ description: "Digital skills of the last period of CM2 or 6e.", simpleResolvers: true })
export class DigitalSkills {
  @Field(() => [DigitalSkillLevel])
  levels: DigitalSkillLevel[];

  @Field(() => String, { nullable: true, description: "The pupil's own appreciation." })
  appreciation: string | null;

  @Field(() => String, { nullable: true, description: "The class's collective appreciation." })
  collectiveAppreciation: string | null;

  @Field(() => [GroupAppreciation], { description: "Collective appreciations of the pupil's groups that year." })
  groupAppreciations: GroupAppreciation[];
}

@ObjectType({ description: "A report that lockClassReports could not lock, and why.", simpleResolvers: true })
export class LockRefusal {
  @Field(() => ID)
  reportId: number;

  @Field()
  code: string;

  @Field({ description: "The SPEC rule that refused it." })
  rule: string;

  @Field()
  message: string;
}

@ObjectType({ description: "What lockClassReports did.", simpleResolvers: true })
export class LockClassReportsResult {
  @Field(() => Int)
  locked: number;

  @Field(() => Int)
  alreadyLocked: number;

  @Field(() => [LockRefusal])
  refused: LockRefusal[];
}
