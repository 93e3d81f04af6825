import { LivretUnderFaults, startLivret } from "./support/livret";
import { CLASS_REPORTS, cpClassReportsVariables, expectUnavailable } from "./support/answers";

/**
 * More requests than the server may run at once, on a slowed MariaDB: a bounded number run, a few wait briefly,
 * the rest are shed at once with 503 UNAVAILABLE and Retry-After (issue 9 item 4: collapse into 500s
 * `Queue limit reached`). Every request is answered; the gate never lets more in than its bound.
 */
describe("overload: load shedding instead of collapse", () => {
  const ADMISSION = { maxConcurrent: 2, maxQueued: 4, maxWaitMs: 300 };
  let l: LivretUnderFaults;
  let variables: { id: string; p: string };
  beforeAll(async () => {
    l = await startLivret("overload", { admission: ADMISSION });
    variables = await cpClassReportsVariables(l.direct);
  }, 120_000);
  afterAll(() => l?.close());
  afterEach(() => l.proxy.heal());

  const bound = () => l.config.requestTimeoutMs + 500 + 1500;

  it("40 concurrent class-report queries with 2 slots: each answers data or 503 UNAVAILABLE, the gate holds its bound", async () => {
    // Warm the caller cache, then slow every round trip so that requests overlap.
    expect((await l.graphql("director.moulin", CLASS_REPORTS, variables)).status).toBe(200);
    l.proxy.latencyMs = 40;
    let maxActive = 0;
    let maxQueued = 0;
    let sampling = true;
    const sampler = (async () => {
      for (let i = 0; i < 2000 && sampling; i++) {
        maxActive = Math.max(maxActive, l.server.gate.inExecution);
        maxQueued = Math.max(maxQueued, l.server.gate.queued);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const answers = await Promise.all(Array.from({ length: 40 }, () => l.graphql("director.moulin", CLASS_REPORTS, variables, bound() + 5000)));
    sampling = false;
    await sampler;

    const served = answers.filter((a) => a.status === 200);
    const shed = answers.filter((a) => a.status !== 200);
    for (const answer of served) expect(answer.body.data.class.periodicReports.length).toBeGreaterThan(0);
    for (const answer of shed) expectUnavailable(answer, bound());
    expect(served.length).toBeGreaterThanOrEqual(ADMISSION.maxConcurrent);
    expect(shed.length).toBeGreaterThan(0);
    expect(maxActive).toBeLessThanOrEqual(ADMISSION.maxConcurrent);
    expect(maxQueued).toBeLessThanOrEqual(ADMISSION.maxQueued);
    // Every slot is given back: nothing stays admitted or queued once the answers are out.
    expect(l.server.gate.inExecution).toBe(0);
    expect(l.server.gate.queued).toBe(0);
  });

  it("once the burst is over, requests are served again and /readyz is 200 (shedding is not an outage)", async () => {
    const answer = await l.graphql("director.moulin", CLASS_REPORTS, variables);
    expect(answer.status).toBe(200);
    expect((await fetch(`${l.url}/readyz`)).status).toBe(200);
  });
});
