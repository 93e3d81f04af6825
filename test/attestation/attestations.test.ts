import { BOUND } from "../../src/common/bounds";
import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { countStatements, createHarness, Harness, onlyError, UAI } from "../support/harness";

const INE = {
  lea: "1000000001A", // CP, École Jean Moulin; guardian parent.martin
  eloise: "1000000004D", // CE2, Jean Moulin; guardian parent.durand (EduConnect inactive)
  chloe: "1000000006F", // CM2, Jean Moulin; demo APER
  hugo: "2000000001A", // 6A, collège; group ANG-G1
  ines: "2000000002B", // 6A, collège; came from the École du Parc (academy A02), not transferred
  lucas: "2000000003C", // 5A + LATIN; guardian parent.bernard; demo PSC1
  manon: "2000000004D", // 4A + LATIN; demo ASSR1 (2025)
  adam: "2000000005E", // 3A; demo Pix
} as const;

const RECORD = `mutation($s: ID!, $t: AttestationType!, $d: LocalDate!) {
  recordAttestation(studentId: $s, type: $t, obtainedOn: $d) { id type obtainedOn schoolYear school { uai } } }`;
const PIX = `mutation($input: RecordPixCertificationInput!) {
  recordPixCertification(input: $input) { id certifiedOn score version schoolYear school { uai } competences { competence level } } }`;
const READ = `query($id: ID!) { student(id: $id) {
  surname
  attestations { type obtainedOn schoolYear school { uai } }
  pixCertifications { certifiedOn score version competences { competence level } }
} }`;

describe("attestations and Pix certifications", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("attestations", { demoReports: true });
  });
  afterAll(() => h.close());

  const count = async (sql: string, params: unknown[] = []) => Number((await h.db.dataSource.query(sql, params))[0].n);
  const audits = (action: string) => count("SELECT COUNT(*) AS n FROM audit_event WHERE action = ?", [action]);
  const accountId = async (login: string) => count("SELECT id AS n FROM account WHERE login = ?", [login]);
  const read = async (login: string, ine: string) => (await h.data(login, READ, { id: await h.ids.student(ine) })).student;
  const pixInput = async (ine: string, overrides: Record<string, unknown> = {}) => ({
    studentId: await h.ids.student(ine),
    certifiedOn: "2026-11-05",
    score: 380,
    competences: [
      { competence: "1.1", level: 3 },
      { competence: "2.1", level: 4 },
      { competence: "5.2", level: 2 },
    ],
    ...overrides,
  });

  describe("reading", () => {
    beforeAll(async () => {
      // A Pix result for each LATIN pupil, imported by the collège's HEAD.
      await h.data("head.hugo", PIX, { input: await pixInput(INE.lucas) });
      await h.data("head.hugo", PIX, { input: await pixInput(INE.manon, { certifiedOn: "2026-10-01", score: 512 }) });
    });

    it("R-SEED-17: a teacher who teaches only the LATIN group reads its pupils' attestations and Pix certifications", async () => {
      const lucas = await read("teacher.latin", INE.lucas);
      expect(lucas.attestations).toEqual([{ type: "PSC1", obtainedOn: "2026-11-13", schoolYear: 2026, school: { uai: UAI.hugo } }]);
      expect(lucas.pixCertifications).toEqual([
        {
          certifiedOn: "2026-11-05",
          score: 380,
          version: 1,
          competences: [
            { competence: "1.1", level: 3 },
            { competence: "2.1", level: 4 },
            { competence: "5.2", level: 2 },
          ],
        },
      ]);
      const manon = await read("teacher.latin", INE.manon);
      expect(manon.attestations).toEqual([{ type: "ASSR1", obtainedOn: "2026-05-21", schoolYear: 2025, school: { uai: UAI.hugo } }]);
      expect(manon.pixCertifications.map((c: { score: number }) => c.score)).toEqual([512]);
    });

    it("R-SEED-17: …but not those of a pupil outside their groups, who answers NOT_FOUND", async () => {
      for (const ine of [INE.adam, INE.hugo, INE.chloe]) {
        const result = await h.run("teacher.latin", READ, { id: await h.ids.student(ine) });
        expect(onlyError(result).extensions?.code).toBe("NOT_FOUND");
        expect(result.data).toBeNull();
      }
    });

    it("R-SEED-12: staff of the pupil's school see the demo records: APER (école), Pix (collège)", async () => {
      expect((await read("director.moulin", INE.chloe)).attestations).toEqual([
        { type: "APER", obtainedOn: "2026-10-16", schoolYear: 2026, school: { uai: UAI.moulin } },
      ]);
      const adam = await read("head.hugo", INE.adam);
      expect(adam.attestations).toEqual([]);
      expect(adam.pixCertifications).toHaveLength(1);
      expect(adam.pixCertifications[0]).toMatchObject({ certifiedOn: "2026-11-20", score: 412, version: 1 });
      expect(adam.pixCertifications[0].competences).toHaveLength(16);
    });

    it("R-SEED-13: a guardian reads their own child's attestations; nothing while EduConnect is inactive", async () => {
      await h.data("teacher.cp", RECORD, { s: await h.ids.student(INE.lea), t: "APER", d: "2026-11-02" });
      expect((await read("parent.martin", INE.lea)).attestations).toEqual([
        { type: "APER", obtainedOn: "2026-11-02", schoolYear: 2026, school: { uai: UAI.moulin } },
      ]);
      await h.data("director.moulin", RECORD, { s: await h.ids.student(INE.eloise), t: "ASSN", d: "2026-10-20" });
      const inactive = await h.run("parent.durand", READ, { id: await h.ids.student(INE.eloise) });
      expect(onlyError(inactive).extensions?.code).toBe("NOT_FOUND");
      // Not their child.
      const other = await h.run("parent.martin", READ, { id: await h.ids.student(INE.lucas) });
      expect(onlyError(other).extensions?.code).toBe("NOT_FOUND");
    });

    it("R-SEED-06: staff see only what was recorded in their academies; a guardian sees all of it (R-SEED-13)", async () => {
      // Inès obtained ASSN at the École du Parc (academy A02) last year; the collège (A01) records PSC1.
      const ines = Number(await h.ids.student(INE.ines));
      await h.db.dataSource.query("INSERT INTO attestation (studentId, type, obtainedOn, schoolId, schoolYear) VALUES (?, 'ASSN', '2026-06-12', ?, 2025)", [
        ines,
        Number(await h.ids.school(UAI.parc)),
      ]);
      await h.data("head.hugo", RECORD, { s: String(ines), t: "PSC1", d: "2026-11-20" });
      expect((await read("head.hugo", INE.ines)).attestations.map((a: { type: string }) => a.type)).toEqual(["PSC1"]);

      // A guardian of Inès, once the collège has opened its online service (R-SEED-11), sees both.
      await loadDirectoryText(
        h.db.dataSource,
        JSON.stringify({
          format: "livret-directory/1",
          guardians: [{ login: "parent.garcia", surname: "Garcia", firstName: "Rosa", educonnectActive: true, children: [{ ine: INE.ines }] }],
        }),
      );
      const closed = await h.run("parent.garcia", READ, { id: String(ines) });
      expect(onlyError(closed).extensions?.code).toBe("NOT_FOUND");
      await h.data("head.hugo", "mutation($id: ID!) { openOnlineService(schoolId: $id) { onlineServiceOpen } }", { id: await h.ids.school(UAI.hugo) });
      const guardian = await read("parent.garcia", INE.ines);
      expect(guardian.attestations).toEqual([
        { type: "ASSN", obtainedOn: "2026-06-12", schoolYear: 2025, school: { uai: UAI.parc } },
        { type: "PSC1", obtainedOn: "2026-11-20", schoolYear: 2026, school: { uai: UAI.hugo } },
      ]);
      // And parent.bernard now reads Lucas's record in the online service, Pix included.
      const lucas = await read("parent.bernard", INE.lucas);
      expect(lucas.attestations.map((a: { type: string }) => a.type)).toEqual(["PSC1"]);
      expect(lucas.pixCertifications.map((c: { score: number }) => c.score)).toEqual([380]);
    });

    it("R-NEW-02: a staff member's read of attestations or Pix leaves one READ_STUDENT_RECORD event; a guardian's none", async () => {
      const lucas = await h.ids.student(INE.lucas);
      const readsBy = async (login: string) =>
        count("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'READ_STUDENT_RECORD' AND studentId = ? AND actorAccountId = ?", [
          Number(lucas),
          await accountId(login),
        ]);
      const before = await readsBy("teacher.latin");
      await h.data("teacher.latin", "query($id: ID!) { student(id: $id) { pixCertifications { score } } }", { id: lucas });
      expect(await readsBy("teacher.latin")).toBe(before + 1);
      // Both fields in one request: still one event for the pupil.
      await h.data("teacher.latin", READ, { id: lucas });
      expect(await readsBy("teacher.latin")).toBe(before + 2);
      const [event] = await h.db.dataSource.query(
        "SELECT schoolId, entityType FROM audit_event WHERE action = 'READ_STUDENT_RECORD' AND actorAccountId = ? ORDER BY id DESC LIMIT 1",
        [await accountId("teacher.latin")],
      );
      expect({ schoolId: Number(event.schoolId), entityType: event.entityType }).toEqual({ schoolId: Number(await h.ids.school(UAI.hugo)), entityType: "Student" });

      const guardianBefore = await audits("READ_STUDENT_RECORD");
      await read("parent.bernard", INE.lucas);
      expect(await audits("READ_STUDENT_RECORD")).toBe(guardianBefore);
    });

    it("reads attestations and Pix of a whole class with a constant number of statements (no N+1)", async () => {
      const query = `query($id: ID!) { class(id: $id) { students {
        attestations { type school { uai } }
        pixCertifications { score school { uai } competences { competence level } }
      } } }`;
      const classId = await h.ids.class(UAI.hugo, 2026, "6A");
      const measure = async () => {
        let data: any;
        const statements = await countStatements(h, async () => {
          data = await h.data("head.hugo", query, { id: classId });
        });
        return { statements, data };
      };
      const first = await measure();
      for (const ine of [INE.hugo, INE.ines]) {
        for (const t of ["ASSN", "APER", "AER"]) await h.data("head.hugo", RECORD, { s: await h.ids.student(ine), t, d: "2026-09-20" });
        await h.data("head.hugo", PIX, { input: await pixInput(ine, { certifiedOn: "2026-11-18" }) });
        await h.data("head.hugo", PIX, { input: await pixInput(ine, { certifiedOn: "2026-11-19" }) });
      }
      const second = await measure();
      const rows = second.data.class.students.flatMap((s: { attestations: unknown[] }) => s.attestations);
      expect(rows.length).toBeGreaterThan(first.data.class.students.flatMap((s: { attestations: unknown[] }) => s.attestations).length);
      expect(second.statements).toBe(first.statements);
    });
  });

  describe("recording", () => {
    it("R-NEW-02: records an attestation with its audit event; recording the same type again replaces it", async () => {
      const adam = await h.ids.student(INE.adam);
      const before = await audits("RECORD_ATTESTATION");
      const first = (await h.data("teacher.francais", RECORD, { s: adam, t: "ASSR2", d: "2026-11-10" })).recordAttestation;
      expect(first).toMatchObject({ type: "ASSR2", obtainedOn: "2026-11-10", schoolYear: 2026, school: { uai: UAI.hugo } });
      const again = (await h.data("head.hugo", RECORD, { s: adam, t: "ASSR2", d: "2026-11-12" })).recordAttestation;
      expect(again.id).toBe(first.id);
      expect(again.obtainedOn).toBe("2026-11-12");
      expect(await count("SELECT COUNT(*) AS n FROM attestation WHERE studentId = ? AND type = 'ASSR2'", [Number(adam)])).toBe(1);
      expect(await audits("RECORD_ATTESTATION")).toBe(before + 2);
      const [event] = await h.db.dataSource.query(
        "SELECT entityType, entityId, schoolId, studentId, details FROM audit_event WHERE action = 'RECORD_ATTESTATION' ORDER BY id DESC LIMIT 1",
      );
      expect({ ...event, schoolId: Number(event.schoolId), studentId: Number(event.studentId) }).toEqual({
        entityType: "Attestation",
        entityId: first.id,
        schoolId: Number(await h.ids.school(UAI.hugo)),
        studentId: Number(adam),
        details: JSON.stringify({ type: "ASSR2", replaced: true }),
      });
    });

    it("R-NEW-02: imports a Pix result with its audit event; the same date again replaces it and bumps its version", async () => {
      const before = await audits("RECORD_PIX_CERTIFICATION");
      const input = await pixInput(INE.hugo, { certifiedOn: "2026-11-25" });
      const first = (await h.data("head.hugo", PIX, { input })).recordPixCertification;
      expect(first).toMatchObject({ certifiedOn: "2026-11-25", score: 380, version: 1, schoolYear: 2026, school: { uai: UAI.hugo } });
      const again = (await h.data("head.hugo", PIX, { input: { ...input, score: 400, competences: [{ competence: "3.4", level: 5 }] } }))
        .recordPixCertification;
      expect(again).toMatchObject({ id: first.id, score: 400, version: 2, competences: [{ competence: "3.4", level: 5 }] });
      expect(await count("SELECT COUNT(*) AS n FROM pix_competence_level WHERE certificationId = ?", [Number(first.id)])).toBe(1);
      expect(await audits("RECORD_PIX_CERTIFICATION")).toBe(before + 2);
    });

    it(`refuses a Pix certification beyond the ${BOUND.pixCertificationsPerPupil} a pupil's list is bounded by, and replaces one on a known date still`, async () => {
      const student = await h.ids.student(INE.hugo);
      const have = await count("SELECT COUNT(*) AS n FROM pix_certification WHERE studentId = ?", [Number(student)]);
      const day = (i: number) => `2026-10-${String(i + 1).padStart(2, "0")}`;
      for (let i = have; i < BOUND.pixCertificationsPerPupil; i++) await h.data("head.hugo", PIX, { input: await pixInput(INE.hugo, { certifiedOn: day(i) }) });
      const over = await h.run("head.hugo", PIX, { input: await pixInput(INE.hugo, { certifiedOn: "2026-10-30" }) });
      expect(onlyError(over).extensions?.code).toBe("BAD_USER_INPUT");
      expect(onlyError(over).message).toContain(`at most ${BOUND.pixCertificationsPerPupil} Pix certifications`);
      expect(await count("SELECT COUNT(*) AS n FROM pix_certification WHERE studentId = ?", [Number(student)])).toBe(BOUND.pixCertificationsPerPupil);
      const replaced = await h.run("head.hugo", PIX, { input: await pixInput(INE.hugo, { certifiedOn: day(BOUND.pixCertificationsPerPupil - 1), score: 300 }) });
      expect(replaced.errors).toBeUndefined();
    });

    it("lets a teacher of the pupil's class record an attestation, but not a teacher of their group only", async () => {
      const lucas = await h.ids.student(INE.lucas);
      const ok = await h.data("teacher.maths", RECORD, { s: lucas, t: "ASSR1", d: "2026-11-01" });
      expect(ok.recordAttestation).toMatchObject({ type: "ASSR1", school: { uai: UAI.hugo } });
      const before = await audits("RECORD_ATTESTATION");
      const refused = await h.run("teacher.latin", RECORD, { s: lucas, t: "AER", d: "2026-11-01" });
      expect(onlyError(refused).extensions?.code).toBe("FORBIDDEN");
      expect(await audits("RECORD_ATTESTATION")).toBe(before);
    });

    const refusals: Array<[string, string, string, () => Promise<Record<string, unknown>>, string]> = [
      ["a teacher of another class of the school", "teacher.cp", RECORD, async () => ({ s: await h.ids.student(INE.chloe), t: "AER", d: "2026-11-01" }), "NOT_FOUND"],
      ["staff of another school", "director.moulin", RECORD, async () => ({ s: await h.ids.student(INE.lucas), t: "AER", d: "2026-11-01" }), "NOT_FOUND"],
      ["a guardian", "parent.martin", RECORD, async () => ({ s: await h.ids.student(INE.lea), t: "AER", d: "2026-11-01" }), "FORBIDDEN"],
      ["a DASEN", "dasen.lyon", RECORD, async () => ({ s: await h.ids.student(INE.lea), t: "AER", d: "2026-11-01" }), "FORBIDDEN"],
      ["Pix by a teacher of the pupil's class", "teacher.maths", PIX, async () => ({ input: await pixInput(INE.lucas, { certifiedOn: "2026-09-30" }) }), "FORBIDDEN"],
      ["Pix by the lead of another school", "director.moulin", PIX, async () => ({ input: await pixInput(INE.lucas, { certifiedOn: "2026-09-30" }) }), "NOT_FOUND"],
      ["Pix by a guardian", "parent.bernard", PIX, async () => ({ input: await pixInput(INE.lucas, { certifiedOn: "2026-09-30" }) }), "FORBIDDEN"],
    ];
    for (const [what, login, mutation, variables, code] of refusals) {
      it(`refuses ${what} with ${code}, writing nothing`, async () => {
        const before = await count("SELECT COUNT(*) AS n FROM audit_event");
        const rows = await count("SELECT (SELECT COUNT(*) FROM attestation) + (SELECT COUNT(*) FROM pix_certification) AS n");
        const result = await h.run(login, mutation, await variables());
        expect(onlyError(result).extensions?.code).toBe(code);
        expect(await count("SELECT COUNT(*) AS n FROM audit_event")).toBe(before);
        expect(await count("SELECT (SELECT COUNT(*) FROM attestation) + (SELECT COUNT(*) FROM pix_certification) AS n")).toBe(rows);
      });
    }
  });

  describe("validation", () => {
    const invalid: Array<[string, string, () => Promise<Record<string, unknown>>, string | undefined]> = [
      ["an attestation dated after today (2026-11-28)", RECORD, async () => ({ s: await h.ids.student(INE.adam), t: "AER", d: "2026-11-29" }), "obtainedOn"],
      ["an attestation dated before the pupil's birth", RECORD, async () => ({ s: await h.ids.student(INE.adam), t: "AER", d: "2010-01-01" }), "obtainedOn"],
      ["an impossible date", RECORD, async () => ({ s: await h.ids.student(INE.adam), t: "AER", d: "2026-02-30" }), undefined],
      ["an unknown attestation type", RECORD, async () => ({ s: await h.ids.student(INE.adam), t: "BSR", d: "2026-11-01" }), undefined],
      ["a malformed pupil id", RECORD, async () => ({ s: "abc", t: "AER", d: "2026-11-01" }), "studentId"],
      ["a Pix result dated after today", PIX, async () => ({ input: await pixInput(INE.adam, { certifiedOn: "2026-12-01" }) }), "certifiedOn"],
      ["a Pix score over 1024", PIX, async () => ({ input: await pixInput(INE.adam, { score: 1025 }) }), "score"],
      ["a negative Pix score", PIX, async () => ({ input: await pixInput(INE.adam, { score: -1 }) }), "score"],
      ["no competence", PIX, async () => ({ input: await pixInput(INE.adam, { competences: [] }) }), "competences"],
      ["an unknown competence", PIX, async () => ({ input: await pixInput(INE.adam, { competences: [{ competence: "6.1", level: 2 }] }) }), "competences[0].competence"],
      [
        "a competence given twice",
        PIX,
        async () => ({ input: await pixInput(INE.adam, { competences: [{ competence: "1.1", level: 2 }, { competence: "1.1", level: 3 }] }) }),
        "competences[1].competence",
      ],
      ["a level over 8", PIX, async () => ({ input: await pixInput(INE.adam, { competences: [{ competence: "1.1", level: 9 }] }) }), "competences[0].level"],
      ["a negative level", PIX, async () => ({ input: await pixInput(INE.adam, { competences: [{ competence: "1.1", level: -1 }] }) }), "competences[0].level"],
    ];
    for (const [what, mutation, variables, field] of invalid) {
      it(`refuses ${what} with BAD_USER_INPUT${field ? ` on ${field}` : ""}, writing nothing`, async () => {
        const before = await count("SELECT COUNT(*) AS n FROM audit_event");
        const result = await h.run("head.hugo", mutation, await variables());
        const error = onlyError(result);
        expect(error.extensions?.code).toBe("BAD_USER_INPUT");
        if (field) expect(error.extensions?.field).toBe(field);
        expect(await count("SELECT COUNT(*) AS n FROM audit_event")).toBe(before);
      });
    }
  });
});
