import { stopServer, StartedServer } from "./server";

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as any).__LIVRET_E2E_SERVER__ as StartedServer | undefined;
  if (server) await stopServer(server);
}
