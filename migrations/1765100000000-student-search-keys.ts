import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { index } from "./table-helpers";

/**
 * R-SEED-14: the search-key table (one row per enrolment and name form), filled from the enrolments
 * and the stored name forms already there. Safe to re-run after an interruption: the table is created
 * only when missing, and the fill skips pupils that already have keys.
 */
export class StudentSearchKeys1765100000000 implements MigrationInterface {
  name = "StudentSearchKeys1765100000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (!(await queryRunner.hasTable("student_search_key"))) {
      await queryRunner.createTable(
        new Table({
          name: "student_search_key",
          columns: [
            { name: "schoolId", type: "integer", isPrimary: true, isNullable: false },
            { name: "schoolYear", type: "integer", isPrimary: true, isNullable: false },
            { name: "searchKey", type: "varchar", length: "100", isPrimary: true, isNullable: false },
            { name: "studentId", type: "integer", isPrimary: true, isNullable: false },
          ],
          indices: [index("IDX_student_search_key_student", ["studentId"])],
        }),
      );
    }
    // Portable INSERT … SELECT: both name forms, each (school, year, form, pupil) once.
    for (const column of ["searchSurname", "searchFirstName"]) {
      await queryRunner.query(
        `INSERT INTO student_search_key (schoolId, schoolYear, searchKey, studentId)
         SELECT DISTINCT e.schoolId, e.schoolYear, s.${column}, s.id
           FROM enrolment e INNER JOIN student s ON s.id = e.studentId
          WHERE s.${column} <> ''
            AND NOT EXISTS (SELECT 1 FROM student_search_key k
                             WHERE k.schoolId = e.schoolId AND k.schoolYear = e.schoolYear AND k.searchKey = s.${column} AND k.studentId = s.id)`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (await queryRunner.hasTable("student_search_key")) await queryRunner.dropTable("student_search_key");
  }
}
