import { Field, ID, ObjectType } from "type-graphql";
import { AccountKind, Role } from "../../common/domain";
import { Academy } from "../school/academy.entity";
import { School } from "../school/school.entity";
import { SchoolClass } from "../class/school-class.entity";
import { TeachingGroup } from "../class/teaching-group.entity";
import { Subject } from "../subject/subject.entity";

@ObjectType({ description: "A role held by the caller, with the school or academy it applies to.", simpleResolvers: true })
export class RoleGrant {
  @Field(() => Role)
  role: Role;

  @Field(() => School, { nullable: true })
  school: School | null;

  @Field(() => Academy, { nullable: true })
  academy: Academy | null;
}

@ObjectType({ description: "What the caller teaches this year: a subject or domain, to a class or to a group.", simpleResolvers: true })
export class TeachingGrant {
  @Field(() => Subject)
  subject: Subject;

  @Field(() => SchoolClass, { nullable: true })
  schoolClass: SchoolClass | null;

  @Field(() => TeachingGroup, { nullable: true })
  group: TeachingGroup | null;
}

@ObjectType({ description: "The signed-in account.", simpleResolvers: true })
export class Me {
  @Field(() => ID)
  id: number;

  @Field({ description: "The identity the token names." })
  login: string;

  @Field(() => AccountKind)
  kind: AccountKind;

  @Field()
  surname: string;

  @Field()
  firstName: string;

  @Field({ description: "Guardians: whether their EduConnect account is active. Always false for staff." })
  educonnectActive: boolean;

  @Field(() => [RoleGrant])
  roles: RoleGrant[];

  @Field(() => [TeachingGrant], { description: "Teaching assignments of the current school year." })
  teaching: TeachingGrant[];
}
