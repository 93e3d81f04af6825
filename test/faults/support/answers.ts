import { DataSource } from "typeorm";
import { Answer } from "./livret";

/** The class-reports query of the demo's CP class (the read that overload and outages hit first). */
export const CLASS_REPORTS = `query($id: ID!, $p: ID!) { class(id: $id) { periodicReports(periodId: $p) { id status version synthesis entries { appreciation } } } }`;

/** The demo CP class of 2026 and its first period, as variables of CLASS_REPORTS. */
export async function cpClassReportsVariables(direct: DataSource): Promise<{ id: string; p: string }> {
  const rows: Array<{ id: number; periodId: number }> = await direct.query(
    `SELECT c.id, p.id AS periodId FROM school_class c JOIN school s ON s.id = c.schoolId JOIN period p ON p.schemeId = c.periodSchemeId
     WHERE s.uai = '0691001A' AND c.schoolYear = 2026 AND c.code = 'CP' AND p.position = 1`,
  );
  return { id: String(rows[0].id), p: String(rows[0].periodId) };
}

/** 503 UNAVAILABLE with Retry-After, within `boundMs`, and nothing internal (SQL, driver codes, stacks) in it. */
export function expectUnavailable(answer: Answer, boundMs: number): void {
  expect(answer.status).toBe(503);
  expect(Number(answer.retryAfter)).toBeGreaterThan(0);
  expect(answer.body.errors?.map((e) => e.extensions?.code)).toContain("UNAVAILABLE");
  expect(JSON.stringify(answer.body)).not.toMatch(/SELECT|ECONN|PROTOCOL_|stack|at .*\.js/);
  expect(answer.ms).toBeLessThan(boundMs);
}
