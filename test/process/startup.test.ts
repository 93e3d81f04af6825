import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { buildOnce } from "../support/build";

// Start-up failures an operator meets: one line naming the cause, exit code 1, and nothing loaded before.
const root = path.resolve(__dirname, "..", "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "livret-startup-"));

function run(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "dist", "src", "main.js")], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: "development", HOST: "127.0.0.1", DATABASE_URL: `sqlite:${path.join(dir, "livret.sqlite")}`, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

beforeAll(() => {
  buildOnce();
}, 90_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("a busy port: one clear line, exit 1, before the database is created or the demo loaded", async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    const { code, output } = await run({ PORT: String(port) });
    expect(code).toBe(1);
    expect(output.trim().split("\n")).toEqual([`Livret could not start: port ${port} is already in use (127.0.0.1:${port}); stop the other process or set PORT.`]);
    expect(fs.existsSync(path.join(dir, "livret.sqlite"))).toBe(false);
  } finally {
    blocker.close();
  }
});

it("an unreachable database: one clear line, exit 1", async () => {
  // A port nothing listens on: bound then released.
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const dead = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const { code, output } = await run({ PORT: "0", DATABASE_URL: `mysql://root@127.0.0.1:${dead}/livret` });
  expect(code).toBe(1);
  expect(output.trim().split("\n")).toEqual([`Livret could not start: the database server at 127.0.0.1:${dead} is unreachable (ECONNREFUSED); check DATABASE_URL.`]);
});
