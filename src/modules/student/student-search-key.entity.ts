import { Entity, Index, PrimaryColumn } from "typeorm";

/**
 * R-SEED-14: one row per (school, year, name form, pupil) for every enrolment — the pupil's surname
 * and first name as searched — so that a name prefix within one school and year is a range seek on
 * the primary key, whatever the size of the academy. Derived from enrolment and student; the
 * directory loader (the only writer of both) keeps it in step (see search-keys.ts). No foreign keys:
 * it is an index the application maintains, and pupils are never deleted.
 */
@Entity("student_search_key")
@Index("IDX_student_search_key_student", ["studentId"])
export class StudentSearchKey {
  @PrimaryColumn({ type: "integer" })
  schoolId: number;

  @PrimaryColumn({ type: "integer" })
  schoolYear: number;

  @PrimaryColumn({ type: "varchar", length: 100 })
  searchKey: string;

  @PrimaryColumn({ type: "integer" })
  studentId: number;
}
