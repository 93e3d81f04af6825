import { ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildOnce } from "../support/build";

/**
 * The built server as a real process: it starts on an empty database with the demo data, and on
 * SIGTERM answers /readyz 503 first, lets the in-flight work finish, closes the database and exits 0.
 */
describe("the server process", () => {
  const root = path.resolve(__dirname, "..", "..");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "livret-process-"));
  let child: ChildProcess;
  let output = "";
  let port = 0;

  beforeAll(async () => {
    buildOnce();
    child = spawn(process.execPath, [path.join(root, "dist", "src", "main.js")], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: "development", PORT: "0", HOST: "127.0.0.1", DATABASE_URL: `sqlite:${path.join(dir, "livret.sqlite")}`, SHUTDOWN_DELAY_MS: "4000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    const deadline = Date.now() + 60_000;
    // The URL is printed before the tokens (the port is bound first): wait for a persona's token too.
    while (!/localhost:(\d+)\/graphql/.test(output) || !/director\.moulin[^\n]*\n\s+(\S+)/.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    port = Number(/localhost:(\d+)\/graphql/.exec(output)![1]);
  }, 180_000);

  afterAll(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("loads the demo data on an empty database and prints a token per persona", async () => {
    expect(output).toContain("Loaded the demo data");
    const token = /director\.moulin[^\n]*\n\s+(\S+)/.exec(output)![1];
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ me { login } }" }),
    });
    expect(await response.json()).toEqual({ data: { me: { login: "director.moulin" } } });
  });

  it("on SIGTERM stops being ready first, then exits 0 having closed the database", async () => {
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    // Still listening during the delay, but no longer ready: load balancers stop sending. The signal is
    // handled asynchronously, so poll (bounded) instead of guessing how long a loaded machine takes.
    let ready = 200;
    for (let attempt = 0; attempt < 30 && ready === 200; attempt++) {
      await new Promise((r) => setTimeout(r, 50));
      ready = (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
    }
    expect(ready).toBe(503);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(await exited).toBe(0);
    expect(output).toContain("SIGTERM: draining in-flight requests, then closing the database.");
  });
});
