import "reflect-metadata";
import http from "node:http";
import { Config, loadConfig } from "./config";
import { fixedClock, systemClock } from "./common/clock";

/** A start-up failure the operator can act on: printed as one line, exit code 1. */
class CannotStart extends Error {}

/** Binds the port first: a busy port is known before the database, the schema or the demo data are touched. */
async function bindPort(config: Config): Promise<http.Server> {
  // Until the app is attached, anything that connects is told to come back.
  const server = http.createServer((_req, res) => {
    res.writeHead(503, { "retry-after": "1", "content-type": "application/json" }).end('{"status":"starting"}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const where = `${config.host ?? "all interfaces"}:${config.port}`;
      if (error.code === "EADDRINUSE") reject(new CannotStart(`port ${config.port} is already in use (${where}); stop the other process or set PORT.`));
      else if (error.code === "EACCES") reject(new CannotStart(`port ${config.port} may not be opened by this user (${where}); set PORT.`));
      else reject(new CannotStart(`cannot listen on ${where}: ${error.code ?? error.message}`));
    });
    server.listen(config.port, config.host, resolve);
  });
  return server;
}

async function openDatabaseOrSay(config: Config) {
  const { openDatabase } = await import("./db/data-source");
  try {
    return await openDatabase(config.database, config.db);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const what = config.database.type === "mysql" ? `the database server at ${new URL(config.database.url).host}` : `the database file ${config.database.database}`;
    const reason = e.code ?? (e.message || String(error)).split("\n")[0];
    throw new CannotStart(`${what} is unreachable (${reason}); check DATABASE_URL.`);
  }
}

/**
 * SIGTERM/SIGINT are handled from the first line: a signal during start-up (migrations, the demo load) lets the
 * step under way finish, then the process exits cleanly instead of dying between two DDL statements.
 */
let signalled: string | null = null;
let onSignal: ((signal: string) => void) | null = null;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (onSignal) onSignal(signal);
    else signalled ??= signal;
  });
}

/** Between start-up steps: a signal received meanwhile ends the start here. */
async function exitIfSignalled(close?: () => Promise<void>): Promise<void> {
  if (!signalled) return;
  console.log(`${signalled} during start-up: stopping before serving.`);
  await close?.().catch(() => undefined);
  process.exit(0);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const clock = config.today ? fixedClock(config.today) : systemClock;
  const httpServer = await bindPort(config);
  const db = await openDatabaseOrSay(config);
  const closeDatabase = () => db.dataSource.destroy();
  await exitIfSignalled(closeDatabase);
  // Loaded only once the port and the database are known to work.
  const { DEMO_PERSONAS, loadDemoDataIfEmpty } = await import("./db/demo");
  const { buildLivretSchema } = await import("./schema");
  const { createTokenVerifier, signDevelopmentToken } = await import("./auth/tokens");
  const { createServer } = await import("./http/server");
  if (config.loadDemoData) {
    const loaded = await loadDemoDataIfEmpty(db.dataSource, clock);
    if (loaded) console.log("Loaded the demo data (demo/directory.json).");
    await exitIfSignalled(closeDatabase);
  }
  const server = await createServer({
    config,
    schema: await buildLivretSchema(),
    dataSource: db.dataSource,
    clock,
    verifier: createTokenVerifier(config.jwt),
    httpServer,
    demoPersonas: () => (config.production || !config.loadDemoData ? [] : DEMO_PERSONAS),
    personas: async () => {
      if (config.production || !config.jwt.secret) return [];
      return Promise.all(DEMO_PERSONAS.map(async (p) => ({ ...p, token: await signDevelopmentToken(config.jwt, p.login) })));
    },
  });
  const where = config.database.type === "mysql" ? `MySQL/MariaDB database ${config.database.database}` : config.database.database;
  const address = server.httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.log(`Livret is serving http://localhost:${port}/graphql (database: ${where})`);
  if (!config.production) console.log(`Explorer (works offline): http://localhost:${port}/explorer`);

  if (!config.production && config.jwt.secret) {
    console.log("\nDevelopment tokens (send as the header  Authorization: Bearer <token>):");
    for (const persona of DEMO_PERSONAS) {
      console.log(`\n  ${persona.login} — ${persona.who}\n  ${await signDevelopmentToken(config.jwt, persona.login)}`);
    }
    console.log("");
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining in-flight requests, then closing the database.`);
    try {
      await server.stop({ delayMs: config.shutdownDelayMs, graceMs: config.shutdownGraceMs });
      await closeDatabase();
      process.exit(0);
    } catch (error) {
      console.error("Shutdown failed", error);
      process.exit(1);
    }
  };
  onSignal = (signal) => void shutdown(signal);
  if (signalled) void shutdown(signalled);
}

main().catch((error) => {
  console.error("Livret could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
