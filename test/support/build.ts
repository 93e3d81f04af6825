import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const LOCK = path.join(ROOT, "dist", ".test-build.lock");
const STAMP = path.join(ROOT, "dist", ".test-build.run");

/**
 * Builds dist/ once per jest run, for the suites that start the built server or CLIs as processes.
 * Each of them used to run tsc itself; two workers building at once let a starting process read
 * half-written files ("No metadata for undefined"). A directory lock serialises them and a stamp
 * naming the run (the jest parent process) makes the later ones skip the build.
 */
export function buildOnce(): void {
  const run = String(process.env.JEST_WORKER_ID ? process.ppid : process.pid);
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A lock left by a killed run is older than any build takes.
      if (Date.now() - fs.statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > 300_000) fs.rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error("dist/ build lock still held after 240 s");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === run) return;
    execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT });
    fs.writeFileSync(STAMP, run);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
