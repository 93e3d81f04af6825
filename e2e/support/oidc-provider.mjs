// A real OpenID Provider (the `oidc-provider` package) on a free loopback port, for the sign-in tests.
// Usage: node oidc-provider.mjs '<json: { clientId, clientSecret?, redirectUri }>'; prints "ISSUER <url>" once listening.
import http from "node:http";
import Provider from "oidc-provider";

const { clientId, clientSecret, redirectUri } = JSON.parse(process.argv[2]);
const server = http.createServer();
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      ...(clientSecret ? { client_secret: clientSecret, token_endpoint_auth_method: "client_secret_basic" } : { token_endpoint_auth_method: "none" }),
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  // The development login form accepts any login: the login typed becomes the ID token's subject.
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
  pkce: { required: () => true },
  ttl: { IdToken: 300, AccessToken: 300, Session: 600, Interaction: 600, Grant: 600 },
});
// The interactions' cookie-based flow runs on plain http here.
provider.proxy = false;
server.on("request", provider.callback());
console.log(`ISSUER ${issuer}`);
process.on("SIGTERM", () => server.close(() => process.exit(0)));
