import fs from "node:fs";
import { createContext } from "../../src/common/context";
import { DEMO_DIRECTORY_FILE } from "../../src/common/project-root";
import { StudentSearchKeys1765100000000 } from "../../migrations/1765100000000-student-search-keys";
import { loadPrincipal } from "../../src/auth/principal";
import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { searchQuery, searchWords } from "../../src/modules/home/student-search";
import { searchKey } from "../../src/modules/student/search-key";
import { AttestationsSearch1764600000000 } from "../../migrations/1764600000000-attestations-search";
import { Student } from "../../src/modules/student/student.entity";
import { StudentSearchKey } from "../../src/modules/student/student-search-key.entity";
import { openTestDatabase } from "../support/test-database";
import { createHarness, Harness, onlyError, UAI } from "../support/harness";

const SEARCH = `query($school: ID!, $name: String!, $offset: Int, $limit: Int) {
  searchStudents(schoolId: $school, name: $name, offset: $offset, limit: $limit) { totalCount offset limit items { surname firstName } } }`;
const RECORD = `mutation($s: ID!, $t: AttestationType!, $d: LocalDate!) { recordAttestation(studentId: $s, type: $t, obtainedOn: $d) { id } }`;

/** Extra CP pupils of the École Jean Moulin; all but Denis Lemoine get an attestation this year. */
const EXTRA = {
  format: "livret-directory/1",
  pupils: [
    ["1000000101A", "Lemaître", "Zoé"],
    ["1000000102B", "Lemaître", "Anaïs"],
    ["1000000103C", "LEMAÎTRE", "Bruno"],
    ["1000000104D", "Lemaire", "Céline"],
    ["1000000105E", "Lemoine", "Denis"],
  ].map(([ine, surname, firstName]) => ({
    ine,
    surname,
    firstName,
    birthDate: "2020-03-03",
    enrolments: [{ school: UAI.moulin, schoolYear: 2026, class: "CP", level: "CP" }],
  })),
};
const WITH_ATTESTATION = ["1000000101A", "1000000102B", "1000000103C", "1000000104D"];

type Found = { totalCount: number; offset: number; limit: number; items: Array<{ surname: string; firstName: string }> };

describe("pupil search (R-SEED-14)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("search", { demoReports: true });
    await loadDirectoryText(h.db.dataSource, JSON.stringify(EXTRA));
    for (const ine of WITH_ATTESTATION) await h.data("teacher.cp", RECORD, { s: await h.ids.student(ine), t: "APER", d: "2026-10-05" });
  });
  afterAll(() => h.close());

  const search = async (login: string, uai: string, name: string, page: { offset?: number; limit?: number } = {}): Promise<Found> =>
    (await h.data(login, SEARCH, { school: await h.ids.school(uai), name, ...page })).searchStudents;
  const names = async (login: string, uai: string, name: string) =>
    (await search(login, uai, name)).items.map((p) => `${p.firstName} ${p.surname}`);

  it("R-SEED-14: stores names lowercase without accents, apostrophes and hyphens kept", async () => {
    expect(searchKey("Éloïse")).toBe("eloise");
    expect(searchKey("LEMAÎTRE")).toBe("lemaitre");
    expect(searchKey("D’Artagnan-Çédille")).toBe("d'artagnan-cedille");
    const [row] = await h.db.dataSource.query("SELECT searchSurname, searchFirstName FROM student WHERE ine = ?", ["1000000004D"]);
    expect(row).toEqual({ searchSurname: "durand", searchFirstName: "eloise" });
  });

  it("R-SEED-14: finds by first name or surname whatever the case and accents", async () => {
    expect(await names("director.moulin", UAI.moulin, "eloise")).toEqual(["Éloïse Durand"]);
    expect(await names("director.moulin", UAI.moulin, "DURAND")).toEqual(["Éloïse Durand"]);
    expect(await names("director.moulin", UAI.moulin, "ÉLOÏSE")).toEqual(["Éloïse Durand"]);
    expect(await names("director.moulin", UAI.moulin, "zoé")).toEqual(["Zoé Lemaître"]);
    expect(await names("director.moulin", UAI.moulin, "lemaitre")).toEqual(["Anaïs Lemaître", "Bruno LEMAÎTRE", "Zoé Lemaître"]);
  });

  it("R-SEED-14: every word must start the surname or the first name, in either order", async () => {
    expect(await names("director.moulin", UAI.moulin, "dur elo")).toEqual(["Éloïse Durand"]);
    expect(await names("director.moulin", UAI.moulin, "  Elo   DUR ")).toEqual(["Éloïse Durand"]);
    expect(await names("director.moulin", UAI.moulin, "lemaître zo")).toEqual(["Zoé Lemaître"]);
    expect(await names("director.moulin", UAI.moulin, "durand x")).toEqual([]);
    // A word inside a name is not a prefix of it.
    expect(await names("director.moulin", UAI.moulin, "ise")).toEqual([]);
  });

  it("R-SEED-14: a pupil without a report or attestation of this year in this school is not returned", async () => {
    // Denis Lemoine is enrolled this year but has nothing yet.
    expect(await names("director.moulin", UAI.moulin, "lem")).toEqual(["Céline Lemaire", "Anaïs Lemaître", "Bruno LEMAÎTRE", "Zoé Lemaître"]);
    // An attestation of last year does not count…
    const denis = await h.ids.student("1000000105E");
    await h.db.dataSource.query("INSERT INTO attestation (studentId, type, obtainedOn, schoolId, schoolYear) VALUES (?, 'ASSN', '2026-06-01', ?, 2025)", [
      Number(denis),
      Number(await h.ids.school(UAI.moulin)),
    ]);
    expect(await names("director.moulin", UAI.moulin, "denis")).toEqual([]);
    // …one of this year does.
    await h.data("director.moulin", RECORD, { s: denis, t: "APER", d: "2026-11-20" });
    expect(await names("director.moulin", UAI.moulin, "denis")).toEqual(["Denis Lemoine"]);

    // Hugo Martin had a report here last year and is now at the collège: only Léa is found here…
    expect(await names("director.moulin", UAI.moulin, "martin")).toEqual(["Léa Martin"]);
    // …while the collège finds him through this year's draft report.
    expect(await names("head.hugo", UAI.hugo, "martin")).toEqual(["Hugo Martin"]);
  });

  it("R-SEED-14: an end-of-cycle report of this year in this school counts", async () => {
    const adam = Number(await h.ids.student("2000000005E"));
    const hugo = Number(await h.ids.school(UAI.hugo));
    const n = async (table: string) =>
      Number((await h.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE studentId = ? AND schoolYear = 2026`, [adam]))[0].n);
    // Adam Mercier (3e) has no periodic report nor attestation, only his demo cycle 4 report (and a Pix, which does not count).
    expect([await n("periodic_report"), await n("attestation"), await n("cycle_report")]).toEqual([0, 0, 1]);
    expect(Number((await h.db.dataSource.query("SELECT schoolId FROM cycle_report WHERE studentId = ?", [adam]))[0].schoolId)).toBe(hugo);
    expect(await names("head.hugo", UAI.hugo, "mercier adam")).toEqual(["Adam Mercier"]);
  });

  it("R-SEED-14: pages in SQL, ordered by name, with the total count", async () => {
    const first = await search("director.moulin", UAI.moulin, "lem", { offset: 0, limit: 2 });
    expect(first).toEqual({
      totalCount: 5,
      offset: 0,
      limit: 2,
      items: [
        { surname: "Lemaire", firstName: "Céline" },
        { surname: "Lemaître", firstName: "Anaïs" },
      ],
    });
    const second = await search("director.moulin", UAI.moulin, "lem", { offset: 2, limit: 2 });
    expect(second.items).toEqual([
      { surname: "LEMAÎTRE", firstName: "Bruno" },
      { surname: "Lemaître", firstName: "Zoé" },
    ]);
    const last = await search("director.moulin", UAI.moulin, "lem", { offset: 4, limit: 2 });
    expect(last).toMatchObject({ totalCount: 5, items: [{ surname: "Lemoine", firstName: "Denis" }] });
    expect((await search("director.moulin", UAI.moulin, "lem", { offset: 10, limit: 2 })).items).toEqual([]);
    for (const page of [{ limit: 0 }, { limit: 101 }, { offset: -1 }]) {
      const result = await h.run("director.moulin", SEARCH, { school: await h.ids.school(UAI.moulin), name: "lem", ...page });
      expect(onlyError(result).extensions?.code).toBe("BAD_USER_INPUT");
    }
  });

  it("R-SEED-14: teachers find only the pupils of their classes and groups", async () => {
    expect(await names("teacher.cp", UAI.moulin, "lem")).toEqual(["Céline Lemaire", "Anaïs Lemaître", "Bruno LEMAÎTRE", "Zoé Lemaître", "Denis Lemoine"]);
    expect(await names("teacher.cp", UAI.moulin, "durand")).toEqual([]);
    // LATIN group only: Lucas Bernard and Manon Lefebvre, not Hugo Martin nor Adam Mercier.
    expect(await names("teacher.latin", UAI.hugo, "m")).toEqual(["Manon Lefebvre"]);
    expect(await names("teacher.latin", UAI.hugo, "bernard")).toEqual(["Lucas Bernard"]);
    // Maths in 6A, 5A, 4A: Hugo Martin and Manon, not Adam (3A).
    expect(await names("teacher.maths", UAI.hugo, "m")).toEqual(["Manon Lefebvre", "Hugo Martin"]);
    const page = await search("teacher.maths", UAI.hugo, "m", { limit: 1 });
    expect(page.totalCount).toBe(2);
  });

  it("R-SEED-14: a school the caller cannot see is NOT_FOUND; guardians and DASEN are FORBIDDEN", async () => {
    const cases: Array<[string, string, string]> = [
      ["teacher.cp", UAI.hugo, "NOT_FOUND"],
      ["director.parc", UAI.moulin, "NOT_FOUND"],
      ["head.hugo", UAI.moulin, "NOT_FOUND"],
      ["parent.martin", UAI.moulin, "FORBIDDEN"],
      ["dasen.lyon", UAI.moulin, "FORBIDDEN"],
    ];
    for (const [login, uai, code] of cases) {
      const result = await h.run(login, SEARCH, { school: await h.ids.school(uai), name: "martin" });
      expect([login, onlyError(result).extensions?.code]).toEqual([login, code]);
    }
    const missing = await h.run("director.moulin", SEARCH, { school: "999999", name: "martin" });
    expect(onlyError(missing).extensions?.code).toBe("NOT_FOUND");
  });

  it("R-SEED-14: refuses an empty name, more than 3 words or more than 100 characters", async () => {
    for (const name of ["", "   ", "a b c d", "x".repeat(101), "\u0301"]) {
      const result = await h.run("director.moulin", SEARCH, { school: await h.ids.school(UAI.moulin), name });
      expect(onlyError(result).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
    }
    expect(searchWords("a b c")).toEqual(["a", "b", "c"]);
  });

  it("R-SEED-14: LIKE metacharacters in the name are taken literally", async () => {
    for (const name of ["%", "_", "lem%", "l_maitre", "%lem", "\\", "lem\\"]) {
      expect([name, (await search("director.moulin", UAI.moulin, name)).totalCount]).toEqual([name, 0]);
    }
    // A name that holds them is still found by them.
    const zoe = Number(await h.ids.student("1000000101A"));
    // The stored search form lives on the pupil and in the search keys; both are written, as the loader would.
    const setSearchSurname = async (from: string, to: string) => {
      await h.db.dataSource.getRepository(Student).update({ id: zoe }, { searchSurname: to });
      await h.db.dataSource.query("UPDATE student_search_key SET searchKey = ? WHERE studentId = ? AND searchKey = ?", [to, zoe, from]);
    };
    await setSearchSurname("lemaitre", "le_100%\\x");
    try {
      expect(await names("director.moulin", UAI.moulin, "le_100%\\")).toEqual(["Zoé Lemaître"]);
      expect(await names("director.moulin", UAI.moulin, "le_1")).toEqual(["Zoé Lemaître"]);
    } finally {
      await setSearchSurname("le_100%\\x", "lemaitre");
    }
  });

  it("R-SEED-14: the name test seeks student_search_key by school, year and prefix; no table is scanned", async () => {
    // Enough other pupils, here and in another school and year, for the planner to cost plans as on a real database.
    const others = Array.from({ length: 400 }, (_, i) => ({
      ine: `9${String(i).padStart(9, "0")}Z`,
      surname: `Autre${i}`,
      firstName: `Élève${i}`,
      searchSurname: `autre${i}`,
      searchFirstName: `eleve${i}`,
    }));
    await h.db.dataSource.getRepository(Student).insert(others);
    const moulin = Number(await h.ids.school(UAI.moulin));
    const hugo = Number(await h.ids.school(UAI.hugo));
    const stored: Array<{ id: number }> = await h.db.dataSource.query("SELECT id FROM student WHERE ine LIKE '9%Z'");
    const keys = stored.flatMap(({ id }, i) =>
      [`autre${i}`, `eleve${i}`, `durand${i}`].map((searchKey) => ({ schoolId: i % 2 ? moulin : hugo, schoolYear: 2024 + (i % 3), searchKey, studentId: Number(id) })),
    );
    for (let i = 0; i < keys.length; i += 200) await h.db.dataSource.getRepository(StudentSearchKey).insert(keys.slice(i, i + 200));
    const mysql = h.db.config.type === "mysql";
    await h.db.dataSource.query(mysql ? "ANALYZE TABLE student, student_search_key, periodic_report" : "ANALYZE");

    const principal = await loadPrincipal(h.db.dataSource.manager, "director.moulin", 2026);
    const ctx = createContext({ requestId: "plan", principal, dataSource: h.db.dataSource, clock: h.clock });
    for (const words of [["durand"], ["dur", "elo"], ["eloise"]]) {
      const [sql, params] = searchQuery(ctx, moulin, words).offset(0).limit(20).getQueryAndParameters();
      if (mysql) {
        const plan: Array<{ table: string; type: string; key: string | null; select_type: string; rows: string }> = await h.db.dataSource.query(`EXPLAIN ${sql}`, params);
        // The keys: a range of the primary key (schoolId, schoolYear, searchKey…); the pupils: by primary key.
        expect(plan).toContainEqual(expect.objectContaining({ table: "k", type: "range", key: "PRIMARY" }));
        expect(plan).toContainEqual(expect.objectContaining({ table: "s", type: "eq_ref", key: "PRIMARY" }));
        // The "has a report this year" subquery reads the demo's few reports whole when MariaDB's statistics
        // say it is cheaper (rows ≤ 100); at scale it seeks. Any other full scan fails.
        const scans = plan.filter((row) => row.type === "ALL" && !/^<derived/.test(row.table));
        expect(scans.filter((row) => !(row.select_type === "MATERIALIZED" && Number(row.rows) <= 100))).toEqual([]);
      } else {
        const plan: Array<{ detail: string }> = await h.db.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params);
        const details = plan.map((row) => row.detail);
        expect(details).toContainEqual(
          expect.stringMatching(/^SEARCH k USING (COVERING )?INDEX \S+ \(schoolId=\? AND schoolYear=\? AND searchKey>\? AND searchKey<\?\)/),
        );
        expect(details).toContainEqual(expect.stringMatching(/^SEARCH s USING INTEGER PRIMARY KEY/));
        // No plain scan of any table.
        expect(details.filter((d) => /^SCAN (s|k|sr|sc|scr|sa)\b(?! USING)/.test(d))).toEqual([]);
      }
    }
    // The plan's answer is the API's.
    expect(await names("director.moulin", UAI.moulin, "eloise")).toEqual(["Éloïse Durand"]);
  });
});

describe("migration 1764600000000 (R-SEED-14)", () => {
  it("fills the search columns of the pupils already there", async () => {
    const db = await openTestDatabase("search_backfill");
    try {
      await db.dataSource.query("INSERT INTO student (ine, surname, firstName) VALUES ('9999999999Z', 'N’Diaye-Lefèvre', 'Anaïs')");
      // Run the migration again over a table that has rows: down then up, outside the migrations table.
      const migration = new AttestationsSearch1764600000000();
      const runner = db.dataSource.createQueryRunner();
      try {
        await migration.down(runner);
        await migration.up(runner);
      } finally {
        await runner.release();
      }
      const [row] = await db.dataSource.query("SELECT searchSurname, searchFirstName FROM student WHERE ine = '9999999999Z'");
      expect(row).toEqual({ searchSurname: "n'diaye-lefevre", searchFirstName: "anais" });
      const pending = await db.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries).toHaveLength(0);
    } finally {
      await db.close();
    }
  });
});

describe("search keys follow the directory (R-SEED-14)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("search_keys", { demoReports: true });
  });
  afterAll(() => h.close());

  const keysOf = async (ine: string) =>
    (
      await h.db.dataSource.query(
        "SELECT k.schoolYear, k.searchKey FROM student_search_key k JOIN student s ON s.id = k.studentId WHERE s.ine = ? ORDER BY k.schoolYear, k.searchKey",
        [ine],
      )
    ).map((r: { schoolYear: number | string; searchKey: string }) => `${Number(r.schoolYear)}:${r.searchKey}`);

  it("R-SEED-14: a pupil renamed or newly enrolled by a load is found under the new name only; an unchanged reload writes no key", async () => {
    // Éloïse Durand (1000000004D) is enrolled at the École Jean Moulin in 2026.
    expect(await keysOf("1000000004D")).toContain("2026:durand");
    const demo = JSON.parse(fs.readFileSync(DEMO_DIRECTORY_FILE(), "utf8"));
    const original = demo.pupils.find((p: { ine: string }) => p.ine === "1000000004D");
    await loadDirectoryText(h.db.dataSource, JSON.stringify({ format: "livret-directory/1", pupils: [{ ...original, surname: "Du Bellay" }] }));
    expect(await keysOf("1000000004D")).not.toContain("2026:durand");
    expect(await keysOf("1000000004D")).toContain("2026:du bellay");

    h.db.logger.reset(true);
    await loadDirectoryText(h.db.dataSource, JSON.stringify({ format: "livret-directory/1", pupils: [{ ...original, surname: "Du Bellay" }] }));
    expect(h.db.logger.recent.filter((q) => /student_search_key/.test(q))).toEqual([]);
  });

  it("migration 1765100000000 fills the keys of the enrolments already there, and can run again", async () => {
    const before = await h.db.dataSource.query("SELECT schoolId, schoolYear, searchKey, studentId FROM student_search_key ORDER BY schoolId, schoolYear, searchKey, studentId");
    expect(before.length).toBeGreaterThan(20);
    const migration = new StudentSearchKeys1765100000000();
    const runner = h.db.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
      // Interrupted after the table was made and partly filled: running it again completes it, with no duplicate.
      await runner.query("DELETE FROM student_search_key WHERE schoolYear = 2026");
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const after = await h.db.dataSource.query("SELECT schoolId, schoolYear, searchKey, studentId FROM student_search_key ORDER BY schoolId, schoolYear, searchKey, studentId");
    expect(after).toEqual(before);
    const pending = await h.db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries).toHaveLength(0);
  });
});
