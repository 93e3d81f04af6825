import matrix from "./access-matrix.json";
import { createHarness, Harness } from "../support/harness";
import { importDemoLsu } from "../../src/db/demo";

/**
 * Executes the role × operation matrix (access-matrix.json) for every persona: each allowed call
 * succeeds, each refused one carries the expected code and changes nothing.
 */
interface MatrixOperation {
  field: string;
  note: string;
  query: string;
  variables: Record<string, unknown>;
  allow: string[];
  denyDefault: string;
  deny?: Record<string, string>;
}

const operations = matrix.operations as MatrixOperation[];

describe("role × operation matrix", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("access_matrix", { demoReports: true });
    // The demo's LSU import, as at first start: its batch is what importBatch reads.
    await importDemoLsu(h.db.dataSource, h.clock);
  });
  afterAll(() => h.close());

  /**
   * Replaces @kind:key placeholders with database ids (@report:INE/UAI/year/class/position, @importBatch:UAI (the school's newest batch),
   * @period:UAI/year/class/position, @cycleReport:INE/cycle).
   */
  async function resolve(value: unknown): Promise<unknown> {
    if (typeof value === "string" && value.startsWith("@")) {
      const [kind, key] = value.slice(1).split(":");
      const parts = key.split("/");
      if (kind === "school") return h.ids.school(key);
      if (kind === "importBatch") {
        const rows: Array<{ id: number }> = await h.db.dataSource.query(
          "SELECT b.id FROM import_batch b JOIN school s ON s.id = b.schoolId WHERE s.uai = ? ORDER BY b.id DESC",
          [key],
        );
        return String(rows[0].id);
      }
      if (kind === "class") return h.ids.class(parts[0], Number(parts[1]), parts[2]);
      if (kind === "group") return h.ids.group(parts[0], Number(parts[1]), parts[2]);
      if (kind === "student") return h.ids.student(key);
      if (kind === "period") return h.ids.period(parts[0], Number(parts[1]), parts[2], Number(parts[3]));
      if (kind === "cycleReport") {
        const rows: Array<{ id: number }> = await h.db.dataSource.query(
          "SELECT c.id FROM cycle_report c JOIN student s ON s.id = c.studentId WHERE s.ine = ? AND c.cycle = ?",
          [parts[0], Number(parts[1])],
        );
        return String(rows[0].id);
      }
      if (kind === "report") {
        const rows: Array<{ id: number }> = await h.db.dataSource.query(
          "SELECT r.id FROM periodic_report r JOIN student s ON s.id = r.studentId WHERE s.ine = ? AND r.periodId = ?",
          [parts[0], Number(await h.ids.period(parts[1], Number(parts[2]), parts[3], Number(parts[4])))],
        );
        return String(rows[0].id);
      }
      throw new Error(`unknown placeholder ${value}`);
    }
    if (Array.isArray(value)) return Promise.all(value.map(resolve));
    if (value && typeof value === "object") {
      return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await resolve(v)])));
    }
    return value;
  }

  const auditCount = async () => Number((await h.db.dataSource.query("SELECT COUNT(*) AS n FROM audit_event"))[0].n);

  it("lists every root operation of the schema, and only those", () => {
    const rootFields = [
      ...Object.keys(h.schema.getQueryType()!.getFields()),
      ...Object.keys(h.schema.getMutationType()!.getFields()),
    ].sort();
    expect([...new Set(operations.map((o) => o.field))].sort()).toEqual(rootFields);
  });

  for (const operation of operations) {
    const label = `${operation.field} (${JSON.stringify(operation.variables)})`;
    for (const persona of matrix.personas) {
      const allowed = operation.allow.includes(persona);
      const expected = persona === "anonymous" ? "UNAUTHENTICATED" : (operation.deny?.[persona] ?? operation.denyDefault);
      it(`${label}: ${persona} is ${allowed ? "allowed" : `refused with ${expected}`}`, async () => {
        const variables = (await resolve(operation.variables)) as Record<string, unknown>;
        const before = await auditCount();
        const result = await h.run(persona === "anonymous" ? null : persona, operation.query, variables);
        if (allowed) {
          expect(result.errors).toBeUndefined();
          expect(result.data?.[operation.field]).toBeTruthy();
        } else {
          expect(result.data?.[operation.field] ?? null).toBeNull();
          expect(result.errors?.map((e) => e.extensions?.code)).toEqual([expected]);
          // A refused call leaves no trace in the data.
          expect(await auditCount()).toBe(before);
        }
      });
    }
  }
});
