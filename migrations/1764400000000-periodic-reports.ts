import { MigrationInterface, QueryRunner, Table, TableColumn } from "typeorm";
import { boolean, createdAt, foreignKey, index, integer, primaryId, text, varchar } from "./table-helpers";

/** Report content, class-wide elements, settings-change archives and past-year amendments. */
export class PeriodicReports1764400000000 implements MigrationInterface {
  name = "PeriodicReports1764400000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    const table = (options: ConstructorParameters<typeof Table>[0]) => queryRunner.createTable(new Table(options));
    const datetimeNullable = (name: string): TableColumn =>
      new TableColumn({ name, type: "datetime", isNullable: true });

    // No report could be created before this migration, so the new NOT NULL column needs no backfill.
    await queryRunner.addColumns("periodic_report", [
      new TableColumn(integer("schoolYear")),
      new TableColumn(boolean("readOnly", false)),
      new TableColumn(varchar("source", 10, { default: "ENTRY" })),
      datetimeNullable("lockedAt"),
      new TableColumn(integer("lockedByAccountId", { nullable: true })),
      new TableColumn(text("synthesis", { nullable: true })),
      new TableColumn(integer("lateCount", { nullable: true })),
      new TableColumn(integer("justifiedAbsences", { nullable: true })),
      new TableColumn(integer("unjustifiedAbsences", { nullable: true })),
      new TableColumn(varchar("schoolLifeComment", 600, { nullable: true })),
      new TableColumn(varchar("digitalSkillsAppreciation", 600, { nullable: true })),
    ]);

    await table({
      name: "report_entry",
      columns: [
        primaryId(),
        integer("reportId"),
        varchar("subjectCode", 10),
        integer("positioning", { nullable: true }),
        varchar("studentAverage", 8, { nullable: true }),
        varchar("classAverage", 8, { nullable: true }),
        varchar("appreciation", 600, { nullable: true }),
      ],
      indices: [index("UQ_report_entry_subject", ["reportId", "subjectCode"], true)],
      foreignKeys: [
        foreignKey("FK_report_entry_report", "reportId", "periodic_report", { onDelete: "CASCADE" }),
        foreignKey("FK_report_entry_subject", "subjectCode", "subject", { referencedColumn: "code" }),
      ],
    });
    await table({
      name: "report_entry_teacher",
      columns: [primaryId(), integer("entryId"), integer("accountId")],
      indices: [index("UQ_report_entry_teacher", ["entryId", "accountId"], true)],
      foreignKeys: [
        foreignKey("FK_report_entry_teacher_entry", "entryId", "report_entry", { onDelete: "CASCADE" }),
        foreignKey("FK_report_entry_teacher_account", "accountId", "account"),
      ],
    });
    await table({
      name: "report_entry_element",
      columns: [primaryId(), integer("entryId"), varchar("label", 300)],
      indices: [index("IDX_report_entry_element_entry", ["entryId"])],
      foreignKeys: [foreignKey("FK_report_entry_element_entry", "entryId", "report_entry", { onDelete: "CASCADE" })],
    });
    await table({
      name: "class_program_element",
      columns: [
        primaryId(),
        integer("classId"),
        integer("periodId"),
        varchar("subjectCode", 10),
        varchar("label", 300),
        integer("carriedOverFromId", { nullable: true }),
      ],
      indices: [index("IDX_class_program_element_class_period", ["classId", "periodId"])],
      foreignKeys: [
        foreignKey("FK_class_program_element_class", "classId", "school_class"),
        foreignKey("FK_class_program_element_period", "periodId", "period"),
        foreignKey("FK_class_program_element_subject", "subjectCode", "subject", { referencedColumn: "code" }),
      ],
    });
    await table({
      name: "report_reference_teacher",
      columns: [primaryId(), integer("reportId"), integer("accountId")],
      indices: [index("UQ_report_reference_teacher", ["reportId", "accountId"], true)],
      foreignKeys: [
        foreignKey("FK_report_reference_teacher_report", "reportId", "periodic_report", { onDelete: "CASCADE" }),
        foreignKey("FK_report_reference_teacher_account", "accountId", "account"),
      ],
    });
    await table({
      name: "report_digital_skill",
      columns: [primaryId(), integer("reportId"), varchar("code", 12), integer("level")],
      indices: [index("UQ_report_digital_skill", ["reportId", "code"], true)],
      foreignKeys: [foreignKey("FK_report_digital_skill_report", "reportId", "periodic_report", { onDelete: "CASCADE" })],
    });
    await table({
      name: "class_digital_skills_appreciation",
      columns: [primaryId(), integer("classId"), varchar("text", 600)],
      indices: [index("UQ_class_digital_skills_appreciation", ["classId"], true)],
      foreignKeys: [foreignKey("FK_class_digital_skills_appreciation_class", "classId", "school_class")],
    });
    await table({
      name: "group_digital_skills_appreciation",
      columns: [primaryId(), integer("groupId"), varchar("text", 600)],
      indices: [index("UQ_group_digital_skills_appreciation", ["groupId"], true)],
      foreignKeys: [foreignKey("FK_group_digital_skills_appreciation_group", "groupId", "teaching_group")],
    });
    await table({
      name: "report_parcours",
      columns: [primaryId(), integer("reportId"), varchar("code", 10), varchar("text", 600)],
      indices: [index("UQ_report_parcours", ["reportId", "code"], true)],
      foreignKeys: [foreignKey("FK_report_parcours_report", "reportId", "periodic_report", { onDelete: "CASCADE" })],
    });
    await table({
      name: "report_support_measure",
      columns: [primaryId(), integer("reportId"), varchar("code", 10), varchar("details", 600, { nullable: true })],
      indices: [index("UQ_report_support_measure", ["reportId", "code"], true)],
      foreignKeys: [foreignKey("FK_report_support_measure_report", "reportId", "periodic_report", { onDelete: "CASCADE" })],
    });
    await table({
      name: "class_settings_change",
      columns: [
        primaryId(),
        integer("classId"),
        createdAt(queryRunner, "changedAt"),
        integer("changedByAccountId"),
        varchar("previousDataSource", 10, { nullable: true }),
        varchar("previousPositioningType", 12, { nullable: true }),
        varchar("newDataSource", 10, { nullable: true }),
        varchar("newPositioningType", 12, { nullable: true }),
        text("impact"),
        text("archive"),
        { name: "restoredAt", type: "datetime", isNullable: true },
        integer("restoredByAccountId", { nullable: true }),
      ],
      indices: [index("IDX_class_settings_change_class", ["classId"])],
      foreignKeys: [foreignKey("FK_class_settings_change_class", "classId", "school_class")],
    });
    await table({
      name: "prior_year_amendment",
      columns: [
        primaryId(),
        integer("reportId"),
        integer("grantedByAccountId"),
        createdAt(queryRunner, "grantedAt"),
        text("elements"),
        varchar("ticketRef", 50),
        varchar("documentRef", 200),
      ],
      indices: [index("IDX_prior_year_amendment_report", ["reportId"])],
      foreignKeys: [foreignKey("FK_prior_year_amendment_report", "reportId", "periodic_report")],
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of [
      "prior_year_amendment",
      "class_settings_change",
      "report_support_measure",
      "report_parcours",
      "group_digital_skills_appreciation",
      "class_digital_skills_appreciation",
      "report_digital_skill",
      "report_reference_teacher",
      "class_program_element",
      "report_entry_element",
      "report_entry_teacher",
      "report_entry",
    ]) {
      await queryRunner.dropTable(name, true, true, true);
    }
    for (const column of [
      "digitalSkillsAppreciation",
      "schoolLifeComment",
      "unjustifiedAbsences",
      "justifiedAbsences",
      "lateCount",
      "synthesis",
      "lockedByAccountId",
      "lockedAt",
      "source",
      "readOnly",
      "schoolYear",
    ]) {
      await queryRunner.dropColumn("periodic_report", column);
    }
  }
}
