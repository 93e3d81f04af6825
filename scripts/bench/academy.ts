/**
 * `npm run bench -- academy`: the directory loader at academy scale, on MariaDB. Generates an academy
 * (`scripts/support/academy.ts`; BENCH_PUPILS pupils, 100,000 by default), loads it into an empty database with
 * `npm run load` as a separate process (its own time and peak RSS, as an operator runs it), then loads the same
 * file again, which must write nothing. Targets (printed, not enforced): under 2 minutes, peak RSS under 1 GB.
 * Writes bench-results/academy.json and bench-results/academy.md.
 *
 * Database: BENCH_DATABASE_URL, else mysql://root@127.0.0.1:3306/<LIVRET_TEST_DB_PREFIX>bench_academy
 * (dropped before and after).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { parseDatabaseUrl } from "../../src/config";
import { openDatabase } from "../../src/db/data-source";
import { academyDirectory } from "../support/academy";
import { dropDatabase } from "./import";

interface Run {
  seconds: number;
  peakRssMb: number;
  created: string;
  updated: string;
}

/** Runs the load CLI on `file` and reads back the figures it prints. */
function load(file: string, url: string): Run {
  const out = execFileSync(process.execPath, [path.join(__dirname, "../../src/cli/load.js"), file], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  const took = /took ([\d.]+) s, peak RSS (\d+) MB/.exec(out);
  if (!took) throw new Error(`unexpected load output: ${out}`);
  return {
    seconds: Number(took[1]),
    peakRssMb: Number(took[2]),
    created: /created: (.*)/.exec(out)?.[1] ?? "",
    updated: /updated: (.*)/.exec(out)?.[1] ?? "",
  };
}

export async function benchAcademy(): Promise<void> {
  const pupils = Number(process.env.BENCH_PUPILS) || 100_000;
  const prefix = process.env.LIVRET_TEST_DB_PREFIX ?? "livret_";
  const url = process.env.BENCH_DATABASE_URL ?? `mysql://root@127.0.0.1:3306/${prefix}bench_academy`;
  const config = parseDatabaseUrl(url);
  if (config.type !== "mysql") throw new Error("the academy bench runs on MariaDB/MySQL");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "livret-bench-academy-"));
  const file = path.join(dir, "academy.json");
  try {
    fs.writeFileSync(file, JSON.stringify(academyDirectory(pupils)));
    const megabytes = fs.statSync(file).size / 1024 / 1024;
    await dropDatabase(url, config.database);
    // The schema is migrated before timing, so that the first load measures loading only.
    await (await openDatabase(config)).dataSource.destroy();
    console.log(`${pupils} pupils, a ${megabytes.toFixed(0)} MB directory file; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`);
    const first = load(file, url);
    console.log(`first load:  ${first.seconds} s, peak RSS ${first.peakRssMb} MB (targets < 120 s, < 1024 MB); created ${first.created}`);
    const again = load(file, url);
    const unchanged = again.created === "nothing" && again.updated === "nothing";
    console.log(`reload:      ${again.seconds} s, peak RSS ${again.peakRssMb} MB; ${unchanged ? "wrote nothing" : `WROTE created ${again.created}, updated ${again.updated}`}`);
    const result = { pupils, fileMb: Math.round(megabytes), node: process.version, cpus: os.cpus().length, first, reload: { ...again, unchanged } };
    fs.mkdirSync("bench-results", { recursive: true });
    fs.writeFileSync("bench-results/academy.json", JSON.stringify(result, null, 2) + "\n");
    fs.writeFileSync(
      "bench-results/academy.md",
      [
        `| ${pupils.toLocaleString("en")} pupils (${result.fileMb} MB) | wall | peak RSS | target |`,
        "|---|---|---|---|",
        `| first load | ${first.seconds} s | ${first.peakRssMb} MB | < 120 s, < 1 GB |`,
        `| unchanged reload | ${again.seconds} s | ${again.peakRssMb} MB | writes nothing: ${unchanged ? "yes" : "NO"} |`,
        "",
      ].join("\n"),
    );
    if (!unchanged) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await dropDatabase(url, config.database);
  }
}
