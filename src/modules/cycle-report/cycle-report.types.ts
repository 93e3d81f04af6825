import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Cycle 4 complementary teaching (enseignement de complément) and its level.", simpleResolvers: true })
export class ComplementaryTeaching {
  @Field({ description: "AUC (none), LCA, LCE, LCR, CHK, PRO, LSF or LVE." })
  code: string;

  @Field(() => Int, { nullable: true, description: "1 objectifs atteints, 2 dépassés; null with AUC." })
  level: number | null;
}

@ObjectType({ description: "Regional language and culture (langue et culture régionale) and its A2 level.", simpleResolvers: true })
export class RegionalLanguage {
  @Field({ description: "AUC (none) or a regional language code (BAQ, BRE, CAT, COS, CPF, FUD, GAL, GSW, MEL, MOL, OCI, TAH, WLS)." })
  code: string;

  @Field(() => Int, { nullable: true, description: "A2 level: 1 non atteint, 2 atteint; null with AUC." })
  level: number | null;
}
