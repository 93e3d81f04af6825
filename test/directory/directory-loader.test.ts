import fs from "node:fs";
import { DEMO_DIRECTORY_FILE } from "../../src/common/project-root";
import { DirectoryFileError, loadDirectoryText, LoadSummary } from "../../src/modules/directory/directory.service";
import { DirectoryProblem } from "../../src/modules/directory/directory.format";
import { createHarness, Harness, UAI } from "../support/harness";
import { BOUND } from "../../src/common/bounds";

const DEMO_TEXT = fs.readFileSync(DEMO_DIRECTORY_FILE(), "utf8");
const demo = () => JSON.parse(DEMO_TEXT);

/** Pretty-printed like the demo file, so that every value sits on its own line. */
const toText = (file: unknown) => JSON.stringify(file, null, 2);

/**
 * 1-based line of the `occurrence`-th line of `text` containing `fragment`. Expected lines are
 * computed from the text under test, never hard-coded, so the fixtures can change freely.
 */
function lineOf(text: string, fragment: string, occurrence = 1): number {
  let seen = 0;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes(fragment) && ++seen === occurrence) return i + 1;
  }
  throw new Error(`fixture has no occurrence ${occurrence} of ${fragment}`);
}

describe("directory loader", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness("directory_loader", { demo: false });
  });
  afterAll(() => h.close());

  const load = (text: string): Promise<LoadSummary> => loadDirectoryText(h.db.dataSource, text);

  /** Row count of every mapped table, by table name. */
  async function tableCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const { tableName } of h.db.dataSource.entityMetadatas) {
      const [row] = await h.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${tableName}`);
      counts[tableName] = Number(row.n);
    }
    return counts;
  }

  /** Loads a file that must be rejected; returns its problems after checking that no table changed. */
  async function rejected(text: string): Promise<DirectoryProblem[]> {
    const before = await tableCounts();
    const error = await load(text).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DirectoryFileError);
    expect(await tableCounts()).toEqual(before);
    const problems = (error as DirectoryFileError).problems;
    // Reported in file order, so a reader can fix them top to bottom.
    expect(problems.map((p) => p.line)).toEqual([...problems.map((p) => p.line)].sort((a, b) => a - b));
    return problems;
  }

  async function auditActions(): Promise<Array<{ action: string; entityType: string; details: string | null }>> {
    return h.db.dataSource.query("SELECT action, entityType, details FROM audit_event ORDER BY id");
  }

  describe("the demo file", () => {
    it("loads into an empty database and leaves one LOAD_DIRECTORY audit event", async () => {
      const file = demo();
      const summary = await load(DEMO_TEXT);
      // Linking a class to its period scheme updates the class row just created, so it counts as an update.
      const links = file.periodSchemes.reduce((n: number, s: { classes?: string[] }) => n + (s.classes?.length ?? 0), 0);
      expect(summary.updated).toEqual({ classSchemeLinks: links });
      expect(summary.created).toMatchObject({
        academies: file.academies.length,
        schools: file.schools.length,
        classes: file.classes.length,
        groups: file.groups.length,
        periodSchemes: file.periodSchemes.length,
        pupils: file.pupils.length,
        guardians: file.guardians.length,
        staff: file.staff.length,
      });
      const counts = await tableCounts();
      expect(counts).toMatchObject({ academy: 2, school: 3, student: file.pupils.length, account: file.guardians.length + file.staff.length });
      expect(await auditActions()).toEqual([
        { action: "LOAD_DIRECTORY", entityType: "Directory", details: JSON.stringify({ ...summary, schools: ["0381003C", "0691001A", "0692002B"] }) },
      ]);
    });

    it("loaded a second time creates and updates nothing; only the audit trail grows", async () => {
      const before = await tableCounts();
      const summary = await load(DEMO_TEXT);
      expect(summary).toEqual({ created: {}, updated: {} });
      const after = await tableCounts();
      expect(after).toEqual({ ...before, audit_event: before.audit_event + 1 });
      const events = await auditActions();
      expect(events[events.length - 1]).toEqual({ action: "LOAD_DIRECTORY", entityType: "Directory", details: '{"created":{},"updated":{},"schools":[]}' });
    });

    it("reports a changed name as updated, and loading the original again changes it back", async () => {
      const file = demo();
      file.schools[0].name = "École élémentaire Jean Moulin (renommée)";
      file.pupils[1].surname = "Petit-Renommé";
      const before = await tableCounts();
      expect(await load(toText(file))).toEqual({ created: {}, updated: { schools: 1, pupils: 1 } });
      const [school] = await h.db.dataSource.query("SELECT name FROM school WHERE uai = ?", [file.schools[0].uai]);
      expect(school.name).toBe("École élémentaire Jean Moulin (renommée)");
      const [pupil] = await h.db.dataSource.query("SELECT surname FROM student WHERE ine = ?", [file.pupils[1].ine]);
      expect(pupil.surname).toBe("Petit-Renommé");
      expect(await tableCounts()).toEqual({ ...before, audit_event: before.audit_event + 1 });

      expect(await load(DEMO_TEXT)).toEqual({ created: {}, updated: { schools: 1, pupils: 1 } });
    });
  });

  describe("a rejected file writes nothing", () => {
    it("reports every shape problem with its line and path, in line order", async () => {
      const longName = "X".repeat(101);
      const file = {
        format: "livret-directory/1",
        academies: [{ code: "T01", name: "Académie de test" }],
        schools: [
          { uai: "BAD-UAI", name: "École à l'UAI fautive", degree: "FIRST", academy: "T01" },
          { uai: "0990002B", name: longName, degree: "SECOND", academy: "T01" },
        ],
        classes: [{ school: "0990002B", schoolYear: 2026, code: "6Z", label: "6e Z", levels: ["SIXIEME", "SEPTIEME"] }],
        groups: [{ school: "0990002B", schoolYear: 2026, code: "LAT", label: "Latin" }],
        pupils: [
          { ine: "9000000001", surname: "Court", firstName: "Ine" },
          { ine: "9000000002Z", surname: "Premier", firstName: "Double" },
          { ine: "9000000002Z", surname: "Second", firstName: "Double" },
        ],
        staff: [{ login: "director.wrong", surname: "Mauvais", firstName: "Rôle", roles: [{ role: "DIRECTOR", school: "0990002B" }] }],
        assignments: [{ login: "teacher.both", school: "0990002B", schoolYear: 2026, class: "6Z", group: "LAT", subject: "020300" }],
      };
      const text = toText(file);
      const problems = await rejected(text);
      expect(problems).toEqual([
        { line: lineOf(text, '"uai": "BAD-UAI"'), path: "schools[0].uai", message: expect.stringMatching(/UAI/) },
        { line: lineOf(text, longName), path: "schools[1].name", message: "must be at most 100 characters (has 101)" },
        { line: lineOf(text, '"SEPTIEME"'), path: "classes[0].levels[1]", message: expect.stringMatching(/^must be one of CP, /) },
        { line: lineOf(text, '"ine": "9000000001"'), path: "pupils[0].ine", message: expect.stringMatching(/INE/) },
        { line: lineOf(text, '"ine": "9000000002Z"', 2), path: "pupils[2].ine", message: "repeats the INE of pupils[1]" },
        { line: lineOf(text, '"role": "DIRECTOR"'), path: "staff[0].roles[0].role", message: expect.stringMatching(/HEAD, not a DIRECTOR/) },
        // A problem with the whole record points at its opening brace, the line above its first key.
        { line: lineOf(text, '"login": "teacher.both"') - 1, path: "assignments[0]", message: "must name exactly one of class or group" },
      ]);
    });

    it("rolls back records already inserted when a later reference to the database fails", async () => {
      const file = {
        format: "livret-directory/1",
        // Valid and new: inserted by the transaction before the problems below are found.
        academies: [{ code: "T02", name: "Académie écrite puis annulée" }],
        schools: [{ uai: "0990003C", name: "École écrite puis annulée", degree: "FIRST", academy: "T02" }],
        classes: [
          { school: "0990003C", schoolYear: 2026, code: "CP", label: "CP", levels: ["CP"] },
          { school: "0999999Z", schoolYear: 2026, code: "CP", label: "CP", levels: ["CP"] },
        ],
        pupils: [
          { ine: "9100000001A", surname: "Écrit", firstName: "Annulé", enrolments: [{ school: "0990003C", schoolYear: 2026, class: "CP", level: "CP" }] },
        ],
        guardians: [
          {
            login: "parent.rollback",
            surname: "Écrit",
            firstName: "Parent",
            educonnectActive: true,
            children: [{ ine: "9100000001A" }, { ine: "9199999999Z" }],
          },
        ],
        // Victor Hugo is a collège already in the database, not in this file.
        staff: [{ login: "director.rollback", surname: "Mauvais", firstName: "Rôle", roles: [{ role: "DIRECTOR", school: UAI.hugo }] }],
      };
      const text = toText(file);
      h.db.logger.reset(true);
      const problems = await rejected(text);
      // The premise: the academy really was inserted inside the transaction before the rollback.
      expect(h.db.logger.recent.some((sql) => /^INSERT INTO [`"]?academy[`"]?/i.test(sql.trim()))).toBe(true);
      expect(problems).toEqual([
        { line: lineOf(text, '"school": "0999999Z"'), path: "classes[1].school", message: "no school with UAI 0999999Z" },
        { line: lineOf(text, '"ine": "9199999999Z"'), path: "guardians[0].children[1].ine", message: "no pupil with INE 9199999999Z" },
        { line: lineOf(text, '"role": "DIRECTOR"'), path: "staff[0].roles[0].role", message: "DIRECTOR does not lead a SECOND degree school" },
      ]);
      const [academy] = await h.db.dataSource.query("SELECT COUNT(*) AS n FROM academy WHERE code = ?", ["T02"]);
      expect(Number(academy.n)).toBe(0);
    });

    it("reports a JSON syntax error with its line", async () => {
      const text = ["{", '  "format": "livret-directory/1",', '  "academies": [', '    { "code": "T03" "name": "Sans virgule" }', "  ]", "}"].join("\n");
      const problems = await rejected(text);
      expect(problems[0]).toEqual({ line: 4, path: "", message: "JSON syntax error: CommaExpected" });
      expect(problems.every((p) => p.message.startsWith("JSON syntax error"))).toBe(true);
    });

    it("rejects an unknown top-level section", async () => {
      const text = toText({ format: "livret-directory/1", academies: [], teachers: [{ login: "x" }] });
      expect(await rejected(text)).toEqual([{ line: lineOf(text, '"teachers"'), path: "teachers", message: "is not a known section" }]);
    });

    it("rejects one login used by a guardian and a staff account in the same file", async () => {
      const text = toText({
        format: "livret-directory/1",
        guardians: [{ login: "shared.login", surname: "A", firstName: "A", educonnectActive: true, children: [{ ine: "1000000001A" }] }],
        staff: [{ login: "shared.login", surname: "B", firstName: "B", roles: [{ role: "TEACHER", school: UAI.moulin }] }],
      });
      expect(await rejected(text)).toEqual([
        { line: lineOf(text, '"login": "shared.login"', 2), path: "staff[0].login", message: "repeats the login of guardians[0]" },
      ]);
    });

    it("rejects a staff login that already belongs to a guardian in the database", async () => {
      const text = toText({
        format: "livret-directory/1",
        staff: [{ login: "parent.martin", surname: "Martin", firstName: "Claire", roles: [{ role: "TEACHER", school: UAI.moulin }] }],
      });
      expect(await rejected(text)).toEqual([
        { line: lineOf(text, '"login": "parent.martin"'), path: "staff[0].login", message: "login parent.martin already belongs to a guardian account" },
      ]);
    });

    it("rejects a subject of the wrong degree for the school", async () => {
      const text = toText({
        format: "livret-directory/1",
        // 061300 (mathématiques) is a collège discipline; Jean Moulin is an école.
        assignments: [{ login: "teacher.cp", school: UAI.moulin, schoolYear: 2026, class: "CP", subject: "061300" }],
      });
      expect(await rejected(text)).toEqual([
        {
          line: lineOf(text, '"subject": "061300"'),
          path: "assignments[0].subject",
          message: `061300 is a SECOND degree code; school ${UAI.moulin} is FIRST degree`,
        },
      ]);
    });
  });

  describe("domain bounds (src/common/bounds.ts)", () => {
    const ine = (n: number) => `97${String(n).padStart(8, "0")}B`;
    /** A collège with one 6e class of `pupils` pupils, each with its guardian. */
    function college(pupils: number) {
      return {
        format: "livret-directory/1",
        academies: [{ code: "T05", name: "Académie bornée" }],
        schools: [{ uai: "0990005E", name: "Collège borné", degree: "SECOND", academy: "T05" }],
        classes: [{ school: "0990005E", schoolYear: 2026, code: "6A", label: "6e A", levels: ["SIXIEME"] }],
        pupils: Array.from({ length: pupils }, (_, i) => ({
          ine: ine(i),
          surname: `Borne${i}`,
          firstName: "Élève",
          enrolments: [{ school: "0990005E", schoolYear: 2026, class: "6A", level: "SIXIEME" }],
        })),
        guardians: [] as Array<Record<string, unknown>>,
        staff: [] as Array<Record<string, unknown>>,
      };
    }

    it("refuses a class over BOUND.pupilsPerClass, at the enrolment that overflows it", async () => {
      const text = toText(college(BOUND.pupilsPerClass + 1));
      expect(await rejected(text)).toEqual([
        {
          line: lineOf(text, '"school": "0990005E"', 2 + BOUND.pupilsPerClass) - 1,
          path: `pupils[${BOUND.pupilsPerClass}].enrolments[0]`,
          message: `class 6A would hold ${BOUND.pupilsPerClass + 1} pupils in 2026; at most ${BOUND.pupilsPerClass}`,
        },
      ]);
    });

    it("counts the pupils already stored: a second file that fills the class past its bound is refused", async () => {
      const full = college(BOUND.pupilsPerClass);
      await load(toText(full));
      const next = college(0);
      next.pupils = [{ ine: ine(900), surname: "Surnuméraire", firstName: "Élève", enrolments: full.pupils[0].enrolments }];
      const text = toText(next);
      expect(await rejected(text)).toEqual([
        { line: lineOf(text, '"school": "0990005E"', 2) - 1, path: "pupils[0].enrolments[0]", message: expect.stringMatching(/^class 6A would hold 41 pupils/) },
      ]);
    });

    it("refuses guardians, children and roles over their bounds, each at its own line", async () => {
      const file = college(BOUND.childrenPerGuardian + 1);
      file.classes[0].code = "6B";
      file.pupils.forEach((p, i) => {
        p.ine = ine(100 + i);
        p.enrolments[0].class = "6B";
      });
      // One parent of every pupil; the first pupil gets BOUND.guardiansPerPupil more.
      file.guardians = [
        { login: "parent.many", surname: "Nombreux", firstName: "Parent", educonnectActive: true, children: file.pupils.map((p) => ({ ine: p.ine })) },
        ...Array.from({ length: BOUND.guardiansPerPupil }, (_, i) => ({
          login: `parent.extra${i}`,
          surname: "Extra",
          firstName: `Parent${i}`,
          educonnectActive: false,
          children: [{ ine: file.pupils[0].ine }],
        })),
      ];
      // A teacher in more schools than an account may hold roles.
      const extra = Array.from({ length: BOUND.rolesPerAccount + 1 }, (_, i) => `09901${String(i).padStart(2, "0")}K`);
      (file.schools as Array<Record<string, unknown>>).push(...extra.map((uai) => ({ uai, name: `Collège ${uai}`, degree: "SECOND", academy: "T05" })));
      file.staff = [{ login: "teacher.roles", surname: "Rôles", firstName: "Trop", roles: extra.map((school) => ({ role: "TEACHER", school })) }];
      const text = toText(file);
      const problems = await rejected(text);
      expect(problems).toEqual(
        expect.arrayContaining([
          {
            line: lineOf(text, '"children": ['),
            path: "guardians[0].children",
            message: `would give the guardian ${BOUND.childrenPerGuardian + 1} children; at most ${BOUND.childrenPerGuardian}`,
          },
          {
            line: lineOf(text, '"login": "parent.extra3"') + 5,
            path: `guardians[${BOUND.guardiansPerPupil}].children[0]`,
            message: `would give the pupil ${BOUND.guardiansPerPupil + 1} guardians; at most ${BOUND.guardiansPerPupil}`,
          },
        ]),
      );
      expect(problems).toContainEqual({
        line: lineOf(text, '"roles": ['),
        path: "staff[0].roles",
        message: `would give the account ${BOUND.rolesPerAccount + 1} roles (teaching at a school is one); at most ${BOUND.rolesPerAccount}`,
      });
      expect(problems).toHaveLength(3);
    });
  });

  it("a 300-pupil file takes the statements of a 30-pupil one plus one per 500 rows, and reloading it unchanged writes nothing but its audit event", async () => {
    const file = (pupils: number, uai: string, ineDigit: string) => ({
      format: "livret-directory/1",
      academies: [{ code: `T6${ineDigit}`, name: "Académie en lot" }],
      schools: [{ uai, name: `Collège ${uai}`, degree: "SECOND", academy: `T6${ineDigit}` }],
      classes: Array.from({ length: 10 }, (_, c) => ({ school: uai, schoolYear: 2026, code: `6${c}`, label: `6e ${c}`, levels: ["SIXIEME"] })),
      pupils: Array.from({ length: pupils }, (_, i) => ({
        ine: `${ineDigit}${String(i).padStart(9, "0")}C`,
        surname: `Lot${i}`,
        firstName: "Élève",
        enrolments: [{ school: uai, schoolYear: 2026, class: `6${i % 10}`, level: "SIXIEME" }],
      })),
      guardians: Array.from({ length: pupils }, (_, i) => ({
        login: `parent.lot.${ineDigit}.${i}`,
        surname: `Lot${i}`,
        firstName: "Parent",
        educonnectActive: true,
        children: [{ ine: `${ineDigit}${String(i).padStart(9, "0")}C` }],
      })),
    });
    const statements = async (text: string) => {
      h.db.logger.reset(true);
      await load(text);
      return h.db.logger.recent.filter((sql) => !/^(START|BEGIN|COMMIT|SAVEPOINT|RELEASE)/i.test(sql.trim()));
    };
    const small = await statements(toText(file(30, "0990006F", "3")));
    const large = await statements(toText(file(300, "0990007G", "4")));
    // 300 pupils make 600 search keys: one more INSERT chunk than 30 pupils; nothing grows per pupil.
    expect(large.length).toBe(small.length + 1);
    const again = await statements(toText(file(300, "0990007G", "4")));
    expect(again.filter((sql) => /^(INSERT|UPDATE|DELETE)/i.test(sql.trim()))).toEqual([expect.stringMatching(/^INSERT INTO [`"]?audit_event/i)]);
  });
});

describe("directory reload and what Livret owns", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("directory_owned");
  });
  afterAll(() => h.close());

  it("R-SEED-11: a reload never closes an online service the HEAD opened; its audit event names the schools it touched", async () => {
    const OPEN = `mutation($id: ID!) { openOnlineService(schoolId: $id) { onlineServiceOpen } }`;
    await h.data("head.hugo", OPEN, { id: await h.ids.school(UAI.hugo) });
    const file = JSON.parse(DEMO_TEXT);
    file.schools.find((s: { uai: string }) => s.uai === UAI.hugo).onlineServiceOpen = false;
    file.pupils[1].surname = "Petit-Renommé";
    const summary = await loadDirectoryText(h.db.dataSource, JSON.stringify(file));
    expect(summary.updated.schools).toBeUndefined();
    const [school] = await h.db.dataSource.query("SELECT onlineServiceOpen FROM school WHERE uai = ?", [UAI.hugo]);
    expect(Number(school.onlineServiceOpen)).toBe(1);
    const [event] = await h.db.dataSource.query("SELECT details FROM audit_event WHERE action = 'LOAD_DIRECTORY' ORDER BY id DESC LIMIT 1");
    expect(JSON.parse(event.details).schools).toEqual([]);
  });

  it("R-SEED-01: a reload never moves periods set in Livret nor relinks a class to the file's scheme", async () => {
    const before = await h.db.dataSource.query("SELECT id, startsOn, endsOn FROM period ORDER BY id");
    const file = JSON.parse(DEMO_TEXT);
    for (const scheme of file.periodSchemes) scheme.periods[0].endsOn = scheme.periods[0].endsOn.replace(/-(\d\d)$/, "-01");
    await loadDirectoryText(h.db.dataSource, JSON.stringify(file));
    expect(await h.db.dataSource.query("SELECT id, startsOn, endsOn FROM period ORDER BY id")).toEqual(before);
  });
});
