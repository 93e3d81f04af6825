import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { foreignKey, integer, text } from "./table-helpers";

/**
 * R-NEW-01: settings-change archives of any size, in pieces (a `text` column holds 64 KB on MariaDB).
 * One statement; created only when missing, so a start interrupted here completes it.
 */
export class SettingsArchiveParts1765200000000 implements MigrationInterface {
  name = "SettingsArchiveParts1765200000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (await queryRunner.hasTable("class_settings_archive_part")) return;
    await queryRunner.createTable(
      new Table({
        name: "class_settings_archive_part",
        columns: [{ ...integer("changeId"), isPrimary: true }, { ...integer("seq"), isPrimary: true }, text("body")],
        foreignKeys: [foreignKey("FK_class_settings_archive_part_change", "changeId", "class_settings_change", { onDelete: "CASCADE" })],
      }),
      false,
      true,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (await queryRunner.hasTable("class_settings_archive_part")) await queryRunner.dropTable("class_settings_archive_part");
  }
}
