import { AddressInfo } from "node:net";
import { createServer, RunningServer } from "../../src/http/server";
import { GraphQLResponse, Harness } from "../support/harness";

export interface HttpReply<T = Record<string, any>> {
  status: number;
  headers: Headers;
  text: string;
  body: GraphQLResponse<T>;
}

export interface LiveServer {
  server: RunningServer;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** POSTs one operation as JSON to /graphql; `token` null sends no Authorization header. */
  post<T = Record<string, any>>(token: string | null, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<HttpReply<T>>;
  /** Any request to a path of the server, answer read as text and, when it is JSON, parsed. */
  request(path: string, init?: RequestInit): Promise<HttpReply>;
}

/** The real HTTP server (Express + Apollo) over a harness's dependencies, on a free local port. */
export async function startServer(h: Harness): Promise<LiveServer> {
  const server = await createServer(h.deps);
  await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const request = async (path: string, init?: RequestInit): Promise<HttpReply> => {
    const response = await fetch(origin + path, init);
    const text = await response.text();
    let body: GraphQLResponse = {};
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON (e.g. an HTML page): callers look at `text`.
    }
    return { status: response.status, headers: response.headers, text, body };
  };
  return {
    server,
    origin,
    request,
    post: (token, query, variables, headers = {}) =>
      request("/graphql", {
        method: "POST",
        // What the GraphQL-over-HTTP specification asks clients to send; legacy application/json is tested apart.
        headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json;q=0.9", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      }) as Promise<HttpReply<any>>,
  };
}

/** Nesting depth as MAX_QUERY_DEPTH counts it: top-level fields are depth 0. */
export function depthOf(query: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of query) {
    if (ch === "{") max = Math.max(max, ++depth);
    if (ch === "}") depth--;
  }
  return max - 1;
}

/** Fails when a response leaks implementation details: stack traces, SQL, driver error codes. */
export function expectNoLeak(text: string): void {
  expect(text).not.toMatch(/stacktrace/i);
  expect(text).not.toMatch(/\bat .+\.(js|ts):\d+/);
  expect(text).not.toMatch(/node_modules|\/src\//);
  // TypeORM writes SQL keywords in capitals; driver names and codes in any case.
  expect(text).not.toMatch(/\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE)\b|\bER_[A-Z_]+/);
  expect(text).not.toMatch(/sqlite|QueryFailedError|typeorm|mysql|mariadb|no such table|doesn't exist/i);
}
