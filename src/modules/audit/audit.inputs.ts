import { IsOptional } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "../../common/paging";

@ArgsType()
export class AuditTrailArgs extends PageArgs {
  @Field(() => ID, { description: "The school whose trail is read." })
  schoolId: string;

  @Field(() => String, { nullable: true, description: "Only events of this action, e.g. CONFIGURE_PERIODS." })
  @IsOptional()
  action?: string | null;

  @Field(() => ID, { nullable: true, description: "Only events about this pupil." })
  studentId?: string | null;
}
