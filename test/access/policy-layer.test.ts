import fs from "node:fs";
import path from "node:path";

/**
 * Who may do what is decided in src/auth (predicates, scopes, shield rules) and in each module's
 * `<domain>.policy.ts`: no other file reads the caller's grants directly.
 */
const SRC = path.join(__dirname, "../../src");
const GRANTS = /\b(leadSchoolIds|headSchoolIds|teacherSchoolIds|dasenAcademyIds|guardianStudentIds)\b|\.teaching\./;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

describe("the policy layer", () => {
  it("reads the caller's grants (leadSchoolIds, teaching…) only in src/auth", () => {
    const offenders = files(SRC)
      .filter((f) => f.endsWith(".ts") && !path.relative(SRC, f).startsWith("auth" + path.sep))
      .filter((f) => GRANTS.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(SRC, f));
    expect(offenders).toEqual([]);
  });

  it("has no access-decision file but the policies (the old report.access.ts and cycle-report.access.ts are gone)", () => {
    expect(files(SRC).filter((f) => /\.access\.ts$/.test(f)).map((f) => path.relative(SRC, f))).toEqual([]);
  });
});
