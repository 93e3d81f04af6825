import { createHarness, Harness } from "../support/harness";
import { expectNoLeak, LiveServer, startServer } from "./client";

// R18, R19: a server built with `production: true` hides its schema and its internals. Jest runs with
// NODE_ENV=test, so what is checked here comes from the config, not from Apollo's NODE_ENV defaults.
let h: Harness;
let live: LiveServer;
let director: string;

beforeAll(async () => {
  h = await createHarness("http_production", { config: { production: true } });
  live = await startServer(h);
  director = await h.token("director.moulin");
});

afterAll(async () => {
  await live.server.stop();
  await h.close();
});

it("still answers ordinary operations", async () => {
  const reply = await live.post(director, "{ __typename me { login } }");
  expect(reply.status).toBe(200);
  expect(reply.body).toEqual({ data: { __typename: "Query", me: { login: "director.moulin" } } });
});

it.each([
  ["__schema", "{ __schema { types { name } } }"],
  ["__type", '{ __type(name: "Student") { fields { name } } }'],
])("refuses introspection through %s, even to an authenticated caller", async (_field, query) => {
  for (const token of [director, null]) {
    const reply = await live.post(token, query);
    expect(reply.status).toBe(400);
    expect(reply.body.data).toBeUndefined();
    expect(reply.body.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(reply.text).not.toMatch(/Student|School|guardians/);
    expectNoLeak(reply.text);
  }
});

it("does not suggest field names (they would reveal the schema)", async () => {
  const reply = await live.post(director, "{ studnt { gardians } }");
  expect(reply.status).toBe(400);
  expect(reply.body.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  expect(reply.text).not.toMatch(/did you mean/i);
  expect(reply.text).not.toMatch(/"student"|guardians/);
  expectNoLeak(reply.text);
});

it("serves no Sandbox or other landing page to a browser", async () => {
  const reply = await live.request("/graphql", { headers: { accept: "text/html" } });
  expect(reply.status).not.toBe(200);
  expect(reply.headers.get("content-type") ?? "").not.toMatch(/html/);
  expect(reply.text).not.toMatch(/<html|sandbox|apollographql/i);
});

it("sends no stack trace with errors of any kind", async () => {
  const replies = [
    await live.post(director, "{ school(id: 1) { nope } }"),
    await live.post(director, "{ schools(limit: 1000) { totalCount } }"),
    await live.post(director, '{ school(id: "999999") { name } }'),
    await live.post("garbage", "{ me { login } }"),
    await live.post(director, "{ me { login "),
  ];
  expect(replies.map((r) => r.body.errors?.length)).toEqual([1, 1, 1, 1, 1]);
  for (const reply of replies) expectNoLeak(reply.text);
});
