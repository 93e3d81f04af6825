import { LivretUnderFaults, startLivret } from "./support/livret";
import { CLASS_REPORTS, cpClassReportsVariables, expectUnavailable as unavailableWithin } from "./support/answers";

/**
 * A database that is slow, blackholed, reset or down: every request is answered, within its bound, by data or
 * by 503 UNAVAILABLE with Retry-After (never a 500, never a hang); /readyz says so while it lasts; once the
 * database is back, requests succeed again without restarting anything.
 */
describe("the database slow, blackholed, reset or down", () => {
  let l: LivretUnderFaults;
  beforeAll(async () => {
    l = await startLivret("outage");
  }, 120_000);
  afterAll(() => l?.close());
  afterEach(() => l.proxy.heal());

  let variables: { id: string; p: string };
  const classReports = (boundMs?: number) => l.graphql("director.moulin", CLASS_REPORTS, variables, boundMs);
  const ready = async () => (await fetch(`${l.url}/readyz`, { signal: AbortSignal.timeout(5000) })).status;

  // The longest a request may take before it is answered: its deadline, the late-answer grace and some slack.
  const bound = () => l.config.requestTimeoutMs + 500 + 1500;

  const expectUnavailable = (answer: Awaited<ReturnType<typeof classReports>>) => unavailableWithin(answer, bound());

  const recovers = async () => {
    // Connections broken by the fault are dropped as they are met; a few requests may still meet one.
    const until = Date.now() + 10_000;
    let answer = await classReports();
    while (answer.status !== 200 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      answer = await classReports();
    }
    expect(answer.status).toBe(200);
    expect(answer.body.data.class.periodicReports.length).toBeGreaterThan(0);
    expect(await ready()).toBe(200);
  };

  beforeAll(async () => {
    variables = await cpClassReportsVariables(l.direct);
  });

  it("answers while the database is healthy, and /readyz is 200", async () => {
    const answer = await classReports();
    expect(answer.status).toBe(200);
    expect(answer.body.data.class.periodicReports.length).toBeGreaterThan(0);
    expect(await ready()).toBe(200);
  });

  it("blackholed on a warm pool: 503 UNAVAILABLE with Retry-After within the request bound, /readyz 503; then recovers", async () => {
    // Warm the pool: several connections open and idle.
    await Promise.all(Array.from({ length: 5 }, () => classReports()));
    l.proxy.mode = "blackhole";
    const answers = await Promise.all(Array.from({ length: 8 }, () => classReports(bound() + 5000)));
    for (const answer of answers) expectUnavailable(answer);
    expect(await ready()).toBe(503);
    l.proxy.heal();
    await recovers();
  });

  it("blackholed with no open connection: a new connection gives up within the connect timeout", async () => {
    l.proxy.mode = "blackhole";
    // Blackhole the open connections too: the statement timeout drops them, then each new connection hangs.
    const first = await Promise.all(Array.from({ length: 12 }, () => classReports(bound() + 5000)));
    for (const answer of first) expectUnavailable(answer);
    const again = await classReports(bound() + 5000);
    expectUnavailable(again);
    l.proxy.heal();
    await recovers();
  });

  it("down (connections reset and refused): 503 quickly, /readyz 503; back up: 200 without a restart", async () => {
    await classReports();
    l.proxy.refuse();
    const answers = await Promise.all(Array.from({ length: 6 }, () => classReports()));
    for (const answer of answers) expectUnavailable(answer);
    expect(await ready()).toBe(503);
    l.proxy.heal();
    await recovers();
  });

  it("slowed to 1.5 s per round trip: a request answers data or 503 within its bound, never waits for every statement", async () => {
    l.proxy.latencyMs = 1500;
    const answer = await classReports(bound() + 5000);
    expect(answer.ms).toBeLessThan(bound());
    if (answer.status !== 200) expectUnavailable(answer);
    l.proxy.heal();
    await recovers();
  });
});
