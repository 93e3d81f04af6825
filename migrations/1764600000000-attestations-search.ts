import { MigrationInterface, QueryRunner, Table, TableColumn } from "typeorm";
import { date, foreignKey, index, integer, primaryId, varchar } from "./table-helpers";

/**
 * The migration's own copy of the search form of a name (src/modules/home/search-key.ts at the time of
 * writing): a migration must give the same result whatever later code does.
 */
function searchKey(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\u2010\u2011]/g, "-")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
}

/** Attestations, Pix certifications, and the normalised name columns that serve pupil search (R-SEED-14). */
export class AttestationsSearch1764600000000 implements MigrationInterface {
  name = "AttestationsSearch1764600000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    const table = (options: ConstructorParameters<typeof Table>[0]) => queryRunner.createTable(new Table(options));

    await table({
      name: "attestation",
      columns: [primaryId(), integer("studentId"), varchar("type", 10), date("obtainedOn"), integer("schoolId"), integer("schoolYear")],
      indices: [
        index("UQ_attestation_student_type", ["studentId", "type"], true),
        index("IDX_attestation_school_year", ["schoolId", "schoolYear", "studentId"]),
      ],
      foreignKeys: [
        foreignKey("FK_attestation_student", "studentId", "student"),
        foreignKey("FK_attestation_school", "schoolId", "school"),
      ],
    });
    await table({
      name: "pix_certification",
      columns: [
        primaryId(),
        integer("studentId"),
        integer("schoolId"),
        integer("schoolYear"),
        date("certifiedOn"),
        integer("score"),
        integer("version", { default: 1 }),
      ],
      indices: [
        index("UQ_pix_certification_student_date", ["studentId", "certifiedOn"], true),
        index("IDX_pix_certification_school_year", ["schoolId", "schoolYear"]),
      ],
      foreignKeys: [
        foreignKey("FK_pix_certification_student", "studentId", "student"),
        foreignKey("FK_pix_certification_school", "schoolId", "school"),
      ],
    });
    await table({
      name: "pix_competence_level",
      columns: [primaryId(), integer("certificationId"), varchar("competence", 4), integer("level")],
      indices: [index("UQ_pix_competence_level", ["certificationId", "competence"], true)],
      foreignKeys: [foreignKey("FK_pix_competence_level_certification", "certificationId", "pix_certification", { onDelete: "CASCADE" })],
    });

    // Search columns: NOT NULL with '' so that the ALTER needs no backfill first; existing pupils are
    // filled below, computed in JS because normalisation (NFD, Unicode classes) is not portable SQL.
    await queryRunner.addColumns("student", [
      new TableColumn(varchar("searchSurname", 100, { default: "" })),
      new TableColumn(varchar("searchFirstName", 100, { default: "" })),
    ]);
    const pupils: Array<{ id: number; surname: string; firstName: string }> = await queryRunner.manager
      .createQueryBuilder()
      .select(["s.id AS id", "s.surname AS surname", "s.firstName AS firstName"])
      .from("student", "s")
      .getRawMany();
    for (const p of pupils) {
      await queryRunner.manager
        .createQueryBuilder()
        .update("student")
        .set({ searchSurname: searchKey(p.surname), searchFirstName: searchKey(p.firstName) })
        .where("id = :id", { id: p.id })
        .execute();
    }
    await queryRunner.createIndex("student", index("IDX_student_search", ["searchSurname", "searchFirstName"]));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex("student", "IDX_student_search");
    await queryRunner.dropColumn("student", "searchFirstName");
    await queryRunner.dropColumn("student", "searchSurname");
    for (const name of ["pix_competence_level", "pix_certification", "attestation"]) {
      await queryRunner.dropTable(name, true, true, true);
    }
  }
}
