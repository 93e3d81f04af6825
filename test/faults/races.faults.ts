import { LivretUnderFaults, startLivret } from "./support/livret";

const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdatePeriodicReportInput!) {
  updatePeriodicReport(id: $id, expectedVersion: $v, input: $input) { id status version synthesis entries { subject { code } appreciation } } }`;
// The ledger's saves ask only what the save itself wrote (nested parts read after the commit are issue 9 item 8, not done).
const SAVE = `mutation($id: ID!, $v: Int!, $input: UpdatePeriodicReportInput!) { updatePeriodicReport(id: $id, expectedVersion: $v, input: $input) { id version synthesis } }`;
const LOCK = `mutation($id: ID!) { lockPeriodicReport(id: $id) { status version } }`;
const UNLOCK = `mutation($id: ID!) { unlockPeriodicReport(id: $id) { status version } }`;

/** Concurrent writers on real MariaDB (connections of their own, row locks): one wins, the others hear why. */
describe("concurrent writers and connection resets on MariaDB", () => {
  let l: LivretUnderFaults;
  let reports: Array<{ id: string }>;
  beforeAll(async () => {
    l = await startLivret("races");
    reports = (
      await l.direct.query(
        `SELECT r.id FROM periodic_report r JOIN school_class c ON c.id = r.classId JOIN school s ON s.id = c.schoolId
         WHERE s.uai = '0691001A' AND c.schoolYear = 2026 AND c.code = 'CP' AND r.status = 'DRAFT' ORDER BY r.id`,
      )
    ).map((r: { id: number }) => ({ id: String(r.id) }));
    expect(reports.length).toBeGreaterThan(0);
  }, 120_000);
  afterAll(() => l?.close());

  const row = async (id: string) => (await l.direct.query("SELECT status, version, synthesis FROM periodic_report WHERE id = ?", [Number(id)]))[0];
  const codes = (answer: { body: { errors?: Array<{ extensions?: Record<string, any> }> } }) => (answer.body.errors ?? []).map((e) => e.extensions?.code);

  it("R-PUB-04: a save sent with the version the lock produced never lands in the locked report", async () => {
    const { id } = reports[0];
    for (let attempt = 0; attempt < 15; attempt++) {
      const before = await row(id);
      expect(before.status).toBe("DRAFT");
      const [locked, save] = await Promise.all([
        l.graphql("director.moulin", LOCK, { id }),
        new Promise((r) => setTimeout(r, attempt % 5)).then(() =>
          l.graphql("teacher.cp", UPDATE, { id, v: Number(before.version) + 1, input: { synthesis: `Après verrou ${attempt}` } }),
        ),
      ]);
      expect(locked.body.errors).toBeUndefined();
      expect(save.status).toBe(200);
      expect(["REPORT_LOCKED", "CONFLICT"]).toContain(codes(save)[0]);
      expect(await row(id)).toMatchObject({ status: "LOCKED", synthesis: before.synthesis, version: Number(before.version) + 1 });
      expect((await l.graphql("director.moulin", UNLOCK, { id })).body.data.unlockPeriodicReport.status).toBe("DRAFT");
    }
  });

  it("R-NEW-03: 50 concurrent saves of one report at the same version: exactly one wins, every other one is CONFLICT", async () => {
    const { id } = reports[1 % reports.length];
    const before = await row(id);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => l.graphql("teacher.cp", UPDATE, { id, v: Number(before.version), input: { synthesis: `Concurrent ${i}` } })),
    );
    const won = answers.filter((a) => !a.body.errors);
    expect(won).toHaveLength(1);
    // A loser is told CONFLICT, or 503 UNAVAILABLE if it was shed; never INTERNAL_SERVER_ERROR.
    for (const answer of answers.filter((a) => a.body.errors)) {
      expect(["CONFLICT", "UNAVAILABLE"]).toContain(codes(answer)[0]);
      expect(answer.status === 200 || answer.status === 503).toBe(true);
    }
    expect(await row(id)).toMatchObject({ version: Number(before.version) + 1, synthesis: won[0].body.data.updatePeriodicReport.synthesis });
  });

  it("connections reset during saves: every acknowledged save is in the database, every save answered as failed is not", async () => {
    const ledger: Array<{ id: string; text: string; acknowledged: boolean }> = [];
    const resets = setInterval(() => l.proxy.resetAll(), 120);
    try {
      for (let i = 0; i < 40; i++) {
        const { id } = reports[i % reports.length];
        const current = await l.graphql("teacher.cp", `query($id: ID!) { periodicReport(id: $id) { version } }`, { id });
        if (current.body.errors) continue;
        const text = `Sauvegarde ${i}`;
        const answer = await l.graphql("teacher.cp", SAVE, { id, v: current.body.data.periodicReport.version, input: { synthesis: text } });
        if (!answer.body.errors) {
          expect(answer.body.data.updatePeriodicReport.synthesis).toBe(text);
          ledger.push({ id, text, acknowledged: true });
        } else {
          expect(["UNAVAILABLE", "CONFLICT"]).toContain(codes(answer)[0]);
          expect(answer.status).toBe(503);
          ledger.push({ id, text, acknowledged: false });
        }
      }
    } finally {
      clearInterval(resets);
    }
    expect(ledger.filter((e) => e.acknowledged).length).toBeGreaterThan(0);
    for (const { id } of reports) {
      const writes = ledger.filter((e) => e.id === id);
      const lastAcknowledged = writes.filter((e) => e.acknowledged).pop();
      const { synthesis } = await row(id);
      // What the database holds is the last acknowledged save; no save answered as failed landed.
      if (lastAcknowledged) expect(synthesis).toBe(lastAcknowledged.text);
      for (const failed of writes.filter((e) => !e.acknowledged)) expect(synthesis).not.toBe(failed.text);
    }
  });
});
