import "reflect-metadata";
import fs from "node:fs";
import { loadConfig } from "../config";
import { openDatabase } from "../db/data-source";
import { DirectoryFileError, loadDirectoryText } from "../modules/directory/directory.service";

/** npm run load -- <file.json>: loads a directory file into the configured database. */
async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npm run load -- <directory-file.json>");
    return 2;
  }
  const text = fs.readFileSync(file, "utf8");
  const db = await openDatabase(loadConfig().database);
  try {
    const summary = await loadDirectoryText(db.dataSource, text);
    const describe = (counts: Record<string, number>) =>
      Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(", ") || "nothing";
    console.log(`Loaded ${file}.\n  created: ${describe(summary.created)}\n  updated: ${describe(summary.updated)}`);
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
