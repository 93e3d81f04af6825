import fs from "node:fs";
import path from "node:path";

/** The folder holding package.json, whether running from src/ (tests) or dist/src/ (built). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("package.json not found above " + __dirname);
    dir = parent;
  }
  return dir;
}

export const DEMO_DIRECTORY_FILE = () => path.join(projectRoot(), "demo", "directory.json");

export const DEMO_REPORTS_FILE = () => path.join(projectRoot(), "demo", "reports.json");
/** The demo collège's class 3E receives its reports from this LSU file at first start. */
export const DEMO_LSU_FILE = () => path.join(projectRoot(), "demo", "lsu-college-victor-hugo-3E.xml");
