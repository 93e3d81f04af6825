import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { DataSource } from "typeorm";
import { Config } from "../../../src/config";
import { fixedClock } from "../../../src/common/clock";
import { DEMO_DIRECTORY_FILE, DEMO_REPORTS_FILE } from "../../../src/common/project-root";
import { openDatabase } from "../../../src/db/data-source";
import { loadDemoReports } from "../../../src/db/demo-reports";
import { loadDirectoryText } from "../../../src/modules/directory/directory.service";
import { buildLivretSchema } from "../../../src/schema";
import { createTokenVerifier, signDevelopmentToken } from "../../../src/auth/tokens";
import { createServer, RunningServer } from "../../../src/http/server";
import { DEMO_TODAY, testConfig } from "../../support/harness";
import { FaultProxy } from "./proxy";

export interface LivretUnderFaults {
  url: string;
  proxy: FaultProxy;
  /** A direct connection to the suite's MariaDB (not through the proxy): what was really committed. */
  direct: DataSource;
  config: Config;
  server: RunningServer;
  token(login: string): Promise<string>;
  /** POST /graphql as `login`; the whole exchange is bounded by `boundMs` (a hang fails the test, never blocks it). */
  graphql(login: string, query: string, variables?: Record<string, unknown>, boundMs?: number): Promise<Answer>;
  close(): Promise<void>;
}

export interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
  ms: number;
}

const mariadbPort = () => {
  const port = Number(process.env.LIVRET_FAULTS_MARIADB_PORT);
  if (!port) throw new Error("LIVRET_FAULTS_MARIADB_PORT is not set: run the suite with npm run test:faults");
  return port;
};

/**
 * The HTTP server in this process, on its own database of the suite's MariaDB, with the demo directory and
 * reports, reaching MariaDB through a fault proxy. Short timeouts keep every fault's answer within seconds.
 */
export async function startLivret(name: string, overrides: Partial<Config> = {}): Promise<LivretUnderFaults> {
  const proxy = await FaultProxy.start(mariadbPort());
  const config = testConfig({
    requestTimeoutMs: 2000,
    db: { connectTimeoutMs: 1000, statementTimeoutMs: 1000, busyTimeoutMs: 1000, poolSize: 10, queueLimit: 100 },
    ...overrides,
  });
  const database = `livret_faults_${name}`;
  const directUrl = `mysql://root@127.0.0.1:${mariadbPort()}/`;
  const admin = new DataSource({ type: "mysql", url: directUrl });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.destroy();
  const db = await openDatabase({ type: "mysql", url: `mysql://root@127.0.0.1:${proxy.port}/${database}`, database }, config.db);
  await loadDirectoryText(db.dataSource, fs.readFileSync(DEMO_DIRECTORY_FILE(), "utf8"));
  await loadDemoReports(db.dataSource, fs.readFileSync(DEMO_REPORTS_FILE(), "utf8"));
  const direct = new DataSource({ type: "mysql", url: `${directUrl}${database}` });
  await direct.initialize();
  const httpServer = http.createServer();
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const server = await createServer({
    config,
    schema: await buildLivretSchema(),
    dataSource: db.dataSource,
    clock: fixedClock(DEMO_TODAY),
    verifier: createTokenVerifier(config.jwt),
    httpServer,
  });
  const url = `http://127.0.0.1:${(httpServer.address() as net.AddressInfo).port}`;
  const token = (login: string) => signDevelopmentToken(config.jwt, login);
  return {
    url,
    proxy,
    direct,
    config,
    server,
    token,
    async graphql(login, query, variables, boundMs = 15_000) {
      const started = Date.now();
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await token(login)}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(boundMs),
      });
      const body = (await response.json()) as Answer["body"];
      return { status: response.status, retryAfter: response.headers.get("retry-after"), body, ms: Date.now() - started };
    },
    async close() {
      proxy.heal();
      await server.stop();
      await db.dataSource.destroy().catch(() => undefined);
      await direct.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await direct.destroy();
      await proxy.close();
    },
  };
}
