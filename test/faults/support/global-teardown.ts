import { OwnMariadb, stopMariadb } from "./mariadb";

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as any).__LIVRET_FAULTS_MARIADB__ as OwnMariadb | undefined;
  if (server) await stopMariadb(server);
}
