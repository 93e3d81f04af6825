import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the driver ships no types; only two UPDATEs are run
const Database = require("better-sqlite3") as new (file: string) => { prepare(sql: string): { run(): unknown }; close(): void };
import { writeLsu2d } from "../../src/modules/import/lsu-writer";
import { buildOnce } from "../support/build";

/** `npm run import` as an operator runs it: the built CLI on a database file, its output and exit codes. */
describe("npm run import", () => {
  const root = path.resolve(__dirname, "..", "..");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "livret-import-cli-"));
  const dbFile = path.join(dir, "livret.sqlite");
  const env = { ...process.env, NODE_ENV: "development", DATABASE_URL: `sqlite:${dbFile}`, LIVRET_TODAY: "2026-11-28T10:00:00Z" };
  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(root, "dist", "src", "cli", "import.js"), ...args], { cwd: dir, env, encoding: "utf8" });
  const file = (name: string, text: string) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, text);
    return target;
  };
  const spec = (synthesis: string, extraPupil = false) =>
    writeLsu2d({
      uai: "0692002B",
      year: 2026,
      periodCount: 3,
      head: "Marc Rousseau",
      disciplines: [{ code: "061300", label: "Mathématiques" }],
      teachers: [{ stsId: 1, civility: "M", surname: "Fontaine", firstName: "Pierre" }],
      pupils: [
        { idBe: 501, surname: "Martin", firstName: "Hugo", division: "6A" },
        ...(extraPupil ? [{ idBe: 777, surname: "Inconnu", firstName: "X", division: "6A" }] : []),
      ],
      reports: [
        { pupil: 0, period: 1, synthesis, entries: [{ discipline: 0, teacher: 0, positioning: 3 }], schoolLife: { late: 0, justified: 0, unjustified: 0 } },
        ...(extraPupil ? [{ pupil: 1, period: 1, synthesis, entries: [{ discipline: 0, teacher: 0, positioning: 3 }], schoolLife: { late: 0, justified: 0, unjustified: 0 } }] : []),
      ],
    });

  beforeAll(() => {
    buildOnce();
    execFileSync(process.execPath, [path.join(root, "dist", "src", "cli", "load.js"), path.join(root, "demo", "directory.json")], { cwd: dir, env });
    const db = new Database(dbFile);
    db.prepare("UPDATE school_class SET dataSource = 'IMPORT', positioningType = 'SCALE' WHERE code = '6A' AND schoolYear = 2026").run();
    db.prepare(
      "UPDATE enrolment SET schoolPupilId = 501 WHERE schoolYear = 2026 AND studentId = (SELECT id FROM student WHERE ine = '2000000001A')",
    ).run();
    db.close();
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("R-PUB-04: imports a file, prints a summary table and exits 0; the same file again changes nothing", () => {
    const target = file("ok.xml", spec("Bon trimestre."));
    const first = run("--school", "0692002B", target);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("as head.hugo");
    expect(first.stdout).toMatch(/#\s+kind\s+pupil\s+period\s+outcome\s+messages/);
    expect(first.stdout).toMatch(/1\s+PERIODIC\s+501\s+P1\s+IMPORTED/);
    expect(first.stdout).toContain("1 imported, 0 with warnings, 0 rejected, 0 replaced.");
    const again = run("--school", "0692002B", target);
    expect([again.status, again.stdout]).toEqual([0, expect.stringContaining("already imported")]);
  });

  it("R-PUB-10: exits 1 when reports are rejected and 2 when the file is refused", () => {
    const rejected = run("--school", "0692002B", file("some.xml", spec("Deuxième envoi.", true)));
    expect(rejected.status).toBe(1);
    expect(rejected.stdout).toMatch(/777\s+P1\s+REJECTED\s+NOT_FOUND \(R-PUB-10\)/);
    expect(rejected.stdout).toContain("1 replaced.");
    const broken = run("--school", "0692002B", file("bad.xml", spec("x").replace('niveau="', 'x="').replace('nb-retards="0"', 'nb-retards="-1"')));
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/refused, nothing was imported\.\n {2}line \d+: lsun-bilans\/donnees\/bilans-periodiques\/bilan-periodique\/vie-scolaire\/@nb-retards \[minInclusive\]/);
    const otherSchool = run("--school", "0691001A", file("ok2.xml", spec("Autre école")));
    expect([otherSchool.status, otherSchool.stderr]).toEqual([2, expect.stringContaining("is for school 0692002B, not 0691001A")]);
    expect(run().status).toBe(2);
  });
});
