import "reflect-metadata";
import { loadConfig } from "./config";
import { fixedClock, systemClock } from "./common/clock";
import { openDatabase } from "./db/data-source";
import { DEMO_PERSONAS, loadDemoDataIfEmpty } from "./db/demo";
import { buildLivretSchema } from "./schema";
import { createTokenVerifier, signDevelopmentToken } from "./auth/tokens";
import { createServer } from "./http/server";

async function main(): Promise<void> {
  const config = loadConfig();
  const clock = config.today ? fixedClock(config.today) : systemClock;
  const db = await openDatabase(config.database);
  if (config.loadDemoData) {
    const loaded = await loadDemoDataIfEmpty(db.dataSource, clock);
    if (loaded) console.log("Loaded the demo data (demo/directory.json).");
  }
  const server = await createServer({
    config,
    schema: await buildLivretSchema(),
    dataSource: db.dataSource,
    clock,
    verifier: createTokenVerifier(config.jwt),
  });
  await new Promise<void>((resolve) => server.httpServer.listen(config.port, config.host, resolve));
  const where = config.database.type === "mysql" ? `MySQL/MariaDB database ${config.database.database}` : config.database.database;
  const address = server.httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.log(`Livret is serving http://localhost:${port}/graphql (database: ${where})`);

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
      server.setReady(false);
      await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
      await server.stop();
      await db.dataSource.destroy();
      process.exit(0);
    } catch (error) {
      console.error("Shutdown failed", error);
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  console.error("Livret could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
