import { createHarness, Harness, UAI } from "../support/harness";
import { LiveServer, startServer } from "../http/client";
import { BOUND } from "../../src/common/bounds";
import { Lsu1dSpec, Lsu2dSpec, SOCLE_CODES, writeLsu1d, writeLsu2d } from "../../src/modules/import/lsu-writer";

// Imports go through POST /imports/lsu as school software sends them; batches are read back through the graph.
let h: Harness;
let live: LiveServer;
let head: string;

const q = (sql: string, params: unknown[] = []) => h.db.dataSource.query(sql, params);

async function setClass(uai: string, year: number, code: string, dataSource: string | null, positioningType: string | null) {
  const id = await h.ids.class(uai, year, code);
  await q("UPDATE school_class SET dataSource = ?, positioningType = ? WHERE id = ?", [dataSource, positioningType, id]);
}

async function setPupilId(ine: string, uai: string, year: number, schoolPupilId: number) {
  const studentId = await h.ids.student(ine);
  const schoolId = await h.ids.school(uai);
  await q("UPDATE enrolment SET schoolPupilId = ? WHERE studentId = ? AND schoolId = ? AND schoolYear = ?", [schoolPupilId, studentId, schoolId, year]);
}

async function post(token: string | null, xml: string, contentType = "application/xml") {
  return live.request("/imports/lsu", {
    method: "POST",
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": contentType },
    body: xml,
  });
}

const count = async (table: string, where = "1=1", params: unknown[] = []) => Number((await q(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);

const collegeFile = (overrides: Partial<Lsu2dSpec> = {}): Lsu2dSpec => ({
  uai: UAI.hugo,
  year: 2026,
  periodCount: 3,
  editor: "Index Éducation",
  application: "Pronote",
  applicationVersion: "2026.1",
  head: "Marc Rousseau",
  disciplines: [
    { code: "061300", label: "Mathématiques" },
    { code: "020700", label: "Français" },
  ],
  teachers: [
    { stsId: 1001, civility: "M", surname: "Fontaine", firstName: "Pierre" },
    { stsId: 1002, civility: "MME", surname: "Mathieu", firstName: "Camille" },
  ],
  pupils: [
    { idBe: 501, surname: "Martin", firstName: "Hugo", division: "6A" },
    { idBe: 502, surname: "Garcia", firstName: "Inès", division: "6A" },
    { idBe: 503, surname: "Bernard", firstName: "Lucas", division: "5A" },
    { idBe: 505, surname: "Mercier", firstName: "Adam", division: "3A" },
    { idBe: 599, surname: "Inconnu", firstName: "Élève", division: "6A" },
    { idBe: 501, surname: "Martin", firstName: "Hugo", division: "6Z" },
  ].map((p, i) => ({ ...p, idBe: i === 5 ? 601 : p.idBe })),
  reports: [
    {
      pupil: 0,
      period: 1,
      lockedAt: "2026-12-03T17:30:00",
      synthesis: "Un bon trimestre.",
      entries: [
        { discipline: 0, teacher: 0, positioning: 3, appreciation: "Solide en calcul.", elements: ["Fractions", "Proportionnalité"] },
        { discipline: 1, teacher: 1, positioning: 2 },
      ],
      parcours: [{ code: "PAR_AVN", text: "Visite d'entreprise" }],
      supportMeasures: [{ code: "PPRE", details: "Soutien en lecture" }],
      schoolLife: { late: 2, justified: 4, unjustified: 1, comment: "Assidu." },
    },
    { pupil: 1, period: 1, synthesis: "Trimestre correct.", entries: [{ discipline: 0, teacher: 0, positioning: 4 }], schoolLife: { late: 0, justified: 0, unjustified: 0 } },
    { pupil: 2, period: 1, synthesis: "5A est en saisie.", entries: [{ discipline: 0, teacher: 0, average: "12.5" }], schoolLife: { late: 0, justified: 0, unjustified: 0 } },
    { pupil: 3, period: 1, synthesis: "3A sans périodes.", entries: [{ discipline: 0, teacher: 0, positioning: 2 }], schoolLife: { late: 0, justified: 0, unjustified: 0 } },
    { pupil: 4, period: 1, synthesis: "Élève inconnu.", entries: [{ discipline: 0, teacher: 0, positioning: 2 }], schoolLife: { late: 0, justified: 0, unjustified: 0 } },
    { pupil: 5, period: 1, synthesis: "Classe inconnue.", entries: [{ discipline: 0, teacher: 0, positioning: 2 }], schoolLife: { late: 0, justified: 0, unjustified: 0 } },
  ],
  cycleReports: [],
  ...overrides,
});

const ecoleFile = (overrides: Partial<Lsu1dSpec> = {}): Lsu1dSpec => ({
  uai: UAI.moulin,
  year: 2026,
  editor: "Beneylu",
  application: "School",
  director: { civility: "MME", surname: "Lambert", firstName: "Anne" },
  classes: [{ ondeId: 9001, label: "CP" }],
  periods: [
    { startsOn: "2026-09-01", endsOn: "2026-11-30" },
    { startsOn: "2026-12-01", endsOn: "2027-03-06" },
    { startsOn: "2027-03-07", endsOn: "2027-07-04" },
  ],
  teachers: [
    { civility: "MME", surname: "Chevalier", firstName: "Emma" },
    { civility: "M", surname: "Personne", firstName: "Paul" },
  ],
  pupils: [
    { ine: "1000000001A", surname: "Martin", firstName: "Léa", class: 0 },
    { ine: "1000000002B", surname: "Petit", firstName: "Noah", class: 0 },
  ],
  reports: [
    {
      pupil: 0,
      period: 1,
      teachers: [0],
      lockedAt: "2026-12-01T09:00:00",
      synthesis: "Léa progresse.",
      entries: [{ domain: "FRA-RAC", appreciation: "Lit des mots simples.", subdomains: [{ domain: "FRA-LEC", positioning: 3 }] }],
    },
    { pupil: 1, period: 1, teachers: [0, 1], lockedAt: "2026-12-01T09:00:00", synthesis: "Noah est attentif.", entries: [{ domain: "MAT-RAC", positioning: 2 }], supportMeasures: [{ code: "PAI" }] },
  ],
  ...overrides,
});

beforeAll(async () => {
  h = await createHarness("lsu_import", { config: { importMaxBytes: 2_000_000 } });
  live = await startServer(h);
  head = await h.token("head.hugo");
  await setClass(UAI.hugo, 2026, "6A", "IMPORT", "SCALE");
  await setClass(UAI.hugo, 2026, "5A", "ENTRY", "GRADES");
  await setClass(UAI.hugo, 2026, "3A", "IMPORT", "SCALE");
  await setClass(UAI.hugo, 2025, "6A", "IMPORT", "SCALE");
  await setClass(UAI.moulin, 2026, "CP", "IMPORT", "OBJECTIVES");
  await setPupilId("2000000001A", UAI.hugo, 2026, 501);
  await setPupilId("2000000002B", UAI.hugo, 2026, 502);
  await setPupilId("2000000003C", UAI.hugo, 2026, 503);
  await setPupilId("2000000005E", UAI.hugo, 2026, 505);
  await setPupilId("2000000003C", UAI.hugo, 2025, 503);
});

afterAll(async () => {
  await live.server.stop();
  await h.close();
});

const BATCH_FIELDS = `id degree schemaVersion editor application applicationVersion fileSha256 importedCount warningCount rejectedCount replacedCount
  importedBy { surname } outcomes { position kind outcome pupil period line periodicReportId messages { code rule pupil period element line } }`;

describe("POST /imports/lsu (2D)", () => {
  let batchId: string;
  const xml = writeLsu2d(collegeFile());

  it("R-PUB-10: rejects each faulty report on its own and imports the others", async () => {
    const reply = await post(head, xml);
    expect(reply.status).toBe(201);
    const batch = (reply.body as any).batch;
    batchId = String(batch.id);
    const byPosition = batch.outcomes.map((o: any) => [o.outcome, o.messages.map((m: any) => m.code).join(",")]);
    expect(byPosition).toEqual([
      ["IMPORTED", ""],
      ["IMPORTED", ""],
      ["REJECTED", "SETTINGS_MISMATCH"],
      ["REJECTED", "PERIODS_NOT_CONFIGURED"],
      ["REJECTED", "NOT_FOUND"],
      ["REJECTED", "CLASS_NOT_FOUND"],
    ]);
    expect(batch).toMatchObject({ importedCount: 2, rejectedCount: 4, editor: "Index Éducation", application: "Pronote", applicationVersion: "2026.1", degree: "SECOND" });
    expect(batch.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(batch.outcomes[2].messages[0]).toMatchObject({ rule: "R-SEED-05", pupil: "503", period: 1, element: "lsun-bilans/donnees/bilans-periodiques/bilan-periodique" });
    expect(batch.outcomes[3].messages[0].rule).toBe("R-SEED-01");
    expect(batch.outcomes[2].messages[0].line).toBeGreaterThan(1);
  });

  it("R-PUB-04: imported reports arrive LOCKED with the file's lock date, written whole", async () => {
    const [report] = await q("SELECT * FROM periodic_report WHERE studentId = ?", [await h.ids.student("2000000001A")]);
    expect(report.status).toBe("LOCKED");
    expect(report.source).toBe("IMPORT");
    expect(new Date(report.lockedAt + (String(report.lockedAt).endsWith("Z") || report.lockedAt instanceof Date ? "" : "Z")).toISOString()).toBe("2026-12-03T17:30:00.000Z");
    expect(report.synthesis).toBe("Un bon trimestre.");
    expect([report.lateCount, report.justifiedAbsences, report.unjustifiedAbsences, report.schoolLifeComment]).toEqual([2, 4, 1, "Assidu."]);
    const entries = await q("SELECT id, subjectCode, positioning, appreciation FROM report_entry WHERE reportId = ? ORDER BY subjectCode", [report.id]);
    expect(entries.map((e: any) => [e.subjectCode, e.positioning, e.appreciation])).toEqual([
      ["020700", 2, null],
      ["061300", 3, "Solide en calcul."],
    ]);
    const maths = entries.find((e: any) => e.subjectCode === "061300");
    expect((await q("SELECT label FROM report_entry_element WHERE entryId = ? ORDER BY label", [maths.id])).map((r: any) => r.label)).toEqual(["Fractions", "Proportionnalité"]);
    const [teacher] = await q("SELECT a.login FROM report_entry_teacher t JOIN account a ON a.id = t.accountId WHERE t.entryId = ?", [maths.id]);
    expect(teacher.login).toBe("teacher.maths");
    expect(await count("report_parcours", "reportId = ? AND code = 'PAR_AVN'", [report.id])).toBe(1);
    expect(await count("report_support_measure", "reportId = ? AND code = 'PPRE'", [report.id])).toBe(1);
    // Without a date-verrou (7.0 makes it optional), the import's own time is the lock date.
    const [second] = await q("SELECT status, lockedAt FROM periodic_report WHERE studentId = ?", [await h.ids.student("2000000002B")]);
    expect(second.status).toBe("LOCKED");
    expect(second.lockedAt).not.toBeNull();
  });

  it("R-NEW-02: the batch and each written report leave audit events", async () => {
    expect(await count("audit_event", "action = 'IMPORT_LSU' AND entityId = ?", [batchId])).toBe(1);
    expect(await count("audit_event", "action = 'IMPORT_REPORT'")).toBe(2);
  });

  it("re-importing the same file changes nothing and says so", async () => {
    const before = await count("periodic_report");
    const reply = await post(head, xml);
    expect(reply.status).toBe(200);
    expect((reply.body as any).unchanged).toBe(true);
    expect(String((reply.body as any).batch.id)).toBe(batchId);
    expect(await count("periodic_report")).toBe(before);
    expect(await count("import_batch")).toBe(1);
  });

  it("R-NEW-01: a newer file replaces what an import wrote, keeps an archive, and never touches typed-in reports", async () => {
    const hugo = await h.ids.student("2000000001A");
    const [old] = await q("SELECT id FROM periodic_report WHERE studentId = ?", [hugo]);
    // A typed-in report of the same class (written before the class moved to IMPORT) stays as it is.
    const ines = await h.ids.student("2000000002B");
    await q("UPDATE periodic_report SET source = 'ENTRY', synthesis = 'Saisi à la main' WHERE studentId = ?", [ines]);
    const spec = collegeFile();
    spec.reports = spec.reports.slice(0, 2).map((r) => ({ ...r, synthesis: `${r.synthesis} (corrigé)` }));
    const reply = await post(head, writeLsu2d(spec));
    expect(reply.status).toBe(201);
    const batch = (reply.body as any).batch;
    expect(batch.outcomes.map((o: any) => o.outcome)).toEqual(["IMPORTED", "REJECTED"]);
    expect(batch.outcomes[1].messages[0]).toMatchObject({ code: "SETTINGS_MISMATCH", rule: "R-SEED-05" });
    expect(batch.replacedCount).toBe(1);
    const [now] = await q("SELECT id, synthesis FROM periodic_report WHERE studentId = ?", [hugo]);
    expect(now.synthesis).toBe("Un bon trimestre. (corrigé)");
    const [archive] = await q("SELECT reportId, `rows` FROM import_replaced_report");
    expect(archive.reportId).toBe(old.id);
    const rows = JSON.parse(archive.rows);
    expect(rows.periodic_report[0].synthesis).toBe("Un bon trimestre.");
    expect(rows.report_entry).toHaveLength(2);
    expect(rows.report_entry_element).toHaveLength(2);
    expect((await q("SELECT synthesis FROM periodic_report WHERE studentId = ?", [ines]))[0].synthesis).toBe("Saisi à la main");
  });

  it("R-SEED-09: reports of an earlier year are rejected with PAST_YEAR", async () => {
    const spec = collegeFile({ year: 2025, pupils: [{ idBe: 503, surname: "Bernard", firstName: "Lucas", division: "6A" }] });
    spec.reports = [{ ...spec.reports[0], pupil: 0 }];
    spec.periodCount = 2;
    const reply = await post(head, writeLsu2d(spec));
    expect(reply.status).toBe(201);
    expect((reply.body as any).batch.outcomes[0].messages[0]).toMatchObject({ code: "PAST_YEAR", rule: "R-SEED-09" });
  });

  it("R-PUB-20: end-of-cycle reports are imported locked with their 8 components", async () => {
    const spec = collegeFile({ reports: [] });
    spec.cycleReports = [{ pupil: 0, cycle: 3, lockedAt: "2027-06-30", components: SOCLE_CODES.map((code, i) => ({ code, level: (i % 4) + 1 })), synthesis: "Cycle 3 validé." }];
    const reply = await post(head, writeLsu2d(spec));
    expect(reply.status).toBe(201);
    const id = (reply.body as any).batch.outcomes[0].cycleReportId;
    expect(id).not.toBeNull();
    const [report] = await q("SELECT status, synthesis FROM cycle_report WHERE id = ?", [id]);
    expect(report).toMatchObject({ status: "LOCKED", synthesis: "Cycle 3 validé." });
    expect(await count("cycle_report_component", "cycleReportId = ?", [id])).toBe(8);
  });

  it("reads batches back through the graph: importBatch(id) and school { importBatches }", async () => {
    const one = await h.data("head.hugo", `query($id: ID!) { importBatch(id: $id) { ${BATCH_FIELDS} } }`, { id: batchId });
    expect(one.importBatch).toMatchObject({ id: batchId, importedCount: 2, rejectedCount: 4, importedBy: { surname: "Rousseau" } });
    expect(one.importBatch.outcomes[5].messages[0]).toMatchObject({ code: "CLASS_NOT_FOUND", rule: "R-PUB-10", pupil: "601", period: 1 });
    const schoolId = await h.ids.school(UAI.hugo);
    const page1 = await h.data("head.hugo", `query($id: ID!) { school(id: $id) { importBatches(first: 2) { totalCount hasNextPage endCursor items { id } } } }`, { id: schoolId });
    const p = page1.school.importBatches;
    expect(p.totalCount).toBe(4);
    expect(p.hasNextPage).toBe(true);
    const page2 = await h.data("head.hugo", `query($id: ID!, $after: String) { school(id: $id) { importBatches(first: 2, after: $after) { hasNextPage items { id } } } }`, {
      id: schoolId,
      after: p.endCursor,
    });
    expect(page2.school.importBatches.items.map((b: any) => b.id)).toContain(batchId);
    expect(page2.school.importBatches.hasNextPage).toBe(false);
  });

  it("another school's lead or a teacher sees no batch: missing and invisible answer alike", async () => {
    const other = await h.run("director.moulin", `query($id: ID!) { importBatch(id: $id) { id } }`, { id: batchId });
    const missing = await h.run("director.moulin", `query($id: ID!) { importBatch(id: $id) { id } }`, { id: "999999" });
    expect(other.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(other.errors?.[0].message).toBe(missing.errors?.[0].message);
    const teacher = await h.run("teacher.maths", `query($id: ID!) { importBatch(id: $id) { id } }`, { id: batchId });
    expect(teacher.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("POST /imports/lsu: who, and refused files", () => {
  it("refuses a caller without a token, a teacher, another school's lead, and a school the caller cannot see", async () => {
    const xml = writeLsu2d(collegeFile({ reports: [] }));
    expect((await post(null, xml)).status).toBe(401);
    const teacher = await post(await h.token("teacher.maths"), xml);
    expect([teacher.status, teacher.body.errors?.[0].extensions?.code]).toEqual([403, "FORBIDDEN"]);
    const otherLead = await post(await h.token("director.parc"), xml);
    expect([otherLead.status, otherLead.body.errors?.[0].extensions?.code]).toEqual([404, "NOT_FOUND"]);
    const missing = await post(head, writeLsu2d(collegeFile({ uai: "9999999Z", reports: [] })));
    expect([missing.status, missing.body.errors?.[0].message]).toEqual([404, otherLead.body.errors?.[0].message]);
  });

  it("R-PUB-10: a file that breaks the schema is refused whole, with line, element and rule, and nothing is written", async () => {
    const before = await count("import_batch");
    const xml = writeLsu2d(collegeFile()).replace('nb-retards="2"', 'nb-retards="1000"').replace("<acquis-conseils>Trimestre correct.</acquis-conseils>", "");
    const reply = await post(head, xml);
    expect(reply.status).toBe(422);
    const problems = reply.body.errors?.[0].extensions?.problems;
    expect(problems.map((p: any) => p.rule)).toEqual(["maxInclusive", "content", "content"]);
    expect(problems[0]).toMatchObject({ element: "lsun-bilans/donnees/bilans-periodiques/bilan-periodique/vie-scolaire/@nb-retards" });
    expect(problems[0].line).toBe(xml.split("\n").findIndex((l) => l.includes('nb-retards="1000"')) + 1);
    expect(await count("import_batch")).toBe(before);
    const broken = await post(head, "<lsun-bilans");
    expect([broken.status, broken.body.errors?.[0].extensions?.problems[0].rule]).toEqual([422, "well-formed"]);
  });

  it("refuses a 1D file for a collège, a wrong content type and a file over the limit", async () => {
    const oneD = await post(head, writeLsu1d(ecoleFile({ uai: UAI.hugo })));
    expect([oneD.status, oneD.body.errors?.[0].extensions?.problems[0].rule]).toEqual([422, "degree"]);
    expect((await post(head, writeLsu2d(collegeFile()), "application/json")).status).toBe(415);
    const big = await post(head, `${writeLsu2d(collegeFile())}${" ".repeat(h.config.importMaxBytes)}`);
    expect(big.status).toBe(413);
  });
});

describe("POST /imports/lsu (1D)", () => {
  it("R-PUB-10: imports with UNKNOWN_TEACHER and SUPPORT_MEASURES_IGNORED warnings, reference teachers joined", async () => {
    const reply = await post(await h.token("director.moulin"), writeLsu1d(ecoleFile()));
    expect(reply.status).toBe(201);
    const outcomes = (reply.body as any).batch.outcomes;
    expect(outcomes.map((o: any) => o.outcome)).toEqual(["IMPORTED", "IMPORTED_WITH_WARNINGS"]);
    expect(outcomes[1].messages.map((m: any) => m.code)).toEqual(["UNKNOWN_TEACHER", "SUPPORT_MEASURES_IGNORED"]);
    const lea = outcomes[0].periodicReportId;
    expect((await q("SELECT subjectCode, positioning FROM report_entry WHERE reportId = ? ORDER BY subjectCode", [lea])).map((e: any) => [e.subjectCode, e.positioning])).toEqual([
      ["FRA-LEC", 3],
      ["FRA-RAC", null],
    ]);
    const [ref] = await q("SELECT a.login FROM report_reference_teacher r JOIN account a ON a.id = r.accountId WHERE r.reportId = ?", [lea]);
    expect(ref.login).toBe("teacher.cp");
    expect(await count("report_support_measure", "reportId = ?", [outcomes[1].periodicReportId])).toBe(0);
  });

  it("R-PUB-10: PERIOD_DATES_MISMATCH when the file's periods are not the class's", async () => {
    const spec = ecoleFile();
    spec.periods = [...spec.periods];
    spec.periods[1] = { startsOn: "2026-12-02", endsOn: "2027-03-06" };
    spec.reports = spec.reports.map((r) => ({ ...r, synthesis: `${r.synthesis} bis` }));
    const reply = await post(await h.token("director.moulin"), writeLsu1d(spec));
    expect((reply.body as any).batch.outcomes.map((o: any) => o.messages[0]?.code)).toEqual(["PERIOD_DATES_MISMATCH", "PERIOD_DATES_MISMATCH"]);
  });
});

describe("POST /imports/lsu: the graph's list bounds hold for imported reports (src/common/bounds.ts)", () => {
  // The demo knows 10 collège subjects: enough more for a report at its bound of subjects.
  const extra = Array.from({ length: BOUND.entriesPerReport + 1 }, (_, i) => `9200${String(i).padStart(2, "0")}`);
  beforeAll(async () => {
    for (const code of extra) await q("INSERT INTO subject (code, label, degree, parentCode) VALUES (?, ?, 'SECOND', NULL)", [code, `Matière ${code}`]);
  });
  const life = { late: 0, justified: 0, unjustified: 0 };
  const labels = (n: number) => Array.from({ length: n }, (_, i) => `Élément borné ${i}`);

  it(`R-PUB-19: a report past ${BOUND.entriesPerReport} subjects, ${BOUND.pupilProgramElementsPerEntry} elements or ${BOUND.teachersPerEntry} teachers in an entry is rejected; one at each bound is imported`, async () => {
    const spec = collegeFile({
      disciplines: extra.map((code) => ({ code, label: `Matière ${code}` })),
      teachers: Array.from({ length: BOUND.teachersPerEntry + 1 }, (_, i) => ({ stsId: 3000 + i, civility: "M" as const, surname: `Prof${i}`, firstName: "Borne" })),
      reports: [
        [0, 1, { entries: extra.map((_, d) => ({ discipline: d, teacher: 0, positioning: 2 })) }],
        [0, 2, { entries: extra.slice(0, BOUND.entriesPerReport).map((_, d) => ({ discipline: d, teacher: 0, positioning: 2 })) }],
        // (1, 1) was typed in by an earlier test: only rejections may go there.
        [1, 1, { entries: [{ discipline: 0, teacher: 0, positioning: 2, elements: labels(BOUND.pupilProgramElementsPerEntry + 1) }] }],
        [0, 3, { entries: [{ discipline: 0, teacher: 0, positioning: 2, elements: labels(BOUND.pupilProgramElementsPerEntry) }] }],
        [1, 2, { entries: [{ discipline: 0, teacher: 0, teachers: Array.from({ length: BOUND.teachersPerEntry + 1 }, (_, t) => t), positioning: 2 }] }],
        [1, 3, { entries: [{ discipline: 0, teacher: 0, teachers: Array.from({ length: BOUND.teachersPerEntry }, (_, t) => t), positioning: 2 }] }],
      ].map(([pupil, period, r]) => ({ pupil: pupil as number, period: period as number, synthesis: `Bornes ${pupil}-${period}.`, schoolLife: life, ...(r as object) })) as Lsu2dSpec["reports"],
    });
    const reply = await post(head, writeLsu2d(spec));
    expect(reply.status).toBe(201);
    const outcomes = (reply.body as any).batch.outcomes;
    expect(outcomes.map((o: any) => o.outcome)).toEqual(["REJECTED", "IMPORTED", "REJECTED", "IMPORTED", "REJECTED", "IMPORTED"]);
    for (const [i, bound] of [[0, "entriesPerReport"], [2, "pupilProgramElementsPerEntry"], [4, "teachersPerEntry"]] as const) {
      expect(outcomes[i].messages).toEqual([expect.objectContaining({ code: "BAD_USER_INPUT", rule: "R-PUB-19" })]);
      expect(outcomes[i].messages[0].message).toContain(`(${bound})`);
    }
    expect(outcomes[0].messages[0].element).toBe("lsun-bilans/donnees/bilans-periodiques/bilan-periodique/liste-acquis");
    expect(outcomes[2].messages[0].element).toBe("lsun-bilans/donnees/bilans-periodiques/bilan-periodique/liste-acquis/acquis/@element-programme-refs");
    expect(outcomes[2].messages[0].line).toBeGreaterThan(outcomes[2].line);
    expect(await count("report_entry", "reportId = ?", [outcomes[1].periodicReportId])).toBe(BOUND.entriesPerReport);
    expect(await count("report_entry_element e JOIN report_entry r ON r.id = e.entryId", "r.reportId = ?", [outcomes[3].periodicReportId])).toBe(BOUND.pupilProgramElementsPerEntry);
  });

  it(`R-PUB-19: a file of more than ${BOUND.reportsPerImportFile} reports is refused whole, naming the bound`, async () => {
    const before = await count("import_batch");
    const pupils = Math.ceil((BOUND.reportsPerImportFile + 1) / 3);
    const xml = writeLsu2d(
      collegeFile({
        pupils: Array.from({ length: pupils }, (_, i) => ({ idBe: 20_000 + i, surname: "N", firstName: "P", division: "6A" })),
        reports: Array.from({ length: BOUND.reportsPerImportFile + 1 }, (_, k) => ({
          pupil: k % pupils,
          period: Math.floor(k / pupils) + 1,
          synthesis: "x",
          entries: [{ discipline: 0, teacher: 0, positioning: 2 }],
          schoolLife: life,
        })),
      }),
    );
    expect(Buffer.byteLength(xml)).toBeLessThan(h.config.importMaxBytes);
    const reply = await post(head, xml);
    expect(reply.status).toBe(422);
    const [problem] = reply.body.errors?.[0].extensions?.problems;
    expect(problem).toMatchObject({ rule: "R-PUB-19", element: "lsun-bilans/donnees" });
    expect(problem.message).toContain(`at most ${BOUND.reportsPerImportFile}`);
    expect(await count("import_batch")).toBe(before);
  });
});
