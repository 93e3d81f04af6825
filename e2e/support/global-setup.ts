import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildServer, startServer } from "./server";

/** Where the suite's shared server is described for the test files (Jest runs them in another process). */
export default async function globalSetup(): Promise<void> {
  buildServer();
  const server = await startServer();
  (globalThis as any).__LIVRET_E2E_SERVER__ = server;
  const state = path.join(server.dir, "e2e-state.json");
  fs.writeFileSync(state, JSON.stringify({ url: server.url, tokens: server.tokens }));
  // Workers are started after this and inherit the environment.
  process.env.LIVRET_E2E_STATE = state;
}
