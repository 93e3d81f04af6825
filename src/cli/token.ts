import { loadConfig } from "../config";
import { signDevelopmentToken } from "../auth/tokens";

/** npm run token -- <login>: prints a development bearer token (HS256) for an account. */
async function main(): Promise<void> {
  const login = process.argv[2];
  if (!login) {
    console.error("usage: npm run token -- <login>");
    process.exit(2);
  }
  const config = loadConfig();
  if (config.production) {
    console.error("Development tokens are not issued in production.");
    process.exit(1);
  }
  console.log(await signDevelopmentToken(config.jwt, login));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
