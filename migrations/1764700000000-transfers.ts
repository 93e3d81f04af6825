import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { createdAt, foreignKey, index, integer, primaryId } from "./table-helpers";

/** Inter-academic transfers of pupils' records (R-SEED-06). */
export class Transfers1764700000000 implements MigrationInterface {
  name = "Transfers1764700000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "inter_academic_transfer",
        columns: [
          primaryId(),
          integer("studentId"),
          integer("fromAcademyId"),
          integer("toAcademyId"),
          integer("receivingSchoolId"),
          integer("schoolYear"),
          integer("performedByAccountId"),
          createdAt(queryRunner, "performedAt"),
        ],
        indices: [index("UQ_inter_academic_transfer", ["studentId", "receivingSchoolId", "fromAcademyId"], true)],
        foreignKeys: [
          foreignKey("FK_inter_academic_transfer_student", "studentId", "student"),
          foreignKey("FK_inter_academic_transfer_from_academy", "fromAcademyId", "academy"),
          foreignKey("FK_inter_academic_transfer_to_academy", "toAcademyId", "academy"),
          foreignKey("FK_inter_academic_transfer_receiving_school", "receivingSchoolId", "school"),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("inter_academic_transfer", true, true, true);
  }
}
