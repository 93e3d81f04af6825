import fs from "node:fs";
import { DEMO_DIRECTORY_FILE } from "../../src/common/project-root";
import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { countStatements, createHarness, GraphQLResponse, Harness, UAI } from "../support/harness";

/**
 * No N+1: an operation's number of SQL statements must not grow with the rows it returns.
 * Each case counts one operation, grows the data it reads by 30 pupils (with enrolments, groups and
 * guardians) through a second directory file, and counts again. The harness's principal lookup is
 * counted both times, so it cancels out.
 */
const YEAR = 2026;
const demo = JSON.parse(fs.readFileSync(DEMO_DIRECTORY_FILE(), "utf8"));

/** 30 new pupils: INE prefix `prefix` (2 digits), one guardian each, enrolled by `enrol(i)`. */
function extraPupils(prefix: string, enrol: (i: number) => object[]) {
  const pupils = Array.from({ length: 30 }, (_, i) => ({
    ine: `${prefix}${String(i + 1).padStart(8, "0")}A`,
    surname: `Nombre${String(i + 1).padStart(2, "0")}`,
    firstName: "Élève",
    birthDate: "2015-05-05",
    enrolments: enrol(i),
  }));
  const guardians = pupils.map((p, i) => ({
    login: `parent.extra${prefix}.${i + 1}`,
    surname: p.surname,
    firstName: "Parent",
    educonnectActive: i % 2 === 0,
    children: [{ ine: p.ine, relationship: "MERE" }],
  }));
  return { pupils, guardians };
}

describe("statement counts do not grow with the data (no N+1)", () => {
  let h: Harness;

  beforeAll(async () => {
    // The schools query below asks for every class and group of a school, more large lists than the default
    // MAX_LARGE_LISTS allows: a different concern from the one measured here.
    h = await createHarness("statement_counts", { config: { maxCost: 1_000_000, maxLargeLists: 10 } });
  });
  afterAll(() => h.close());

  async function measured(login: string, query: string, variables?: Record<string, unknown>) {
    let result: GraphQLResponse = {};
    const statements = await countStatements(h, async () => {
      result = await h.run(login, query, variables);
    });
    expect(result.errors).toBeUndefined();
    expect(statements).toBeGreaterThan(0);
    return { statements, data: result.data as Record<string, any> };
  }

  it("class: pupils with enrolments, schools, classes, groups and guardians, as the DIRECTOR", async () => {
    const query = `query ($id: ID!) {
      class(id: $id) {
        students {
          id surname
          enrolments { schoolYear school { name } class { code } groups { code } }
          guardians { surname }
        }
        periods { position }
      }
    }`;
    const id = await h.ids.class(UAI.moulin, YEAR, "CP");
    const before = await measured("director.moulin", query, { id });

    const extra = {
      format: "livret-directory/1",
      groups: [
        { school: UAI.moulin, schoolYear: YEAR, code: "CHORALE", label: "Chorale" },
        { school: UAI.moulin, schoolYear: YEAR, code: "ANGLAIS", label: "Anglais renforcé" },
      ],
      ...extraPupils("41", (i) => [
        { school: UAI.moulin, schoolYear: YEAR, class: "CP", level: "CP", groups: i % 3 === 0 ? ["CHORALE", "ANGLAIS"] : ["CHORALE"] },
        // Some repeat CP: an earlier year and another class in the same batch.
        ...(i % 2 === 0 ? [{ school: UAI.moulin, schoolYear: YEAR - 1, class: "CP", level: "CP" }] : []),
      ]),
    };
    await loadDirectoryText(h.db.dataSource, JSON.stringify(extra));

    const after = await measured("director.moulin", query, { id });
    expect(after.data.class.students).toHaveLength(before.data.class.students.length + 30);
    expect(after.statements).toBe(before.statements);
  });

  it("schools: classes, pupils, period schemes and groups of a collège, as the HEAD", async () => {
    const query = `{
      schools {
        items {
          name
          academy { name }
          classes { code students { id } periodScheme { name periods { position } } }
          groups { code students { id } }
        }
      }
    }`;
    const before = await measured("head.hugo", query);

    const trimestres = demo.periodSchemes.find((s: { school: string; schoolYear: number }) => s.school === UAI.hugo && s.schoolYear === YEAR);
    const classes = ["6A", "5A", "4A", "3A", "6B"];
    const levels: Record<string, string> = { "6A": "SIXIEME", "5A": "CINQUIEME", "4A": "QUATRIEME", "3A": "TROISIEME", "6B": "SIXIEME" };
    const extra = {
      format: "livret-directory/1",
      // The school grows too: one more class following the same scheme, one more group.
      classes: [{ school: UAI.hugo, schoolYear: YEAR, code: "6B", label: "6e B", levels: ["SIXIEME"] }],
      groups: [{ school: UAI.hugo, schoolYear: YEAR, code: "ESP-G1", label: "Espagnol groupe 1" }],
      periodSchemes: [{ ...trimestres, classes: ["6B"] }],
      ...extraPupils("42", (i) => {
        const code = classes[i % classes.length];
        const groups = [["LATIN"], ["ANG-G1"], ["ESP-G1", "ANG-G1"]][i % 3];
        return [{ school: UAI.hugo, schoolYear: YEAR, class: code, level: levels[code], groups }];
      }),
    };
    await loadDirectoryText(h.db.dataSource, JSON.stringify(extra));

    const after = await measured("head.hugo", query);
    const pupils = (data: Record<string, any>) =>
      data.schools.items.flatMap((s: { classes: Array<{ students: unknown[] }> }) => s.classes.flatMap((c) => c.students)).length;
    expect(pupils(after.data)).toBe(pupils(before.data) + 30);
    expect(after.data.schools.items[0].classes).toHaveLength(before.data.schools.items[0].classes.length + 1);
    expect(after.data.schools.items[0].groups).toHaveLength(before.data.schools.items[0].groups.length + 1);
    expect(after.statements).toBe(before.statements);
  });
});
