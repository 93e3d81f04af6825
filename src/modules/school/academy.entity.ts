import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A regional education authority (académie).", simpleResolvers: true })
@Entity("academy")
@Index("UQ_academy_code", ["code"], { unique: true })
export class Academy {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field({ description: "Academy code, e.g. A01." })
  @Column({ type: "varchar", length: 10 })
  code: string;

  @Field()
  @Column({ type: "varchar", length: 100 })
  name: string;
}
