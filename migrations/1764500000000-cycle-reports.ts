import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { foreignKey, index, integer, primaryId, text, varchar } from "./table-helpers";

/** End-of-cycle reports (bilans de fin de cycle) and their 8 common-core components. */
export class CycleReports1764500000000 implements MigrationInterface {
  name = "CycleReports1764500000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "cycle_report",
        columns: [
          primaryId(),
          integer("studentId"),
          integer("cycle"),
          integer("schoolYear"),
          integer("schoolId"),
          varchar("status", 10, { default: "DRAFT" }),
          { name: "lockedAt", type: "datetime", isNullable: true },
          text("synthesis", { nullable: true }),
          varchar("complementaryTeachingCode", 3, { nullable: true }),
          integer("complementaryTeachingLevel", { nullable: true }),
          varchar("regionalLanguageCode", 3, { nullable: true }),
          integer("regionalLanguageLevel", { nullable: true }),
          integer("createdByAccountId"),
          integer("version", { default: 1 }),
        ],
        indices: [
          // R-PUB-20: one end-of-cycle report per pupil and cycle.
          index("UQ_cycle_report_student_cycle", ["studentId", "cycle"], true),
          index("IDX_cycle_report_school", ["schoolId"]),
        ],
        foreignKeys: [
          foreignKey("FK_cycle_report_student", "studentId", "student"),
          foreignKey("FK_cycle_report_school", "schoolId", "school"),
          foreignKey("FK_cycle_report_created_by", "createdByAccountId", "account"),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "cycle_report_component",
        columns: [primaryId(), integer("cycleReportId"), varchar("code", 7), integer("level")],
        indices: [index("UQ_cycle_report_component", ["cycleReportId", "code"], true)],
        foreignKeys: [foreignKey("FK_cycle_report_component_report", "cycleReportId", "cycle_report", { onDelete: "CASCADE" })],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("cycle_report_component", true, true, true);
    await queryRunner.dropTable("cycle_report", true, true, true);
  }
}
