import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from "typeorm";
import { createdAt, foreignKey, index, integer, primaryId, text, varchar } from "./table-helpers";

/**
 * LSU XML import: batches, per-report outcomes, the archive of replaced reports, and the pupil's id in
 * the school's own base (id-be) on the enrolment, by which 2D files name pupils. Safe to run again after
 * an interruption: every step checks what already exists.
 */
export class LsuImport1765000000000 implements MigrationInterface {
  name = "LsuImport1765000000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (!(await queryRunner.hasColumn("enrolment", "schoolPupilId"))) {
      await queryRunner.addColumn("enrolment", new TableColumn(integer("schoolPupilId", { nullable: true })));
    }
    const enrolment = await queryRunner.getTable("enrolment");
    if (!enrolment?.indices.some((i) => i.name === "IDX_enrolment_school_pupil")) {
      await queryRunner.createIndex("enrolment", new TableIndex({ name: "IDX_enrolment_school_pupil", columnNames: ["schoolId", "schoolYear", "schoolPupilId"] }));
    }
    if (!(await queryRunner.hasTable("import_batch"))) {
      await queryRunner.createTable(
        new Table({
          name: "import_batch",
          columns: [
            primaryId(),
            integer("schoolId"),
            integer("importedByAccountId"),
            varchar("degree", 6),
            varchar("schemaVersion", 4),
            varchar("editor", 50),
            varchar("application", 50),
            varchar("applicationVersion", 50, { nullable: true }),
            varchar("fileSha256", 64),
            integer("fileBytes"),
            integer("importedCount", { default: 0 }),
            integer("warningCount", { default: 0 }),
            integer("rejectedCount", { default: 0 }),
            integer("replacedCount", { default: 0 }),
            createdAt(queryRunner, "createdAt"),
          ],
          indices: [index("UQ_import_batch_school_hash", ["schoolId", "fileSha256"], true)],
          foreignKeys: [
            foreignKey("FK_import_batch_school", "schoolId", "school"),
            foreignKey("FK_import_batch_account", "importedByAccountId", "account"),
          ],
        }),
      );
    }
    if (!(await queryRunner.hasTable("import_outcome"))) {
      await queryRunner.createTable(
        new Table({
          name: "import_outcome",
          columns: [
            primaryId(),
            integer("batchId"),
            integer("position"),
            varchar("kind", 10),
            varchar("outcome", 24),
            varchar("pupilKey", 20),
            integer("studentId", { nullable: true }),
            integer("periodIndex", { nullable: true }),
            integer("cycle", { nullable: true }),
            integer("line"),
            integer("periodicReportId", { nullable: true }),
            integer("cycleReportId", { nullable: true }),
            text("messages"),
          ],
          indices: [index("IDX_import_outcome_batch", ["batchId", "position"]), index("IDX_import_outcome_cycle_report", ["cycleReportId"])],
          foreignKeys: [foreignKey("FK_import_outcome_batch", "batchId", "import_batch", { onDelete: "CASCADE" })],
        }),
      );
    }
    if (!(await queryRunner.hasTable("import_replaced_report"))) {
      await queryRunner.createTable(
        new Table({
          name: "import_replaced_report",
          columns: [primaryId(), integer("batchId"), varchar("kind", 10), integer("reportId"), text("rows")],
          indices: [index("IDX_import_replaced_report_batch", ["batchId"])],
          foreignKeys: [foreignKey("FK_import_replaced_report_batch", "batchId", "import_batch", { onDelete: "CASCADE" })],
        }),
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("import_replaced_report", true, true, true);
    await queryRunner.dropTable("import_outcome", true, true, true);
    await queryRunner.dropTable("import_batch", true, true, true);
    if (await queryRunner.hasColumn("enrolment", "schoolPupilId")) {
      await queryRunner.dropIndex("enrolment", "IDX_enrolment_school_pupil");
      await queryRunner.dropColumn("enrolment", "schoolPupilId");
    }
  }
}
