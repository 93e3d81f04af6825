import fs from "node:fs";
import { createHarness, Harness, onlyError, UAI } from "../support/harness";
import { loadDirectoryText } from "../../src/modules/directory/directory.service";

describe("what each persona sees", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("visibility");
  });
  afterAll(() => h.close());

  describe("a record the caller may not see answers exactly like a missing one", () => {
    const cases: Array<[string, string, () => Promise<string>, string]> = [
      ["school", "query($id: ID!) { school(id: $id) { name } }", () => h.ids.school(UAI.hugo), "director.moulin"],
      ["class", "query($id: ID!) { class(id: $id) { code } }", () => h.ids.class(UAI.moulin, 2026, "CE1"), "teacher.cp"],
      ["student", "query($id: ID!) { student(id: $id) { surname } }", () => h.ids.student("1000000002B"), "parent.martin"],
      ["student", "query($id: ID!) { student(id: $id) { surname } }", () => h.ids.student("2000000005E"), "teacher.maths"],
    ];
    for (const [field, query, foreignId, persona] of cases) {
      it(`${field} as ${persona}`, async () => {
        const foreign = await h.run(persona, query, { id: await foreignId() });
        const missing = await h.run(persona, query, { id: "987654" });
        expect(foreign).toEqual(missing);
        expect(onlyError(foreign).extensions?.code).toBe("NOT_FOUND");
      });
    }
  });

  it("scopes the school list in SQL: a DASEN sees the écoles of their academy only", async () => {
    const data = await h.data("dasen.lyon", "{ schools { totalCount items { uai degree } } }");
    expect(data.schools).toEqual({ totalCount: 1, items: [{ uai: UAI.moulin, degree: "FIRST" }] });
  });

  it("counts and pages only visible rows, with the scope in the WHERE clause", async () => {
    // A teacher working in two schools of the same academy.
    const extra = {
      format: "livret-directory/1",
      staff: [{ login: "teacher.two", surname: "Duo", firstName: "Alex", roles: [{ role: "TEACHER", school: UAI.moulin }] }],
      assignments: [
        { login: "teacher.two", school: UAI.moulin, schoolYear: 2026, class: "CM2", subject: "EPS-RAC" },
        { login: "teacher.two", school: UAI.hugo, schoolYear: 2026, class: "3A", subject: "100100" },
      ],
    };
    await loadDirectoryText(h.db.dataSource, JSON.stringify(extra));
    const all = await h.data("teacher.two", "{ schools { totalCount items { uai } } }");
    expect(all.schools.totalCount).toBe(2);
    h.db.logger.reset(true);
    const firstPage = await h.data("teacher.two", "{ schools(limit: 1) { totalCount items { uai } } }");
    expect(firstPage.schools.totalCount).toBe(2);
    expect(firstPage.schools.items).toHaveLength(1);
    const listSql = h.db.logger.recent.filter((sql) => /FROM [`"]?school[`"]? [`"]?school[`"]?/.test(sql));
    expect(listSql.length).toBeGreaterThan(0);
    for (const sql of listSql) expect(sql).toMatch(/WHERE[\s\S]*IN \(/);
  });

  it("shows a subject teacher only the classes they teach, and a director all of them", async () => {
    const query = `query($id: ID!) { school(id: $id) { classes { code } groups { code } } }`;
    const id = await h.ids.school(UAI.hugo);
    const teacher = await h.data("teacher.maths", query, { id });
    expect(teacher.school.classes.map((c: { code: string }) => c.code)).toEqual(["4A", "5A", "6A"]);
    expect(teacher.school.groups).toEqual([]);
    const head = await h.data("head.hugo", query, { id });
    expect(head.school.classes.map((c: { code: string }) => c.code)).toEqual(["3A", "3E", "4A", "5A", "6A"]);
    expect(head.school.groups.map((g: { code: string }) => g.code)).toEqual(["ANG-G1", "LATIN"]);
  });

  it("shows a group-only teacher their group's pupils and no class", async () => {
    const data = await h.data(
      "teacher.latin",
      `query($id: ID!) { school(id: $id) { classes { code } groups { code students { firstName } } } }`,
      { id: await h.ids.school(UAI.hugo) },
    );
    expect(data.school.classes).toEqual([]);
    expect(data.school.groups).toEqual([{ code: "LATIN", students: [{ firstName: "Lucas" }, { firstName: "Manon" }] }]);
  });

  it("lists a past class's pupils only as far as the caller may see them now", async () => {
    // teacher.cm2 taught CM1 in 2025; Chloé is in their CM2 now, the others of 2025 CM1 are not their pupils.
    const data = await h.data("teacher.cm2", `query($id: ID!) { student(id: $id) { enrolments { schoolYear class { code students { firstName } } } } }`, {
      id: await h.ids.student("1000000006F"),
    });
    expect(data.student.enrolments).toEqual([
      { schoolYear: 2026, class: { code: "CM2", students: [{ firstName: "Chloé" }] } },
      { schoolYear: 2025, class: { code: "CM1", students: [{ firstName: "Chloé" }] } },
    ]);
  });

  it("R-SEED-06: hides earlier years spent in another academy until a transfer", async () => {
    const query = `query($id: ID!) { student(id: $id) { enrolments { schoolYear school { uai } } } }`;
    const moved = await h.data("head.hugo", query, { id: await h.ids.student("2000000002B") });
    expect(moved.student.enrolments).toEqual([{ schoolYear: 2026, school: { uai: UAI.hugo } }]);
    const sameAcademy = await h.data("head.hugo", query, { id: await h.ids.student("2000000001A") });
    expect(sameAcademy.student.enrolments).toEqual([
      { schoolYear: 2026, school: { uai: UAI.hugo } },
      { schoolYear: 2025, school: { uai: UAI.moulin } },
    ]);
  });

  it("R-SEED-13: a guardian with an active EduConnect account sees every year of their child", async () => {
    const data = await h.data("parent.martin", `query($id: ID!) { student(id: $id) { firstName enrolments { schoolYear level } } }`, {
      id: await h.ids.student("1000000001A"),
    });
    expect(data.student).toEqual({ firstName: "Léa", enrolments: [{ schoolYear: 2026, level: "CP" }] });
  });

  it("shows guardians' names to the pupil's DIRECTOR/HEAD only (SPEC §5); teachers get none, a guardian gets the record without them", async () => {
    const id = await h.ids.student("1000000001A");
    const query = `query($id: ID!) { student(id: $id) { firstName guardians { surname firstName relationship } } }`;
    const lead = await h.data("director.moulin", query, { id });
    expect(lead.student.guardians).toEqual([{ surname: "Martin", firstName: "Claire", relationship: "MERE" }]);
    expect((await h.data("teacher.cp", query, { id })).student.guardians).toEqual([]);
    const guardian = await h.run("parent.martin", query, { id });
    expect(guardian.data).toEqual({ student: { firstName: "Léa", guardians: null } });
    expect(onlyError(guardian).extensions?.code).toBe("FORBIDDEN");
  });

  it("tells a teacher what they teach this year", async () => {
    const data = await h.data("teacher.latin", "{ me { kind teaching { subject { code } schoolClass { code } group { code } } } }");
    expect(data.me).toEqual({ kind: "STAFF", teaching: [{ subject: { code: "020300" }, schoolClass: null, group: { code: "LATIN" } }] });
  });

  it("gives the current school year from the injected clock", async () => {
    const data = await h.data("parent.durand", "{ currentSchoolYear { year label startsOn endsOn } }");
    expect(data.currentSchoolYear).toEqual({ year: 2026, label: "2026-2027", startsOn: "2026-09-01", endsOn: "2027-08-31" });
  });

  it("ships the demo file that the README describes", () => {
    const demo = JSON.parse(fs.readFileSync("demo/directory.json", "utf8"));
    expect(demo.academies).toHaveLength(2);
    expect(demo.guardians.map((g: { educonnectActive: boolean }) => g.educonnectActive)).toEqual(expect.arrayContaining([true, false]));
  });
});
