import { MigrationInterface, QueryRunner } from "typeorm";

export class CycleReports1764500000000 implements MigrationInterface {
  name = "CycleReports1764500000000";

  public async up(_queryRunner: QueryRunner): Promise<void> {}

  public async down(_queryRunner: QueryRunner): Promise<void> {}
}
