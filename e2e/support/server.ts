import { ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");

/** The demo's "today" (a Saturday late in the first trimester of 2026-2027), so that the views are stable. */
export const E2E_TODAY = "2026-11-28";

export interface StartedServer {
  child: ChildProcess;
  url: string;
  dir: string;
  /** Development token per demo persona, as the server printed them at start-up. */
  tokens: Record<string, string>;
  output: () => string;
}

/** Builds the server and the web app once (npm run build) so that the suite runs what `npm start` runs. */
export function buildServer(): void {
  // The server and the web app it serves at / (web/ built by Vite into dist/web).
  execFileSync("npm", ["run", "-s", "build"], { cwd: ROOT, stdio: "inherit" });
}

/** The built server as a real process on a fresh SQLite file with the demo, on a free loopback port. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<StartedServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "livret-e2e-"));
  const child = spawn(process.execPath, [path.join(ROOT, "dist", "src", "main.js")], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: `sqlite:${path.join(dir, "livret.sqlite")}`,
      LIVRET_TODAY: E2E_TODAY,
      LIVRET_DEMO_DATA: "true",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 90_000;
  // Tokens are printed after the address line: wait for the blank line that closes the list.
  while (!/localhost:(\d+)\/graphql[\s\S]*Development tokens[\s\S]*\n\n$/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill("SIGKILL");
      throw new Error(`the server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const port = Number(/localhost:(\d+)\/graphql/.exec(output)![1]);
  const tokens: Record<string, string> = {};
  for (const match of output.matchAll(/^ {2}([a-z.]+) — .*\n {2}(\S+)$/gm)) tokens[match[1]] = match[2];
  return { child, url: `http://127.0.0.1:${port}`, dir, tokens, output: () => output };
}

export async function stopServer(server: StartedServer): Promise<void> {
  if (server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.once("exit", resolve));
    server.child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
  }
  // The pipes would keep Jest's process alive after the run.
  server.child.stdout?.destroy();
  server.child.stderr?.destroy();
  fs.rmSync(server.dir, { recursive: true, force: true });
}
