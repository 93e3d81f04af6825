import { MigrationInterface, QueryRunner } from "typeorm";

export class Transfers1764700000000 implements MigrationInterface {
  name = "Transfers1764700000000";

  public async up(_queryRunner: QueryRunner): Promise<void> {}

  public async down(_queryRunner: QueryRunner): Promise<void> {}
}
