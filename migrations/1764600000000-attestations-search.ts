import { MigrationInterface, QueryRunner } from "typeorm";

export class AttestationsSearch1764600000000 implements MigrationInterface {
  name = "AttestationsSearch1764600000000";

  public async up(_queryRunner: QueryRunner): Promise<void> {}

  public async down(_queryRunner: QueryRunner): Promise<void> {}
}
