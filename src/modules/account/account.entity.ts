import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { AccountKind } from "../../common/domain";

/** A person who signs in: a staff member or a guardian. Exposed to its owner through `me`. */
@Entity("account")
@Index("UQ_account_login", ["login"], { unique: true })
export class Account {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  /** The identity provider's subject; the token's `sub`. Never exposed except to its owner (`me`). */
  @Column({ type: "varchar", length: 100 })
  login: string;

  @Column({ type: "varchar", length: 10 })
  kind: AccountKind;

  @Column({ type: "varchar", length: 100 })
  surname: string;

  @Column({ type: "varchar", length: 100 })
  firstName: string;

  /** Guardians only: whether their EduConnect account is active (R-SEED-13). */
  @Column({ type: "boolean", default: false })
  educonnectActive: boolean;
}
