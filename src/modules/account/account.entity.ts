import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { AccountKind } from "../../common/domain";

@ObjectType({ description: "A person who signs in: a staff member or a guardian.", simpleResolvers: true })
@Entity("account")
@Index("UQ_account_login", ["login"], { unique: true })
export class Account {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  /** The identity provider's subject; the token's `sub`. Never exposed except to its owner (`me`). */
  @Column({ type: "varchar", length: 100 })
  login: string;

  @Field(() => AccountKind)
  @Column({ type: "varchar", length: 10 })
  kind: AccountKind;

  @Field()
  @Column({ type: "varchar", length: 100 })
  surname: string;

  @Field()
  @Column({ type: "varchar", length: 100 })
  firstName: string;

  /** Guardians only: whether their EduConnect account is active (R-SEED-13). */
  @Column({ type: "boolean", default: false })
  educonnectActive: boolean;
}
