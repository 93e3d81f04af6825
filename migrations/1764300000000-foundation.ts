import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { boolean, createdAt, date, foreignKey, index, integer, primaryId, text, varchar } from "./table-helpers";

/** National code lists shipped with the schema (lsu-research.md §b.1; discipline codes from the LSU sample). */
const FIRST_DEGREE_DOMAINS: Array<[code: string, label: string, parent: string | null]> = [
  ["FRA-RAC", "Français", null],
  ["FRA-LGO", "Langage oral", "FRA-RAC"],
  ["FRA-LEC", "Lecture et compréhension de l'écrit", "FRA-RAC"],
  ["FRA-ECR", "Écriture", "FRA-RAC"],
  ["FRA-ETL", "Étude de la langue", "FRA-RAC"],
  ["MAT-RAC", "Mathématiques", null],
  ["MAT-NBC", "Nombres et calcul", "MAT-RAC"],
  ["MAT-GDM", "Grandeurs et mesures", "MAT-RAC"],
  ["MAT-GEO", "Espace et géométrie", "MAT-RAC"],
  ["EPS-RAC", "Éducation physique et sportive", null],
  ["ART-RAC", "Enseignements artistiques", null],
  ["ART-PLA", "Arts plastiques", "ART-RAC"],
  ["ART-MUS", "Éducation musicale", "ART-RAC"],
  ["ART-HAR", "Histoire des arts", "ART-RAC"],
  ["QLM-RAC", "Questionner le monde", null],
  ["QLM-VMO", "Vivant, matière, objets", "QLM-RAC"],
  ["QLM-ETP", "Espace, temps", "QLM-RAC"],
  ["EMC-RAC", "Enseignement moral et civique", null],
  ["LGV-RAC", "Langue vivante", null],
  ["STC-RAC", "Sciences et technologie", null],
  ["HIG-RAC", "Histoire géographie", null],
];

const SECOND_DEGREE_DISCIPLINES: Array<[code: string, label: string]> = [
  ["020700", "Français"],
  ["030201", "Anglais (LV1)"],
  ["042100", "Histoire-Géographie"],
  ["061300", "Mathématiques"],
  ["062300", "Physique-Chimie"],
  ["062900", "Sciences de la vie et de la Terre"],
  ["070800", "Technologie"],
  ["081300", "Éducation musicale"],
  ["090100", "Arts plastiques"],
  ["100100", "Éducation physique et sportive"],
];

export class Foundation1764300000000 implements MigrationInterface {
  name = "Foundation1764300000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    const table = (options: ConstructorParameters<typeof Table>[0]) => queryRunner.createTable(new Table(options));

    await table({
      name: "academy",
      columns: [primaryId(), varchar("code", 10), varchar("name", 100)],
      indices: [index("UQ_academy_code", ["code"], true)],
    });
    await table({
      name: "school",
      columns: [
        primaryId(),
        varchar("uai", 8),
        varchar("name", 100),
        varchar("degree", 6),
        integer("academyId"),
        boolean("onlineServiceOpen", false),
      ],
      indices: [index("UQ_school_uai", ["uai"], true)],
      foreignKeys: [foreignKey("FK_school_academy", "academyId", "academy")],
    });
    await table({
      name: "period_scheme",
      columns: [primaryId(), integer("schoolId"), integer("schoolYear"), varchar("name", 50), integer("version", { default: 1 })],
      indices: [index("UQ_period_scheme_school_year_name", ["schoolId", "schoolYear", "name"], true)],
      foreignKeys: [foreignKey("FK_period_scheme_school", "schoolId", "school")],
    });
    await table({
      name: "period",
      columns: [primaryId(), integer("schemeId"), integer("position"), date("startsOn"), date("endsOn")],
      indices: [index("UQ_period_scheme_position", ["schemeId", "position"], true)],
      foreignKeys: [foreignKey("FK_period_scheme", "schemeId", "period_scheme", { onDelete: "CASCADE" })],
    });
    await table({
      name: "school_class",
      columns: [
        primaryId(),
        integer("schoolId"),
        integer("schoolYear"),
        varchar("code", 20),
        varchar("label", 50),
        varchar("levels", 80),
        varchar("dataSource", 10, { nullable: true }),
        varchar("positioningType", 12, { nullable: true }),
        integer("periodSchemeId", { nullable: true }),
        integer("version", { default: 1 }),
      ],
      indices: [
        index("UQ_school_class_code", ["schoolId", "schoolYear", "code"], true),
        index("IDX_school_class_scheme", ["periodSchemeId"]),
      ],
      foreignKeys: [
        foreignKey("FK_school_class_school", "schoolId", "school"),
        foreignKey("FK_school_class_period_scheme", "periodSchemeId", "period_scheme"),
      ],
    });
    await table({
      name: "teaching_group",
      columns: [primaryId(), integer("schoolId"), integer("schoolYear"), varchar("code", 20), varchar("label", 50)],
      indices: [index("UQ_teaching_group_code", ["schoolId", "schoolYear", "code"], true)],
      foreignKeys: [foreignKey("FK_teaching_group_school", "schoolId", "school")],
    });
    await table({
      name: "student",
      columns: [primaryId(), varchar("ine", 11), varchar("surname", 100), varchar("firstName", 100), date("birthDate", { nullable: true })],
      indices: [index("UQ_student_ine", ["ine"], true)],
    });
    await table({
      name: "enrolment",
      columns: [primaryId(), integer("studentId"), integer("schoolYear"), integer("schoolId"), integer("classId"), varchar("level", 10)],
      indices: [
        index("UQ_enrolment_student_year_school", ["studentId", "schoolYear", "schoolId"], true),
        index("IDX_enrolment_class", ["classId"]),
        index("IDX_enrolment_school_year", ["schoolId", "schoolYear"]),
      ],
      foreignKeys: [
        foreignKey("FK_enrolment_student", "studentId", "student"),
        foreignKey("FK_enrolment_school", "schoolId", "school"),
        foreignKey("FK_enrolment_class", "classId", "school_class"),
      ],
    });
    await table({
      name: "group_membership",
      columns: [primaryId(), integer("groupId"), integer("studentId")],
      indices: [index("UQ_group_membership", ["groupId", "studentId"], true), index("IDX_group_membership_student", ["studentId"])],
      foreignKeys: [
        foreignKey("FK_group_membership_group", "groupId", "teaching_group"),
        foreignKey("FK_group_membership_student", "studentId", "student"),
      ],
    });
    await table({
      name: "account",
      columns: [
        primaryId(),
        varchar("login", 100),
        varchar("kind", 10),
        varchar("surname", 100),
        varchar("firstName", 100),
        boolean("educonnectActive", false),
      ],
      indices: [index("UQ_account_login", ["login"], true)],
    });
    await table({
      name: "role_assignment",
      columns: [
        primaryId(),
        integer("accountId"),
        varchar("role", 10),
        integer("schoolId", { nullable: true }),
        integer("academyId", { nullable: true }),
      ],
      indices: [index("IDX_role_assignment_account", ["accountId"])],
      foreignKeys: [
        foreignKey("FK_role_assignment_account", "accountId", "account"),
        foreignKey("FK_role_assignment_school", "schoolId", "school"),
        foreignKey("FK_role_assignment_academy", "academyId", "academy"),
      ],
    });
    await table({
      name: "subject",
      columns: [
        { name: "code", type: "varchar", length: "10", isPrimary: true },
        varchar("label", 100),
        varchar("degree", 6),
        varchar("parentCode", 10, { nullable: true }),
      ],
    });
    await table({
      name: "teaching_assignment",
      columns: [
        primaryId(),
        integer("accountId"),
        integer("schoolYear"),
        integer("classId", { nullable: true }),
        integer("groupId", { nullable: true }),
        varchar("subjectCode", 10),
      ],
      indices: [
        index("IDX_teaching_assignment_account_year", ["accountId", "schoolYear"]),
        index("IDX_teaching_assignment_class", ["classId"]),
        index("IDX_teaching_assignment_group", ["groupId"]),
      ],
      foreignKeys: [
        foreignKey("FK_teaching_assignment_account", "accountId", "account"),
        foreignKey("FK_teaching_assignment_class", "classId", "school_class"),
        foreignKey("FK_teaching_assignment_group", "groupId", "teaching_group"),
        foreignKey("FK_teaching_assignment_subject", "subjectCode", "subject", { referencedColumn: "code" }),
      ],
    });
    await table({
      name: "student_guardian",
      columns: [primaryId(), integer("studentId"), integer("guardianAccountId"), varchar("relationship", 40, { nullable: true })],
      indices: [
        index("UQ_student_guardian", ["studentId", "guardianAccountId"], true),
        index("IDX_student_guardian_account", ["guardianAccountId"]),
      ],
      foreignKeys: [
        foreignKey("FK_student_guardian_student", "studentId", "student"),
        foreignKey("FK_student_guardian_account", "guardianAccountId", "account"),
      ],
    });
    await table({
      name: "audit_event",
      columns: [
        primaryId(),
        createdAt(queryRunner, "at"),
        integer("actorAccountId", { nullable: true }),
        varchar("action", 60),
        varchar("entityType", 40),
        varchar("entityId", 40, { nullable: true }),
        integer("schoolId", { nullable: true }),
        integer("studentId", { nullable: true }),
        varchar("requestId", 64, { nullable: true }),
        text("details", { nullable: true }),
      ],
      indices: [index("IDX_audit_event_school_at", ["schoolId", "at"]), index("IDX_audit_event_student", ["studentId"])],
    });
    await table({
      name: "periodic_report",
      columns: [
        primaryId(),
        integer("studentId"),
        integer("periodId"),
        integer("classId"),
        varchar("status", 10, { default: "DRAFT" }),
        integer("version", { default: 1 }),
        createdAt(queryRunner, "createdAt"),
      ],
      indices: [
        index("UQ_periodic_report_student_period", ["studentId", "periodId"], true),
        index("IDX_periodic_report_period", ["periodId"]),
        index("IDX_periodic_report_class", ["classId"]),
      ],
      foreignKeys: [
        foreignKey("FK_periodic_report_student", "studentId", "student"),
        foreignKey("FK_periodic_report_period", "periodId", "period"),
        foreignKey("FK_periodic_report_class", "classId", "school_class"),
      ],
    });

    await queryRunner.manager.insert("subject", [
      ...FIRST_DEGREE_DOMAINS.map(([code, label, parentCode]) => ({ code, label, degree: "FIRST", parentCode })),
      ...SECOND_DEGREE_DISCIPLINES.map(([code, label]) => ({ code, label, degree: "SECOND", parentCode: null })),
    ]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of [
      "periodic_report",
      "audit_event",
      "student_guardian",
      "teaching_assignment",
      "subject",
      "role_assignment",
      "account",
      "group_membership",
      "enrolment",
      "student",
      "teaching_group",
      "school_class",
      "period",
      "period_scheme",
      "school",
      "academy",
    ]) {
      await queryRunner.dropTable(name, true, true, true);
    }
  }
}
