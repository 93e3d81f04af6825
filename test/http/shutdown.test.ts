import http from "node:http";
import { createHarness, Harness } from "../support/harness";
import { LiveServer, startServer } from "./client";

// R29 and issue 9 item 7: a drain loses nothing accepted. Each test stops its own server.
let h: Harness;
let live: LiveServer;
let token: string;

beforeAll(async () => {
  h = await createHarness("http_shutdown");
  token = await h.token("director.moulin");
});
beforeEach(async () => {
  live = await startServer(h);
});
afterEach(async () => {
  // Idempotent: the test has stopped the server already unless it failed early.
  await live.server.stop({ graceMs: 0 });
});
afterAll(async () => {
  await h.close();
});

interface Reply {
  status: number;
  connection: string | undefined;
  body: string;
}

const ME = JSON.stringify({ query: "{ me { login } }" });

/** POST /graphql of ME over `agent`; with `partial`, only the head and part of the body go until finish() is called. */
function send(agent: http.Agent | false, partial = false): { arrived: Promise<void>; finish(): void; reply: Promise<Reply> } {
  const url = new URL(`${live.origin}/graphql`);
  const arrived = new Promise<void>((resolve) => live.server.httpServer.once("request", () => resolve()));
  let req!: http.ClientRequest;
  const reply = new Promise<Reply>((resolve, reject) => {
    req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(ME), authorization: `Bearer ${token}` },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
  });
  if (partial) {
    req.flushHeaders();
    req.write(ME.slice(0, 10));
  } else {
    req.end(ME);
  }
  return { arrived, finish: () => req.end(ME.slice(10)), reply };
}

const answeredMe = (reply: Reply) => {
  expect(reply.status).toBe(200);
  expect(JSON.parse(reply.body)).toEqual({ data: { me: { login: "director.moulin" } } });
};

it("finishes the in-flight request before stop() resolves, then refuses new connections", async () => {
  expect((await live.post(token, "{ me { login } }")).status).toBe(200);

  const slow = send(false, true);
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

  const reply = await slow.reply;
  answeredMe(reply);
  // Its connection is not kept for another request: the client knows to open a new one elsewhere.
  expect(reply.connection).toBe("close");
  await stopped;

  expect(live.server.httpServer.listening).toBe(false);
  await expect(fetch(`${live.origin}/healthz`)).rejects.toThrow();
});

it("during the delay, /readyz is 503 and a request on a kept-alive connection is answered with Connection: close, not reset", async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = await send(agent).reply;
    answeredMe(first);
    expect(first.connection).toBe("keep-alive");
    const stopped = live.server.stop({ delayMs: 400 });
    expect((await live.request("/readyz")).status).toBe(503);
    // Sent on the socket kept from the first request, while the server drains.
    const during = await send(agent).reply;
    answeredMe(during);
    expect(during.connection).toBe("close");
    await stopped;
  } finally {
    agent.destroy();
  }
});

it("a request longer than the grace is cut once the grace is over: SHUTDOWN_GRACE_MS bounds the drain", async () => {
  const slow = send(false, true);
  await slow.arrived;
  let stopResolved = false;
  const stopped = live.server.stop({ graceMs: 400 }).then(() => {
    stopResolved = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(stopResolved).toBe(false);
  await stopped;
  await expect(slow.reply).rejects.toThrow();
});
