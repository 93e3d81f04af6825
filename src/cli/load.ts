import "reflect-metadata";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { loadConfig } from "../config";
import { openDatabase } from "../db/data-source";
import { DirectoryFileError, loadDirectoryText } from "../modules/directory/directory.service";
import { progressBar } from "./progress";

/** npm run load -- <file.json>: loads a directory file into the configured database. */
async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npm run load -- <directory-file.json>");
    return 2;
  }
  const started = performance.now();
  const text = fs.readFileSync(file, "utf8");
  const db = await openDatabase(loadConfig().database);
  try {
    let bar: ReturnType<typeof progressBar> | null = null;
    const summary = await loadDirectoryText(db.dataSource, text, (done, total, phase) => {
      bar ??= progressBar(total);
      bar.update(done, phase);
    }).finally(() => bar?.done());
    const describe = (counts: Record<string, number>) =>
      Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(", ") || "nothing";
    console.log(`Loaded ${file}.\n  created: ${describe(summary.created)}\n  updated: ${describe(summary.updated)}`);
    // What a large load costs, on the operator's screen (and read by `npm run bench -- academy`).
    console.log(`  took ${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    return 0;
  } catch (error) {
    if (error instanceof DirectoryFileError) {
      console.error(`${file}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.dataSource.destroy();
  }
}

main().then((code) => process.exit(code), (error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
