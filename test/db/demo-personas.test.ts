import fs from "node:fs";
import path from "node:path";
import { DEMO_PERSONAS } from "../../src/db/demo";

/** Start-up prints a development token for every demo persona: no account of the demo directory is left without one. */
describe("demo personas", () => {
  it("every staff and guardian account of demo/directory.json has a printed token (teacher.ce1 was missing)", () => {
    const directory = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../demo/directory.json"), "utf8"));
    const accounts: string[] = [...directory.staff, ...directory.guardians].map((account: { login: string }) => account.login);
    expect(accounts).toContain("teacher.ce1");
    expect(DEMO_PERSONAS.map((persona) => persona.login).sort()).toEqual([...accounts].sort());
  });
});
