import { BeforeInsert, BeforeUpdate, Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { searchKey } from "./search-key";
import { Field, ID, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";

@ObjectType({ description: "A pupil (élève).", simpleResolvers: true })
@Entity("student")
@Index("UQ_student_ine", ["ine"], { unique: true })
@Index("IDX_student_search", ["searchSurname", "searchFirstName"])
export class Student {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field({ description: "Identifiant national élève: 11 characters." })
  @Column({ type: "varchar", length: 11 })
  ine: string;

  @Field()
  @Column({ type: "varchar", length: 100 })
  surname: string;

  @Field()
  @Column({ type: "varchar", length: 100 })
  firstName: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Column({ type: "date", nullable: true })
  birthDate: string | null;

  /** R-SEED-14: surname as searched (see searchKey in search-key.ts). */
  @Column({ type: "varchar", length: 100, default: "" })
  searchSurname: string;

  /** R-SEED-14: first name as searched. */
  @Column({ type: "varchar", length: 100, default: "" })
  searchFirstName: string;

  /** Keeps the search columns in step with the names whenever a pupil is saved through the entity. */
  @BeforeInsert()
  @BeforeUpdate()
  refreshSearchKeys(): void {
    if (this.surname !== undefined) this.searchSurname = searchKey(this.surname);
    if (this.firstName !== undefined) this.searchFirstName = searchKey(this.firstName);
  }
}
