import http from "node:http";
import { createHarness, Harness } from "../support/harness";
import { LiveServer, startServer } from "./client";

// R29: stop() lets the request in flight finish, then refuses new connections.
let h: Harness;
let live: LiveServer;

beforeAll(async () => {
  h = await createHarness("http_shutdown");
  live = await startServer(h);
});

afterAll(async () => {
  // Idempotent: the test has stopped the server already unless it failed early.
  await live.server.stop();
  await h.close();
});

/** Sends the request head and half of the body, and resolves once the server has started on it. */
function startSlowRequest(token: string): { arrived: Promise<void>; finish(): void; response: Promise<{ status: number; body: string }> } {
  const body = JSON.stringify({ query: "{ me { login } }" });
  const url = new URL(`${live.origin}/graphql`);
  const arrived = new Promise<void>((resolve) => live.server.httpServer.once("request", () => resolve()));
  let req!: http.ClientRequest;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: `Bearer ${token}` },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
  });
  req.flushHeaders();
  req.write(body.slice(0, 10));
  return { arrived, finish: () => req.end(body.slice(10)), response };
}

it("finishes the in-flight request before stop() resolves, then refuses new connections", async () => {
  const token = await h.token("director.moulin");
  expect((await live.post(token, "{ me { login } }")).status).toBe(200);

  const slow = startSlowRequest(token);
  await slow.arrived;
  let stopResolved = false;
  const stopped = live.server.stop().then(() => {
    stopResolved = true;
  });
  // The request is still waiting for the rest of its body while the server drains: stop() must wait for it.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(stopResolved).toBe(false);
  expect(live.server.httpServer.listening).toBe(false);
  slow.finish();

  const reply = await slow.response;
  expect(reply.status).toBe(200);
  expect(JSON.parse(reply.body)).toEqual({ data: { me: { login: "director.moulin" } } });
  await stopped;

  expect(live.server.httpServer.listening).toBe(false);
  await expect(fetch(`${live.origin}/healthz`)).rejects.toThrow();
});
