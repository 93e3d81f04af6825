import { getNamedType, GraphQLInputType, isInputObjectType, isScalarType } from "graphql";
import { createHarness, GraphQLResponse, Harness, UAI } from "../support/harness";
import { PeriodicReport, ReportStatus } from "../../src/modules/report/periodic-report.entity";
import { textLength } from "../../src/common/text";

/**
 * Every String argument of the graph, found by walking the schema, has an entry here: free text is tried at its
 * LSU length (lsu-research.md §d.4) and one character past it, with characters outside the BMP so that a count of
 * UTF-16 units would refuse the first; codes and identifiers (checked against a list or a pattern) are tried far
 * too long. The entry names the operation that carries the value.
 */
type Call = (value: string) => Promise<GraphQLResponse>;
type Case = { text: number; field: string; rule?: string; call: Call } | { code: true; call: Call };

/** U+1D11E (musical G clef): one character, two UTF-16 units. */
const chars = (n: number) => "𝄞".repeat(n);

describe("R-PUB-19: every string input has its length, counted in characters (code points)", () => {
  let h: Harness;
  const cases: Record<string, Case> = {};
  let seq = 0;

  beforeAll(async () => {
    h = await createHarness("text_lengths", { demoReports: true });
    const moulin = await h.ids.school(UAI.moulin);
    const hugo = await h.ids.school(UAI.hugo);
    const classCp = await h.ids.class(UAI.moulin, 2026, "CP");
    const periodCp = await h.ids.period(UAI.moulin, 2026, "CP", 1);

    // A past-year report for the amendment, as the audit-trail test makes one.
    const jade = await h.ids.student("1000000003C");
    const [past] = await h.db.dataSource.query(
      "SELECT p.id FROM period p JOIN period_scheme ps ON ps.id = p.schemeId WHERE ps.schoolId = ? AND ps.schoolYear = 2025 AND p.position = 1",
      [Number(moulin)],
    );
    const { identifiers } = await h.db.dataSource.getRepository(PeriodicReport).insert({
      studentId: Number(jade),
      classId: Number(await h.ids.class(UAI.moulin, 2025, "CP")),
      periodId: Number(past.id),
      schoolYear: 2025,
      status: ReportStatus.LOCKED,
    });
    const pastReport = String(identifiers[0].id);

    // A collège report (6A, period 1) and a CM2 last-period report that carries the digital skills.
    const [collegeReport] = await h.db.dataSource.query(
      "SELECT r.id FROM periodic_report r JOIN student s ON s.id = r.studentId WHERE s.ine = ? AND r.periodId = ?",
      ["2000000001A", Number(await h.ids.period(UAI.hugo, 2026, "6A", 1))],
    );
    const cm2 = await h.data("teacher.cm2", `mutation($input: CreatePeriodicReportInput!) { createPeriodicReport(input: $input) { id } }`, {
      input: { classId: await h.ids.class(UAI.moulin, 2026, "CM2"), studentId: await h.ids.student("1000000006F"), periodId: await h.ids.period(UAI.moulin, 2026, "CM2", 3) },
    });
    const cycle = await h.data("teacher.maths", `mutation($s: ID!) { createCycleReport(studentId: $s, cycle: 3) { id } }`, { s: await h.ids.student("2000000002B") });

    const version = async (table: string, id: string) => Number((await h.db.dataSource.query(`SELECT version FROM ${table} WHERE id = ?`, [Number(id)]))[0].version);
    const updateReport = (login: string, id: () => string) => async (input: Record<string, unknown>) =>
      h.run(login, `mutation($id: ID!, $v: Int!, $input: UpdatePeriodicReportInput!) { updatePeriodicReport(id: $id, expectedVersion: $v, input: $input) { id } }`, {
        id: id(),
        v: await version("periodic_report", id()),
        input,
      });
    const college = updateReport("head.hugo", () => String(collegeReport.id));
    const ecole = updateReport("teacher.cm2", () => cm2.createPeriodicReport.id);
    const entry = (extra: Record<string, unknown>) => ({ entries: [{ subjectCode: "061300", ...extra }] });
    const updateCycle = async (input: Record<string, unknown>) =>
      h.run("teacher.maths", `mutation($id: ID!, $v: Int!, $input: UpdateCycleReportInput!) { updateCycleReport(id: $id, expectedVersion: $v, input: $input) { id } }`, {
        id: cycle.createCycleReport.id,
        v: await version("cycle_report", cycle.createCycleReport.id),
        input,
      });
    const grant = (extra: Record<string, unknown>) =>
      h.run("dasen.lyon", `mutation($input: GrantPriorYearAmendmentInput!) { grantPriorYearAmendment(input: $input) { id } }`, {
        input: { reportId: pastReport, elements: ["SYNTHESIS"], ticketRef: `SUP-${++seq}`, documentRef: `DOC-${seq}`, ...extra },
      });
    const programElements = (subjectCode: string, labels: string[]) =>
      h.run("director.moulin", `mutation($c: ID!, $p: ID!, $s: String!, $l: [String!]!) { setClassProgramElements(classId: $c, periodId: $p, subjectCode: $s, labels: $l) { label } }`, {
        c: classCp,
        p: periodCp,
        s: subjectCode,
        l: labels,
      });

    Object.assign(cases, {
      "Mutation.configurePeriods(input).name": {
        text: 50,
        field: "name",
        call: (name) =>
          h.run("director.moulin", `mutation($input: ConfigurePeriodsInput!) { configurePeriods(input: $input) { id } }`, {
            input: { schoolId: moulin, name, periods: [{ startsOn: "2026-09-01", endsOn: "2026-11-30" }] },
          }),
      },
      "Mutation.grantPriorYearAmendment(input).ticketRef": { text: 50, field: "ticketRef", call: (v) => grant({ ticketRef: v }) },
      "Mutation.grantPriorYearAmendment(input).documentRef": { text: 200, field: "documentRef", call: (v) => grant({ documentRef: v }) },
      "Mutation.grantPriorYearAmendment(input).elements": { code: true, call: (v) => grant({ elements: [v] }) },
      "Mutation.recordPixCertification(input).competences.competence": {
        code: true,
        call: async (v) =>
          h.run("head.hugo", `mutation($input: RecordPixCertificationInput!) { recordPixCertification(input: $input) { id } }`, {
            input: { studentId: await h.ids.student("2000000003C"), certifiedOn: "2026-11-05", score: 380, competences: [{ competence: v, level: 3 }] },
          }),
      },
      "Mutation.setClassProgramElements(labels)": { text: 300, field: "labels[0]", call: (v) => programElements("MAT-RAC", [v]) },
      "Mutation.setClassProgramElements(subjectCode)": { code: true, call: (v) => programElements(v, ["Élément"]) },
      "Mutation.setCollectiveDigitalSkillsAppreciation(text)": {
        text: 600,
        field: "text",
        call: async (v) =>
          h.run("teacher.cm2", `mutation($c: ID!, $t: String) { setCollectiveDigitalSkillsAppreciation(classId: $c, text: $t) { id } }`, { c: await h.ids.class(UAI.moulin, 2026, "CM2"), t: v }),
      },
      "Mutation.setGroupCollectiveDigitalSkillsAppreciation(text)": {
        text: 600,
        field: "text",
        call: async (v) =>
          h.run("head.hugo", `mutation($g: ID!, $t: String) { setGroupCollectiveDigitalSkillsAppreciation(groupId: $g, text: $t) { code } }`, { g: await h.ids.group(UAI.hugo, 2026, "ANG-G1"), t: v }),
      },
      "Mutation.transferStudentInterAcademic(ine)": {
        code: true,
        call: (v) => h.run("head.hugo", `mutation($s: ID!, $ine: String!) { transferStudentInterAcademic(schoolId: $s, ine: $ine) { __typename } }`, { s: hugo, ine: v }),
      },
      "Mutation.updateCycleReport(input).synthesis": { text: 1500, field: "synthesis", rule: "R-PUB-14", call: (v) => updateCycle({ synthesis: v }) },
      "Mutation.updateCycleReport(input).components.code": { code: true, call: (v) => updateCycle({ components: [{ code: v, level: 3 }] }) },
      "Mutation.updateCycleReport(input).complementaryTeaching.code": { code: true, call: (v) => updateCycle({ complementaryTeaching: { code: v, level: 1 } }) },
      "Mutation.updateCycleReport(input).regionalLanguage.code": { code: true, call: (v) => updateCycle({ regionalLanguage: { code: v, level: 1 } }) },
      "Mutation.updatePeriodicReport(input).synthesis": { text: 1000, field: "synthesis", call: (v) => college({ synthesis: v }) },
      "Mutation.updatePeriodicReport(input).entries.appreciation": { text: 600, field: "entries[0].appreciation", call: (v) => college(entry({ appreciation: v })) },
      "Mutation.updatePeriodicReport(input).entries.programElements": { text: 300, field: "entries[0].programElements[0]", call: (v) => college(entry({ programElements: [v] })) },
      "Mutation.updatePeriodicReport(input).entries.classAverage": { code: true, call: (v) => college(entry({ classAverage: v })) },
      "Mutation.updatePeriodicReport(input).entries.studentAverage": { code: true, call: (v) => college(entry({ studentAverage: v })) },
      "Mutation.updatePeriodicReport(input).entries.subjectCode": { code: true, call: (v) => college({ entries: [{ subjectCode: v }] }) },
      "Mutation.updatePeriodicReport(input).parcours.code": { code: true, call: (v) => college({ parcours: [{ code: v, text: "Projet" }] }) },
      "Mutation.updatePeriodicReport(input).parcours.text": { text: 600, field: "parcours[0].text", call: (v) => college({ parcours: [{ code: "PAR_CIT", text: v }] }) },
      "Mutation.updatePeriodicReport(input).schoolLife.comment": {
        text: 600,
        field: "schoolLife.comment",
        call: (v) => college({ schoolLife: { lateCount: 0, justifiedAbsences: 0, unjustifiedAbsences: 0, comment: v } }),
      },
      "Mutation.updatePeriodicReport(input).supportMeasures.code": { code: true, call: (v) => college({ supportMeasures: [{ code: v }] }) },
      "Mutation.updatePeriodicReport(input).supportMeasures.details": { text: 600, field: "supportMeasures[0].details", call: (v) => college({ supportMeasures: [{ code: "PAP", details: v }] }) },
      "Mutation.updatePeriodicReport(input).digitalSkills.appreciation": {
        text: 600,
        field: "digitalSkills.appreciation",
        call: (v) => ecole({ digitalSkills: { levels: [], appreciation: v } }),
      },
      "Mutation.updatePeriodicReport(input).digitalSkills.levels.code": { code: true, call: (v) => ecole({ digitalSkills: { levels: [{ code: v, level: 1 }] } }) },
      "Query.auditTrail(action)": {
        text: 60,
        field: "action",
        call: (v) => h.run("director.moulin", `query($s: ID!, $a: String) { auditTrail(schoolId: $s, action: $a) { totalCount } }`, { s: moulin, a: v }),
      },
      "Query.priorYearReports(ine)": {
        text: 20,
        field: "ine",
        call: (v) => h.run("dasen.lyon", `query($ine: String!) { priorYearReports(ine: $ine, schoolYear: 2025) { id } }`, { ine: v }),
      },
      "Query.searchStudents(name)": {
        text: 100,
        field: "name",
        call: (v) => h.run("head.hugo", `query($s: ID!, $n: String!) { searchStudents(schoolId: $s, name: $n) { totalCount } }`, { s: hugo, n: v }),
      },
    } satisfies Record<string, Case>);
  }, 120_000);
  afterAll(() => h?.close());

  it("R-PUB-19: the table below covers every String argument and input field of the schema", () => {
    const found: string[] = [];
    const walk = (path: string, type: GraphQLInputType, seen: Set<string>) => {
      const named = getNamedType(type);
      if (isInputObjectType(named)) {
        if (seen.has(named.name)) return;
        for (const f of Object.values(named.getFields())) walk(`${path}.${f.name}`, f.type, new Set([...seen, named.name]));
      } else if (isScalarType(named) && named.name === "String") {
        found.push(path);
      }
    };
    for (const root of [h.schema.getMutationType()!, h.schema.getQueryType()!]) {
      for (const field of Object.values(root.getFields())) for (const arg of field.args) walk(`${root.name}.${field.name}(${arg.name})`, arg.type, new Set());
    }
    expect(found.sort()).toEqual(Object.keys(cases).sort());
  });

  it("R-PUB-19: textLength counts code points: a pair of surrogates is one character, a lone one is one too", () => {
    expect(textLength(chars(3))).toBe(3);
    expect(chars(3).length).toBe(6);
    expect(textLength("é\uD834")).toBe(2);
    expect(textLength("")).toBe(0);
  });

  it("R-PUB-19: free text is accepted at its length in characters and refused one past it, naming the field and the limit", async () => {
    const seen: string[] = [];
    for (const [name, c] of Object.entries(cases)) {
      if (!("text" in c)) continue;
      const at = await c.call(chars(c.text));
      expect({ name, errors: at.errors }).toEqual({ name, errors: undefined });
      const past = await c.call(chars(c.text + 1));
      expect({ name, extensions: past.errors?.[0]?.extensions }).toEqual({
        name,
        extensions: { code: "BAD_USER_INPUT", field: c.field, rule: c.rule ?? "R-PUB-19", limit: "textLength", max: c.text },
      });
      expect(past.errors?.[0]?.message).toContain(`at most ${c.text} characters (has ${c.text + 1})`);
      seen.push(name);
    }
    expect(seen.length).toBeGreaterThan(15);
  });

  it("R-PUB-19: codes and identifiers (checked against a list or a pattern) refuse a far too long value as BAD_USER_INPUT", async () => {
    for (const [name, c] of Object.entries(cases)) {
      if (!("code" in c)) continue;
      const reply = await c.call("X".repeat(1000));
      expect({ name, code: reply.errors?.[0]?.extensions?.code }).toEqual({ name, code: "BAD_USER_INPUT" });
    }
  });
});
