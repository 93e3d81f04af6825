import { QueryRunner, TableColumnOptions, TableForeignKey, TableIndex } from "typeorm";

/**
 * Column and constraint builders for portable migrations (TypeORM Table API only, no dialect SQL).
 * Types are the ones both drivers read back unchanged, so the entity ↔ migration drift test stays empty.
 */
export const primaryId = (): TableColumnOptions => ({
  name: "id",
  type: "integer",
  isPrimary: true,
  isGenerated: true,
  generationStrategy: "increment",
});

export const integer = (name: string, options: { nullable?: boolean; default?: number } = {}): TableColumnOptions => ({
  name,
  type: "integer",
  isNullable: options.nullable ?? false,
  ...(options.default === undefined ? {} : { default: String(options.default) }),
});

export const varchar = (name: string, length: number, options: { nullable?: boolean; default?: string } = {}): TableColumnOptions => ({
  name,
  type: "varchar",
  length: String(length),
  isNullable: options.nullable ?? false,
  ...(options.default === undefined ? {} : { default: `'${options.default}'` }),
});

export const boolean = (name: string, defaultValue: boolean): TableColumnOptions => ({
  name,
  type: "boolean",
  isNullable: false,
  default: defaultValue ? "1" : "0",
});

export const date = (name: string, options: { nullable?: boolean } = {}): TableColumnOptions => ({
  name,
  type: "date",
  isNullable: options.nullable ?? false,
});

export const text = (name: string, options: { nullable?: boolean } = {}): TableColumnOptions => ({
  name,
  type: "text",
  isNullable: options.nullable ?? false,
});

/** A creation timestamp with the driver's own type, precision and default (as @CreateDateColumn declares it). */
export const createdAt = (queryRunner: QueryRunner, name: string): TableColumnOptions => {
  const mapped = queryRunner.dataSource.driver.mappedDataTypes;
  return {
    name,
    type: mapped.createDate as string,
    precision: mapped.createDatePrecision,
    default: mapped.createDateDefault,
    isNullable: false,
  };
};

export const foreignKey = (
  name: string,
  column: string,
  referencedTable: string,
  options: { referencedColumn?: string; onDelete?: "CASCADE" | "NO ACTION" } = {},
): TableForeignKey =>
  new TableForeignKey({
    name,
    columnNames: [column],
    referencedTableName: referencedTable,
    referencedColumnNames: [options.referencedColumn ?? "id"],
    onDelete: options.onDelete ?? "NO ACTION",
    onUpdate: "NO ACTION",
  });

export const index = (name: string, columns: string[], unique = false): TableIndex =>
  new TableIndex({ name, columnNames: columns, isUnique: unique });
