import { ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

export interface OwnMariadb {
  port: number;
  pid: number;
  dir: string;
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("data", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });

/**
 * A MariaDB of the suite's own: a fresh datadir in a temp folder, loopback only, root without password, on a
 * free port. It can be slowed or cut through the proxy without touching the shared server on 3306.
 */
export async function startMariadb(): Promise<OwnMariadb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "livret-faults-mariadb-"));
  const datadir = path.join(dir, "data");
  const user = process.getuid?.() === 0 ? ["--user=root"] : [];
  await promisify(execFile)(
    "mariadb-install-db",
    ["--no-defaults", `--datadir=${datadir}`, "--auth-root-authentication-method=normal", "--skip-test-db", ...user],
    { timeout: 60_000 },
  );
  const port = await freePort();
  const child: ChildProcess = spawn(
    "mariadbd",
    [
      "--no-defaults",
      `--datadir=${datadir}`,
      `--port=${port}`,
      "--bind-address=127.0.0.1",
      `--socket=${path.join(dir, "mariadb.sock")}`,
      `--pid-file=${path.join(dir, "mariadb.pid")}`,
      "--skip-name-resolve",
      "--skip-log-bin",
      "--innodb-buffer-pool-size=64M",
      // Lock waits end quickly: a lost lock race answers CONFLICT rather than waiting 50 s.
      "--innodb-lock-wait-timeout=5",
      ...user,
    ],
    { stdio: ["ignore", "ignore", fs.openSync(path.join(dir, "server.log"), "a")], detached: false },
  );
  const until = Date.now() + 30_000;
  while (!(await answers(port))) {
    if (child.exitCode !== null || Date.now() > until) {
      child.kill("SIGKILL");
      throw new Error(`mariadbd did not start:\n${fs.readFileSync(path.join(dir, "server.log"), "utf8").slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, pid: child.pid!, dir };
}

export async function stopMariadb(server: OwnMariadb): Promise<void> {
  const alive = () => {
    try {
      process.kill(server.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(server.pid, "SIGTERM");
  const until = Date.now() + 20_000;
  while (alive() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(server.pid, "SIGKILL");
  fs.rmSync(server.dir, { recursive: true, force: true });
}
