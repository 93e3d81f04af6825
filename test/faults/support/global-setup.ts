import { startMariadb } from "./mariadb";

export default async function globalSetup(): Promise<void> {
  const server = await startMariadb();
  (globalThis as any).__LIVRET_FAULTS_MARIADB__ = server;
  // Workers are started after this and inherit the environment.
  process.env.LIVRET_FAULTS_MARIADB_PORT = String(server.port);
}
