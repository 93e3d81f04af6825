import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Degree } from "../../common/domain";

@ObjectType({
  description: "A 2D discipline (national 6-digit code matière) or a 1D domain (7-character code, XXX-RAC = whole domain).",
  simpleResolvers: true,
})
@Entity("subject")
export class Subject {
  @Field()
  @PrimaryColumn({ type: "varchar", length: 10 })
  code: string;

  @Field()
  @Column({ type: "varchar", length: 100 })
  label: string;

  @Field(() => Degree)
  @Column({ type: "varchar", length: 6 })
  degree: Degree;

  @Field(() => String, { nullable: true, description: "1D sub-domains: the code of their domain (e.g. FRA-RAC for FRA-LEC)." })
  @Column({ type: "varchar", length: 10, nullable: true })
  parentCode: string | null;
}
