/**
 * `npm run bench -- overload`: the built server as its own process on MariaDB, under 4 to 200 concurrent
 * clients each sending the class-reports query of a 30-pupil class (the generated 900-pupil collège) in a
 * closed loop, and waiting Retry-After when told to. Per concurrency: goodput (answers with data per second),
 * p50/p99 of those answers, and every other answer by HTTP status and code. A reference server without the
 * admission gate (MAX_CONCURRENT_REQUESTS very large) runs in the same rounds, alternating, at the higher
 * concurrencies. Targets (issue 9), printed, never enforced: at 200 clients goodput ≥ 80% of the best at
 * any lower concurrency, p99 of successes ≤ 2 s, and no HTTP 500.
 *
 * Database: BENCH_DATABASE_URL, else mysql://root@127.0.0.1:3306/<LIVRET_TEST_DB_PREFIX>bench_overload
 * (created, then dropped). BENCH_OVERLOAD_SECONDS (default 5) per measurement, two rounds (up, then down).
 */
import "reflect-metadata";
import path from "node:path";
import { ChildProcess, spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { DataSource } from "typeorm";
import { openDatabase } from "../../src/db/data-source";
import { DEVELOPMENT_JWT_SECRET, loadConfig, parseDatabaseUrl } from "../../src/config";
import { signDevelopmentToken } from "../../src/auth/tokens";
import { projectRoot } from "../../src/common/project-root";
import { loadSchool900, SCHOOL_900 } from "../support/school-900";

const LEVELS = [4, 8, 16, 25, 50, 100, 200];
/** The reference without a gate is measured where collapse was seen. */
const REFERENCE_LEVELS = new Set([50, 100, 200]);
const SECONDS = Math.max(1, Number(process.env.BENCH_OVERLOAD_SECONDS) || 5);
const QUERY = `query($id: ID!, $p: ID!) { class(id: $id) { periodicReports(periodId: $p) { id status version synthesis entries { appreciation } } } }`;

interface Tally {
  ok: number;
  latencies: number[];
  others: Map<string, number>;
  seconds: number;
}

const emptyTally = (): Tally => ({ ok: 0, latencies: [], others: new Map(), seconds: 0 });

async function startServer(url: string, extraEnv: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [path.join(projectRoot(), "dist", "src", "main.js")], {
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: url,
      LIVRET_DEMO_DATA: "false",
      LIVRET_TODAY: "2026-11-28",
      // The bench measures shedding, not the per-account budgets.
      RATE_LIMIT_ACCOUNT_POINTS: "1000000000000",
      RATE_LIMIT_ADDRESS_POINTS: "1000000000000",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const until = Date.now() + 120_000;
  while (!/localhost:(\d+)\/graphql/.test(output)) {
    if (Date.now() > until || child.exitCode !== null) throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // Only the start-up lines are of interest; the rest (warnings under overload) is dropped.
  child.stdout!.removeAllListeners("data").resume();
  child.stderr!.removeAllListeners("data").resume();
  return { child, base: `http://127.0.0.1:${/localhost:(\d+)\/graphql/.exec(output)![1]}` };
}

/** `clients` closed-loop clients for SECONDS; a shed client waits Retry-After as the contract asks. */
async function measure(base: string, token: string, variables: Record<string, string>, clients: number, tally: Tally): Promise<void> {
  const body = JSON.stringify({ query: QUERY, variables });
  const ends = performance.now() + SECONDS * 1000;
  const client = async () => {
    while (performance.now() < ends) {
      const started = performance.now();
      let key: string;
      let wait = 0;
      try {
        const response = await fetch(`${base}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        const answer = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
        if (response.status === 200 && !answer.errors) {
          // Only answers that arrived within the measurement count: goodput is what the clients got in it.
          if (performance.now() <= ends) {
            tally.ok++;
            tally.latencies.push(performance.now() - started);
          }
          continue;
        }
        key = `${response.status} ${answer.errors?.[0]?.extensions?.code ?? "?"}`;
        wait = Number(response.headers.get("retry-after")) || 0;
      } catch (error) {
        key = `no answer (${(error as Error).name})`;
      }
      tally.others.set(key, (tally.others.get(key) ?? 0) + 1);
      if (wait > 0) await new Promise((r) => setTimeout(r, Math.min(wait * 1000, Math.max(0, ends - performance.now()))));
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  tally.seconds += SECONDS;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

function line(label: string, clients: number, t: Tally): { goodput: number; p99: number; http500: number } {
  const sorted = [...t.latencies].sort((a, b) => a - b);
  const goodput = t.ok / t.seconds;
  const p99 = percentile(sorted, 99);
  const others = [...t.others.entries()].map(([k, n]) => `${k}: ${n}`).join(", ") || "none";
  const http500 = [...t.others.entries()].filter(([k]) => k.startsWith("500")).reduce((sum, [, n]) => sum + n, 0);
  console.log(
    `${label.padEnd(9)} ${String(clients).padStart(4)} clients  goodput ${goodput.toFixed(1).padStart(6)}/s  p50 ${percentile(sorted, 50).toFixed(0).padStart(5)} ms  p99 ${p99.toFixed(0).padStart(5)} ms  others: ${others}`,
  );
  return { goodput, p99, http500 };
}

export async function benchOverload(): Promise<void> {
  const prefix = process.env.LIVRET_TEST_DB_PREFIX ?? "livret_";
  const url = process.env.BENCH_DATABASE_URL ?? `mysql://root@127.0.0.1:3306/${prefix}bench_overload`;
  const target = parseDatabaseUrl(url);
  if (target.type !== "mysql") throw new Error("the overload bench runs on MariaDB/MySQL (BENCH_DATABASE_URL=mysql://…)");
  const adminUrl = new URL(target.url);
  adminUrl.pathname = "/";
  const admin = new DataSource({ type: "mysql", url: adminUrl.toString() });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
  const servers: ChildProcess[] = [];
  try {
    const db = await openDatabase(target);
    const reports = await loadSchool900(db.dataSource);
    const [row] = (await db.dataSource.query(
      `SELECT c.id, p.id AS periodId, COUNT(r.id) AS reports FROM school_class c JOIN school s ON s.id = c.schoolId
       JOIN period p ON p.schemeId = c.periodSchemeId AND p.position = 1
       JOIN periodic_report r ON r.classId = c.id AND r.periodId = p.id
       WHERE s.uai = ? GROUP BY c.id, p.id ORDER BY c.id LIMIT 1`,
      [SCHOOL_900.uai],
    )) as Array<{ id: number; periodId: number; reports: number }>;
    await db.dataSource.destroy();
    const variables = { id: String(row.id), p: String(row.periodId) };
    const config = loadConfig({ ...process.env, NODE_ENV: "development", JWT_SECRET: DEVELOPMENT_JWT_SECRET } as NodeJS.ProcessEnv);
    const token = await signDevelopmentToken(config.jwt, SCHOOL_900.head);

    const gated = await startServer(target.url, {});
    servers.push(gated.child);
    const reference = await startServer(target.url, { MAX_CONCURRENT_REQUESTS: "1000000", MAX_QUEUED_REQUESTS: "0" });
    servers.push(reference.child);
    const probe = await fetch(`${gated.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY, variables }),
    });
    const probeText = await probe.text();
    console.log(
      `${reports} reports generated; the query reads ${row.reports} reports of one class (${(probeText.length / 1024).toFixed(0)} KB of JSON). ` +
        `Gate: MAX_CONCURRENT_REQUESTS=${config.admission.maxConcurrent}, MAX_QUEUED_REQUESTS=${config.admission.maxQueued}, ` +
        `QUEUE_WAIT_MS=${config.admission.maxWaitMs}, DB_POOL_SIZE=${config.db.poolSize}. ${SECONDS} s per measurement, 2 rounds.\n`,
    );

    const tallies = new Map<string, Tally>();
    const tallyOf = (key: string) => tallies.get(key) ?? tallies.set(key, emptyTally()).get(key)!;
    for (const levels of [LEVELS, [...LEVELS].reverse()]) {
      for (const clients of levels) {
        await measure(gated.base, token, variables, clients, tallyOf(`gated ${clients}`));
        if (REFERENCE_LEVELS.has(clients)) await measure(reference.base, token, variables, clients, tallyOf(`reference ${clients}`));
      }
    }

    console.log("With the gate (this build):");
    const figures = LEVELS.map((clients) => ({ clients, ...line("gated", clients, tallyOf(`gated ${clients}`)) }));
    console.log("\nReference without the gate (MAX_CONCURRENT_REQUESTS=1000000):");
    for (const clients of LEVELS.filter((c) => REFERENCE_LEVELS.has(c))) line("reference", clients, tallyOf(`reference ${clients}`));

    const top = figures[figures.length - 1];
    const bestBelow = Math.max(...figures.slice(0, -1).map((f) => f.goodput));
    const ratio = top.goodput / bestBelow;
    console.log(
      `\nTargets at ${top.clients} clients: goodput ${(ratio * 100).toFixed(0)}% of the best lower concurrency (target ≥ 80%: ${ratio >= 0.8 ? "met" : "NOT met"}), ` +
        `p99 ${top.p99.toFixed(0)} ms (target ≤ 2000 ms: ${top.p99 <= 2000 ? "met" : "NOT met"}), ` +
        `HTTP 500 at any concurrency: ${figures.reduce((s, f) => s + f.http500, 0)} (target 0).`,
    );
  } finally {
    for (const child of servers) child.kill("SIGKILL");
    await admin.query(`DROP DATABASE IF EXISTS \`${target.database}\``).catch(() => undefined);
    await admin.destroy();
  }
}
