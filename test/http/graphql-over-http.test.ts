import fs from "node:fs";
import { createHarness, Harness } from "../support/harness";
import { expectNoLeak, LiveServer, startServer } from "./client";
import { TRUSTED_DOCUMENTS_FILE } from "../../src/http/trusted-documents";
import { DEVELOPMENT_CORS_ORIGINS, loadConfig } from "../../src/config";
import { aliases } from "../../scripts/support/hostile";

// What a front-end developer meets at the door: media types and statuses, malformed bodies, 401s, CORS, the explorer.
let h: Harness;
let live: LiveServer;
let director: string;

beforeAll(async () => {
  h = await createHarness("graphql_over_http");
  live = await startServer(h);
  director = await h.token("director.moulin");
});

afterAll(async () => {
  await live.server.stop();
  await h.close();
});

const postAs = (accept: string | undefined, query: string, token: string | null = director) =>
  live.request("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...(accept ? { accept } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });

describe("GraphQL over HTTP: media types and status codes", () => {
  it("answers application/graphql-response+json when the client accepts it, with 200 for an executed operation", async () => {
    const reply = await postAs("application/graphql-response+json", "{ me { login } }");
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("application/graphql-response+json; charset=utf-8");
    expect(reply.body).toEqual({ data: { me: { login: "director.moulin" } } });
  });

  it("answers 400 with graphql-response+json to a document that does not parse or validate (no data entry)", async () => {
    // The last one is refused by the breadth count before graphql-js's rules (src/http/precheck.ts).
    for (const query of ["{ me { login }", "{ nosuchfield }", aliases(31)]) {
      const reply = await postAs("application/graphql-response+json", query);
      expect(reply.status).toBe(400);
      expect(reply.headers.get("content-type")).toBe("application/graphql-response+json; charset=utf-8");
      expect(reply.body.data).toBeUndefined();
      expect(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED"]).toContain(reply.body.errors![0].extensions?.code);
    }
  });

  it("answers 200 with application/json (no Accept, or Accept: application/json) to the same well-formed request", async () => {
    for (const accept of [undefined, "application/json"]) {
      for (const query of ["{ nosuchfield }", aliases(31)]) {
        const reply = await postAs(accept, query);
        expect(reply.status).toBe(200);
        expect(reply.headers.get("content-type")).toBe("application/json; charset=utf-8");
        expect(reply.body.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      }
    }
  });

  it("answers 406 when the client accepts neither media type", async () => {
    for (const query of ["{ me { login } }", aliases(31)]) expect((await postAs("text/csv", query)).status).toBe(406);
  });

  it("answers a malformed JSON body with a JSON error that says so (BAD_REQUEST), for either media type", async () => {
    for (const accept of ["application/json", "application/graphql-response+json"]) {
      const reply = await live.request("/graphql", { method: "POST", headers: { "content-type": "application/json", accept }, body: '{"query": "{ me { login } }"' });
      expect(reply.status).toBe(400);
      expect(reply.headers.get("content-type")).toMatch(/json/);
      expect(reply.body.errors).toHaveLength(1);
      expect(reply.body.errors![0].extensions).toEqual({ code: "BAD_REQUEST" });
      expect(reply.body.errors![0].message).toMatch(/^Malformed JSON body/);
      expectNoLeak(reply.text);
    }
  });

  it("sends WWW-Authenticate: Bearer with every 401 (GraphQL and the LSU import)", async () => {
    const bad = await postAs("application/json", "{ me { login } }", "not-a-jwt");
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toBe('Bearer realm="livret", error="invalid_token"');
    const anonymous = await live.request("/imports/lsu", { method: "POST", headers: { "content-type": "application/xml" }, body: "<x/>" });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe('Bearer realm="livret"');
    // An anonymous GraphQL request is not a 401: public fields (e.g. __typename) answer it.
    expect((await postAs("application/json", "{ __typename }", null)).headers.get("www-authenticate")).toBeNull();
  });
});

describe("CORS", () => {
  it("allows the Vite dev server's origin by default outside production, and nothing in production", () => {
    expect(loadConfig({ NODE_ENV: "development" } as NodeJS.ProcessEnv).corsOrigins).toEqual(DEVELOPMENT_CORS_ORIGINS);
    expect(DEVELOPMENT_CORS_ORIGINS).toContain("http://localhost:5173");
    const production = { NODE_ENV: "production", JWT_JWKS_URL: "https://idp.example/jwks", JWT_ACCOUNT_KIND: "STAFF", JWT_ISSUER: "i", JWT_AUDIENCE: "a" } as NodeJS.ProcessEnv;
    expect(loadConfig(production).corsOrigins).toEqual([]);
    expect(loadConfig({ ...production, CORS_ORIGINS: "https://a.example, https://b.example" }).corsOrigins).toEqual(["https://a.example", "https://b.example"]);
  });

  it("answers the dev server's preflight with a grant (the default configuration)", async () => {
    const response = await fetch(`${live.origin}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/authorization/i);
  });
});

describe("the local explorer (/explorer)", () => {
  it("serves GraphiQL from this server only: every script and style is local, and the CSP forbids any other origin", async () => {
    const page = await live.request("/explorer");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    expect(page.headers.get("content-security-policy")).toMatch(/connect-src 'self'/);
    expect(page.text).not.toMatch(/https?:\/\//);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining(["/explorer/assets/graphiql.js", "/explorer/assets/react.js", "/explorer/assets/react-dom.js", "/explorer/assets/graphiql.css"]));
    for (const asset of assets) {
      const reply = await live.request(asset);
      expect({ asset, status: reply.status }).toEqual({ asset, status: 200 });
      expect(reply.text.length).toBeGreaterThan(100);
    }
  });

  it("offers no personas unless the server was given them (only main.ts does, outside production)", async () => {
    expect((await live.request("/explorer/personas.json")).body).toEqual([]);
  });

  it("leaves Sandbox at /graphql outside production", async () => {
    const reply = await live.request("/graphql", { headers: { accept: "text/html" } });
    expect(reply.status).toBe(200);
    expect(reply.text).toMatch(/sandbox|apollo/i);
  });

  it("has a persisted-documents allow-list generated from operations/*.graphql", () => {
    const manifest = JSON.parse(fs.readFileSync(TRUSTED_DOCUMENTS_FILE(), "utf8")) as Record<string, string>;
    expect(Object.values(manifest).some((d) => d.startsWith("query Me "))).toBe(true);
  });
});
