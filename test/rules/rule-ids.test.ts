import fs from "node:fs";
import path from "node:path";
import { RULES } from "../../src/common/rule-ids";

/** The rule-id registry against the SPEC, the LSU research notes, the code and the README. */
const ROOT = path.resolve(__dirname, "../..");
const DOCS = path.resolve(ROOT, "../shared/docs");
const ID = /R-(?:SEED|PUB|NEW)-\d+[a-z]?/g;

const ids = Object.keys(RULES);
const headedIn = (file: string) => new Set([...fs.readFileSync(path.join(DOCS, file), "utf8").matchAll(/\*\*(R-[A-Z]+-\d+[a-z]?)[ :(]/g)].map((m) => m[1]));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(full) : d.name.endsWith(".ts") ? [full] : [];
  });
}

// The SPEC and the LSU notes are read from ../shared, as the LSU conformance suite reads the schemas: a clone
// without it (a CI checkout of the repository alone) runs the checks that need only the repository.
const describeWithDocs = fs.existsSync(DOCS) ? describe : describe.skip;

describeWithDocs("rule-id registry against the SPEC and the LSU notes", () => {
  it("holds every rule of SPEC §3, each with a one-line statement", () => {
    const spec = headedIn("SPEC.md");
    expect(spec.size).toBeGreaterThan(25);
    expect([...spec].filter((id) => !(id in RULES))).toEqual([]);
    for (const [id, statement] of Object.entries(RULES)) {
      expect([id, statement.length > 20 && !statement.includes("\n")]).toEqual([id, true]);
    }
  });

  it("names only rules that the SPEC or the LSU notes define (a sub-rule of one, such as R-SEED-04a, included)", () => {
    const known = new Set([...headedIn("SPEC.md"), ...headedIn("lsu-research.md")]);
    expect(ids.filter((id) => !known.has(id) && !known.has(id.replace(/[a-z]$/, "")))).toEqual([]);
  });
});

describe("rule-id registry against the code and the README", () => {

  it("covers every rule id the code names, in refusals and in comments alike", () => {
    const named = new Set<string>();
    for (const file of sourceFiles(path.join(ROOT, "src"))) for (const m of fs.readFileSync(file, "utf8").matchAll(ID)) named.add(m[0]);
    expect([...named].filter((id) => !(id in RULES)).sort()).toEqual([]);
  });

  it("is the README's list, in the same order with the same statements", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const listed = [...readme.matchAll(/^- `(R-[A-Z]+-\d+[a-z]?)` (.*)$/gm)].map((m) => [m[1], m[2]]);
    expect(listed).toEqual(Object.entries(RULES));
  });
});
