import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { Degree } from "../../common/domain";
import { Academy } from "./academy.entity";

@ObjectType({ description: "An école (FIRST degree) or a collège (SECOND degree).", simpleResolvers: true })
@Entity("school")
@Index("UQ_school_uai", ["uai"], { unique: true })
export class School {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field({ description: "Unité administrative immatriculée: 7 digits and a letter." })
  @Column({ type: "varchar", length: 8 })
  uai: string;

  @Field()
  @Column({ type: "varchar", length: 100 })
  name: string;

  @Field(() => Degree)
  @Column({ type: "varchar", length: 6 })
  degree: Degree;

  @Column({ type: "integer" })
  academyId: number;

  @ManyToOne(() => Academy)
  @JoinColumn({ name: "academyId", foreignKeyConstraintName: "FK_school_academy" })
  academy?: Academy;

  @Field({ description: "Collèges: whether guardians may read their children's records in the online service yet (R-SEED-11). Écoles need no opening." })
  @Column({ type: "boolean", default: false })
  onlineServiceOpen: boolean;
}
