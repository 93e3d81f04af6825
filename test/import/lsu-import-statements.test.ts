import { randomUUID } from "node:crypto";
import { countStatements, createHarness, Harness, UAI } from "../support/harness";
import { createContext } from "../../src/common/context";
import { currentSchoolYear } from "../../src/common/school-year";
import { loadPrincipal } from "../../src/auth/principal";
import { importLsu } from "../../src/modules/import/import.service";
import { writeLsu2d } from "../../src/modules/import/lsu-writer";

// No N+1: an import costs the same number of SQL statements for 2 pupils as for 38 (below one write chunk;
// 6A already holds two demo pupils and a class holds at most 40).
describe("LSU import statement count", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("lsu_import_statements");
    const pupils = Array.from({ length: 38 }, (_, i) => ({
      ine: `8${String(i).padStart(9, "0")}S`,
      surname: `Nom${i}`,
      firstName: "Élève",
      enrolments: [{ school: UAI.hugo, schoolYear: 2026, class: "6A", level: "SIXIEME", schoolPupilId: 9000 + i }],
    }));
    const { loadDirectoryText } = await import("../../src/modules/directory/directory.service");
    await loadDirectoryText(h.db.dataSource, JSON.stringify({ format: "livret-directory/1", pupils }));
    await h.db.dataSource.query("UPDATE school_class SET dataSource = 'IMPORT', positioningType = 'SCALE' WHERE code = '6A' AND schoolYear = 2026");
  });
  afterAll(() => h.close());

  const file = (count: number, tag: string) =>
    writeLsu2d({
      uai: UAI.hugo,
      year: 2026,
      periodCount: 3,
      head: "Marc Rousseau",
      disciplines: [
        { code: "061300", label: "Mathématiques" },
        { code: "020700", label: "Français" },
      ],
      teachers: [{ stsId: 1, civility: "M", surname: "Fontaine", firstName: "Pierre" }],
      pupils: Array.from({ length: count }, (_, i) => ({ idBe: 9000 + i, surname: `Nom${i}`, firstName: "Élève", division: "6A" })),
      reports: Array.from({ length: count }, (_, i) => ({
        pupil: i,
        period: tag === "a" ? 1 : 2,
        synthesis: `Bilan ${tag}`,
        entries: [
          { discipline: 0, teacher: 0, positioning: 3, elements: ["Fractions"] },
          { discipline: 1, teacher: 0, positioning: 2, appreciation: "Bien." },
        ],
        parcours: [{ code: "PAR_AVN", text: "Forum des métiers" }],
        schoolLife: { late: 0, justified: 1, unjustified: 0 },
      })),
    });

  async function statementsFor(xml: string): Promise<number> {
    const principal = await loadPrincipal(h.db.dataSource.manager, "head.hugo", currentSchoolYear(h.clock));
    const ctx = createContext({ requestId: randomUUID(), principal, dataSource: h.db.dataSource, clock: h.clock });
    let imported = 0;
    const n = await countStatements(h, async () => {
      const result = await importLsu(ctx, (async function* () {
        yield Buffer.from(xml);
      })());
      if (result.status === "IMPORTED") imported = result.batch.importedCount;
    });
    expect(imported).toBeGreaterThan(0);
    return n;
  }

  it("R-PUB-10: 2 reports and 38 reports cost the same statements", async () => {
    const few = await statementsFor(file(2, "a"));
    const many = await statementsFor(file(38, "b"));
    expect(many).toBe(few);
    expect(few).toBeLessThan(40);
  });
});
