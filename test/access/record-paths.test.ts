import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { createHarness, Harness, onlyError, UAI } from "../support/harness";

/**
 * What each persona reads of a pupil's record by every path (SPEC §2, R-SEED-12): a report by id, a
 * class's reports and the pupil's own list agree, because one function (report.policy) decides.
 */
const REPORT = `id schoolYear synthesis entries { subject { code } appreciation } supportMeasures { code } schoolLife { lateCount }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdatePeriodicReportInput!) { updatePeriodicReport(id: $id, expectedVersion: $v, input: $input) { version } }`;

describe("a pupil's record by every path", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("record_paths", { demoReports: true });
  });
  afterAll(() => h.close());

  const reportId = async (ine: string, year: number): Promise<{ id: string; version: number }> => {
    const [row] = await h.db.dataSource.query(
      "SELECT r.id, r.version FROM periodic_report r JOIN student s ON s.id = r.studentId WHERE s.ine = ? AND r.schoolYear = ? ORDER BY r.id LIMIT 1",
      [ine, year],
    );
    return { id: String(row.id), version: Number(row.version) };
  };

  describe("a teacher of the pupil's group only (SPEC §2)", () => {
    // Manon Lefebvre: 4A this year, in the LATIN group taught by teacher.latin (020300); 5A in 2025.
    const MANON = "2000000004D";
    let current: { id: string; version: number };
    beforeAll(async () => {
      current = await reportId(MANON, 2026);
      await h.data("head.hugo", UPDATE, {
        id: current.id,
        v: current.version,
        input: {
          synthesis: "Trimestre solide.",
          entries: [{ subjectCode: "020300", appreciation: "Latin : bien." }, { subjectCode: "020700", appreciation: "Français : bien." }],
          supportMeasures: [{ code: "PAP" }],
        },
      });
    });

    it("SPEC §2: reads their subject's entry of this year's report by id, no other subject, no synthesis, no support measures", async () => {
      const data = await h.data("teacher.latin", `query($id: ID!) { periodicReport(id: $id) { ${REPORT} } }`, { id: current.id });
      expect(data.periodicReport).toEqual({
        id: current.id,
        schoolYear: 2026,
        synthesis: null,
        entries: [{ subject: { code: "020300" }, appreciation: "Latin : bien." }],
        supportMeasures: [],
        schoolLife: null,
      });
    });

    it("SPEC §2: the pupil's own list gives the same view, without past years or guardians", async () => {
      const data = await h.data(
        "teacher.latin",
        `query($id: ID!) { student(id: $id) { periodicReports { ${REPORT} } guardians { surname } cycleReports { cycle } } }`,
        { id: await h.ids.student(MANON) },
      );
      expect(data.student).toEqual({
        periodicReports: [
          { id: current.id, schoolYear: 2026, synthesis: null, entries: [{ subject: { code: "020300" }, appreciation: "Latin : bien." }], supportMeasures: [], schoolLife: null },
        ],
        guardians: [],
        cycleReports: [],
      });
    });

    it("SPEC §2: a past year's report answers like a missing one", async () => {
      const past = await reportId(MANON, 2025);
      const query = `query($id: ID!) { periodicReport(id: $id) { id } }`;
      expect(await h.run("teacher.latin", query, { id: past.id })).toEqual(await h.run("teacher.latin", query, { id: "987654" }));
    });

    it("the class's teachers and its HEAD still read the whole report", async () => {
      for (const login of ["head.hugo", "teacher.maths"]) {
        const data = await h.data(login, `query($id: ID!) { periodicReport(id: $id) { ${REPORT} } }`, { id: current.id });
        expect([login, data.periodicReport.synthesis, data.periodicReport.entries.length, data.periodicReport.supportMeasures]).toEqual([
          login,
          "Trimestre solide.",
          3,
          [{ code: "PAP" }],
        ]);
      }
    });
  });

  describe("a 1D teacher assigned some domains of a class", () => {
    beforeAll(async () => {
      await loadDirectoryText(
        h.db.dataSource,
        JSON.stringify({
          format: "livret-directory/1",
          staff: [{ login: "teacher.eps", surname: "Sport", firstName: "Eva", roles: [{ role: "TEACHER", school: UAI.moulin }] }],
          assignments: [{ login: "teacher.eps", school: UAI.moulin, schoolYear: 2026, class: "CP", subject: "EPS-RAC" }],
        }),
      );
    });

    it("edits the domain they are assigned (EPS-RAC) and is refused another (FRA-RAC); the class teacher edits every domain", async () => {
      // Noah Petit, CP, draft report of period 1.
      const report = await reportId("1000000002B", 2026);
      const refused = await h.run("teacher.eps", UPDATE, { id: report.id, v: report.version, input: { entries: [{ subjectCode: "FRA-RAC", appreciation: "x" }] } });
      expect(onlyError(refused).extensions?.code).toBe("FORBIDDEN");
      const eps = await h.data("teacher.eps", UPDATE, { id: report.id, v: report.version, input: { entries: [{ subjectCode: "EPS-RAC", appreciation: "Agile." }] } });
      expect(eps.updatePeriodicReport.version).toBe(report.version + 1);
      const fra = await h.data("teacher.cp", UPDATE, { id: report.id, v: report.version + 1, input: { entries: [{ subjectCode: "FRA-RAC", appreciation: "Lit bien." }] } });
      expect(fra.updatePeriodicReport.version).toBe(report.version + 2);
    });
  });
});
