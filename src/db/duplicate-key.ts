/** Whether an error is a unique-key violation, on MariaDB/MySQL or SQLite (a concurrent insert got there first). */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { driverError?: { code?: unknown }; code?: unknown };
  const code = String(e?.driverError?.code ?? e?.code ?? "");
  return code === "ER_DUP_ENTRY" || code.startsWith("SQLITE_CONSTRAINT_UNIQUE") || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
