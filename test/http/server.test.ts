import { SignJWT } from "jose";
import { createHarness, Harness, UAI } from "../support/harness";
import { depthOf, expectNoLeak, LiveServer, startServer } from "./client";

// The real Express + Apollo stack on a local port: authentication, CSRF/CORS, size and demand limits, probes.
const FRONT_END = "https://livret.example.fr";

let h: Harness;
let live: LiveServer;
let director: string;

beforeAll(async () => {
  // No caller cache: the demand-control cases compare against what authenticating costs on every request.
  h = await createHarness("http_server", { config: { corsOrigins: [FRONT_END], callerCacheMs: 0 } });
  live = await startServer(h);
  director = await h.token("director.moulin");
});

afterAll(async () => {
  await live.server.stop();
  await h.close();
});

/** Signs a token like the server expects, with the given deviations. */
function signToken(options: { sub?: string; issuer?: string; audience?: string; secret?: string; exp?: number } = {}): Promise<string> {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: "HS256", typ: "JWT" }).setIssuedAt();
  if (options.sub !== "") jwt.setSubject(options.sub ?? "director.moulin");
  return jwt
    .setIssuer(options.issuer ?? h.config.jwt.issuer)
    .setAudience(options.audience ?? h.config.jwt.audience)
    .setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 600)
    .sign(new TextEncoder().encode(options.secret ?? h.config.jwt.secret!));
}

/** The SQL statements one request sends (authentication included), in a stable order. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  h.db.logger.reset(true);
  await work();
  return [...h.db.logger.recent].sort();
}

describe("authentication", () => {
  it("answers an operation sent with a valid bearer token", async () => {
    const reply = await live.post(director, "{ me { login } }");
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ data: { me: { login: "director.moulin" } } });
  });

  it("refuses `me` without a token with UNAUTHENTICATED", async () => {
    const reply = await live.post(null, "{ me { login } }");
    expect(reply.body.data ?? null).toBeNull();
    expect(reply.body.errors).toHaveLength(1);
    expect(reply.body.errors![0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  const badTokens: Array<[string, () => Promise<string>]> = [
    ["a garbage token", async () => "not-a-jwt"],
    ["a truncated token", async () => (await signToken()).slice(0, -10)],
    ["an expired token", () => signToken({ exp: Math.floor(Date.now() / 1000) - 3600 })],
    ["a token signed with another secret", () => signToken({ secret: "some-other-secret-of-sufficient-length-123" })],
    ["a token from another issuer", () => signToken({ issuer: "https://idp.evil.example" })],
    ["a token for another audience", () => signToken({ audience: "another-api" })],
    ["a token without a subject", () => signToken({ sub: "" })],
    ["a valid token for a login that does not exist", () => signToken({ sub: "nobody.at.all" })],
  ];
  it.each(badTokens)("refuses %s with HTTP 401 UNAUTHENTICATED before anything runs", async (_what, make) => {
    const reply = await live.post(await make(), "{ me { login } }");
    expect(reply.status).toBe(401);
    expect(reply.body.data).toBeUndefined();
    expect(reply.body.errors).toHaveLength(1);
    expect(reply.body.errors![0].extensions).toEqual({ code: "UNAUTHENTICATED" });
    expectNoLeak(reply.text);
  });

  it("refuses an Authorization header that is not `Bearer <token>` with HTTP 401", async () => {
    for (const header of ["Basic ZGlyZWN0b3I6cGFzcw==", `Bearer ${director} extra`, "Bearer"]) {
      const reply = await live.post(null, "{ me { login } }", undefined, { authorization: header });
      expect(reply.status).toBe(401);
      expect(reply.body.errors![0].extensions?.code).toBe("UNAUTHENTICATED");
    }
  });
});

describe("CSRF and CORS (R20)", () => {
  it("refuses a GET without a preflight-forcing header", async () => {
    const reply = await live.request("/graphql?query=%7B__typename%7D");
    expect(reply.status).toBe(400);
    expect(reply.body.errors![0].extensions?.code).toBe("BAD_REQUEST");
    expect(reply.body.data).toBeUndefined();
  });

  it("answers the same GET when the client proves it is not a simple cross-site request", async () => {
    const reply = await live.request("/graphql?query=%7B__typename%7D", { headers: { "apollo-require-preflight": "true" } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ data: { __typename: "Query" } });
  });

  it("never runs a mutation sent by GET, though the same mutation by POST works", async () => {
    const schoolId = await h.ids.school(UAI.hugo);
    const isOpen = async () => {
      const [row] = await h.db.dataSource.query("SELECT onlineServiceOpen FROM school WHERE id = ?", [schoolId]);
      return Boolean(Number(row.onlineServiceOpen));
    };
    const head = await h.token("head.hugo");
    const mutation = `mutation { openOnlineService(schoolId: "${schoolId}") { onlineServiceOpen } }`;
    expect(await isOpen()).toBe(false);

    const reply = await live.request(`/graphql?query=${encodeURIComponent(mutation)}`, {
      headers: { "apollo-require-preflight": "true", authorization: `Bearer ${head}` },
    });
    expect(reply.status).toBe(405);
    expect(reply.body.data).toBeUndefined();
    expect(await isOpen()).toBe(false);

    const posted = await live.post(head, mutation);
    expect(posted.body).toEqual({ data: { openOnlineService: { onlineServiceOpen: true } } });
    expect(await isOpen()).toBe(true);
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])(
    "refuses a POST sent as %s (a form or beacon could send it cross-site)",
    async (contentType) => {
      const reply = await live.request("/graphql", {
        method: "POST",
        headers: { "content-type": contentType, authorization: `Bearer ${director}` },
        body: JSON.stringify({ query: "{ me { login } }" }),
      });
      expect(reply.status).toBe(400);
      expect(reply.body.data).toBeUndefined();
    },
  );

  it("gives no CORS grant to an origin outside the allow-list", async () => {
    const response = await fetch(`${live.origin}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization" },
    });
    // Without Allow-Origin the browser withholds the answer (the cors package still sends Allow-Credentials).
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("grants CORS, with credentials, to the configured front-end origin", async () => {
    const response = await fetch(`${live.origin}/graphql`, {
      method: "OPTIONS",
      headers: { origin: FRONT_END, "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization" },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get("access-control-allow-origin")).toBe(FRONT_END);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
  });
});

describe("request size and batching (R14, R15)", () => {
  it("refuses a body larger than maxBodyBytes with 413 and no stack trace", async () => {
    const padding = "#".repeat(h.config.maxBodyBytes + 1);
    const reply = await live.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${director}` },
      body: JSON.stringify({ query: `{ __typename }\n${padding}` }),
    });
    expect(reply.status).toBe(413);
    expect(reply.body).toEqual({ errors: [{ message: "Request body too large.", extensions: { code: "BAD_REQUEST" } }] });
    expectNoLeak(reply.text);
  });

  it("accepts a body under the limit (the limit is the configured one, not a smaller one)", async () => {
    // A GraphQL comment pads the body to about half the limit.
    const padding = "#".repeat(Math.floor(h.config.maxBodyBytes / 2));
    const reply = await live.post(director, `{ __typename }\n${padding}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ data: { __typename: "Query" } });
  });

  it("refuses a body that is not JSON with a plain 400", async () => {
    const reply = await live.request("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: "{ not json" });
    expect(reply.status).toBe(400);
    expect(reply.body.errors![0].extensions?.code).toBe("BAD_REQUEST");
    expectNoLeak(reply.text);
  });

  it("refuses HTTP batching (several operations in one POST)", async () => {
    const reply = await live.request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${director}` },
      body: JSON.stringify([{ query: "{ me { login } }" }, { query: "{ me { login } }" }]),
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors![0].extensions?.code).toBe("BAD_REQUEST");
    expect(reply.body.data).toBeUndefined();
  });
});

describe("liveness and readiness (R30)", () => {
  it("answers /healthz", async () => {
    const reply = await live.request("/healthz");
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: "ok" });
  });

  it("answers /readyz 200, then 503 while not ready, then 200 again", async () => {
    expect((await live.request("/readyz")).status).toBe(200);
    live.server.setReady(false);
    try {
      const draining = await live.request("/readyz");
      expect(draining.status).toBe(503);
      // Liveness does not follow readiness: a draining process must not be restarted.
      expect((await live.request("/healthz")).status).toBe(200);
    } finally {
      live.server.setReady(true);
    }
    expect((await live.request("/readyz")).status).toBe(200);
  });
});

describe("demand control (R12, R13)", () => {
  // me1 roles2 school3 periodSchemes4 classes5 school6 periodSchemes7 classes8 school9 academy10 name11: depth 10.
  const atTheLimit = `{ me { roles { school { periodSchemes { classes { school { periodSchemes { classes { school {
    academy { name } } } } } } } } } } }`;
  const tooDeep = `query Deep($id: ID!) { school(id: $id) { classes { school { classes { school { classes { school { classes {
    school { classes { school { classes { id } } } } } } } } } } } } }`;
  const tooDeepThroughFragments = `query Deep($id: ID!) { school(id: $id) { ...A } }
    fragment A on School { classes { school { classes { school { ...B } } } } }
    fragment B on School { classes { school { classes { school { ...C } } } } }
    fragment C on School { classes { school { classes { id } } } }`;

  let authOnly: string[];
  let schoolId: string;
  beforeAll(async () => {
    schoolId = await h.ids.school(UAI.moulin);
    // What authenticating the director costs, with nothing else: the baseline for "nothing ran".
    authOnly = await statementsOf(() => live.post(director, "{ __typename }"));
    expect(authOnly.length).toBeGreaterThan(0);
  });

  it("accepts an operation exactly at the depth limit", async () => {
    expect(depthOf(atTheLimit)).toBe(h.config.maxDepth);
    const reply = await live.post(director, atTheLimit);
    expect(reply.status).toBe(200);
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data?.me.roles.length).toBeGreaterThan(0);
  });

  it.each([
    ["nested fields", tooDeep],
    ["fragments", tooDeepThroughFragments],
  ])("refuses an operation deeper than maxDepth through %s before any resolver runs", async (_how, query) => {
    let reply!: Awaited<ReturnType<LiveServer["post"]>>;
    const statements = await statementsOf(async () => {
      reply = await live.post(director, query, { id: schoolId });
    });
    expect(reply.status).toBe(400);
    expect(reply.body.data).toBeUndefined();
    expect(reply.body.errors).toHaveLength(1);
    expect(reply.body.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(reply.body.errors![0].message).toContain(`exceeds maximum operation depth of ${h.config.maxDepth}`);
    // Only the caller was loaded: no statement for the school or its classes.
    expect(statements).toEqual(authOnly);
    expect(statements.join("\n")).not.toMatch(/school_class/);
  });

  it("refuses an operation over the cost budget with 400 BAD_USER_INPUT before any resolver runs", async () => {
    const query = "{ schools(limit: 100) { items { classes { students { enrolments { groups { code } } } } } } }";
    expect(depthOf(query)).toBeLessThanOrEqual(h.config.maxDepth);
    let reply!: Awaited<ReturnType<LiveServer["post"]>>;
    const statements = await statementsOf(async () => {
      reply = await live.post(director, query);
    });
    expect(reply.status).toBe(400);
    expect(reply.body.data).toBeUndefined();
    expect(reply.body.errors).toHaveLength(1);
    const error = reply.body.errors![0];
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.extensions?.maxCost).toBe(h.config.maxCost);
    expect(error.extensions?.cost).toBeGreaterThan(h.config.maxCost);
    expect(statements).toEqual(authOnly);
    expectNoLeak(reply.text);
  });

  it("accepts a cheap operation on the same fields", async () => {
    const reply = await live.post(director, "{ schools(limit: 5) { totalCount items { uai classes { code } } } }");
    expect(reply.status).toBe(200);
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data?.schools.items.map((s: { uai: string }) => s.uai)).toEqual([UAI.moulin]);
  });

  it("refuses a page larger than 100 rows as BAD_USER_INPUT, naming the argument", async () => {
    const reply = await live.post(director, "{ schools(limit: 1000) { totalCount } }");
    expect(reply.body.data ?? null).toBeNull();
    expect(reply.body.errors).toHaveLength(1);
    const error = reply.body.errors![0];
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.extensions?.validationErrors).toEqual([{ property: "limit", constraints: { max: expect.any(String) } }]);
    expectNoLeak(reply.text);
  });

  it("accepts a page of exactly 100 rows", async () => {
    const reply = await live.post(director, "{ schools(limit: 100) { totalCount } }");
    expect(reply.body).toEqual({ data: { schools: { totalCount: 1 } } });
  });
});

describe("development mode", () => {
  it("serves the Sandbox landing page to a browser (production must not: see production.test.ts)", async () => {
    const reply = await live.request("/graphql", { headers: { accept: "text/html" } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toMatch(/text\/html/);
    expect(reply.text).toMatch(/sandbox/i);
  });

  it("sends no stack trace even outside production", async () => {
    const reply = await live.post(director, "{ school(id: 1) { nope } }");
    expect(reply.status).toBe(400);
    expect(reply.body.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expectNoLeak(reply.text);
  });
});
