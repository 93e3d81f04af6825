import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";
import { integer } from "./table-helpers";

/**
 * R-SEED-10: an authorisation is used once. The edit that applies it closes it: when, and by whom.
 * An authorisation granted before this migration is still open.
 */
export class AmendmentClosing1765211000000 implements MigrationInterface {
  name = "AmendmentClosing1765211000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns("prior_year_amendment", [
      new TableColumn({ name: "closedAt", type: "datetime", isNullable: true }),
      new TableColumn(integer("closedByAccountId", { nullable: true })),
    ]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn("prior_year_amendment", "closedByAccountId");
    await queryRunner.dropColumn("prior_year_amendment", "closedAt");
  }
}
