import { createHarness, Harness } from "../support/harness";
import { expectNoLeak, LiveServer, startServer } from "./client";

// R19, R27, R30: unexpected failures reach the client as a bare internal error; the detail goes to the log.
let h: Harness;
let live: LiveServer;
let director: string;
let log: jest.SpyInstance;

beforeAll(async () => {
  // No caller cache: authentication must reach the database on every request here (test/auth/caller-cache.test.ts covers the cache).
  h = await createHarness("http_masking", { config: { callerCacheMs: 0 } });
  live = await startServer(h);
  director = await h.token("director.moulin");
});

beforeEach(() => {
  // The server logs unexpected errors with console.error; captured here to check what the log holds.
  log = jest.spyOn(console, "error").mockImplementation(() => undefined);
});

afterEach(() => log.mockRestore());

afterAll(async () => {
  await live.server.stop();
  await h.close();
});

/** What the server wrote to its error log, as text (errors shown by class name and message). */
function logged(): string {
  const show = (_key: string, value: unknown) => (value instanceof Error ? `${value.constructor.name}: ${value.message}` : value);
  return log.mock.calls.map((args) => args.map((arg: unknown) => (typeof arg === "string" ? arg : JSON.stringify(arg, show))).join(" ")).join("\n");
}

/** Makes every read of `subject` fail with a driver error, on SQLite and MariaDB alike, until restored. */
async function withoutSubjectTable(work: () => Promise<void>): Promise<void> {
  // RENAME keeps the foreign key from teaching_assignment valid on both engines, and is undone afterwards.
  await h.db.dataSource.query("ALTER TABLE subject RENAME TO subject_gone");
  try {
    await work();
  } finally {
    await h.db.dataSource.query("ALTER TABLE subject_gone RENAME TO subject");
  }
}

describe("a database error inside a resolver", () => {
  it("reaches the client as exactly `Internal server error`, with no SQL, table or driver detail", async () => {
    await withoutSubjectTable(async () => {
      const reply = await live.post(director, "{ subjects { code } }");
      expect(reply.status).toBe(200);
      expect(reply.body.data ?? null).toBeNull();
      expect(reply.body.errors).toEqual([
        { message: "Internal server error", locations: [{ line: 1, column: 3 }], path: ["subjects"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
      ]);
      expect(reply.text).not.toContain("subject_gone");
      expectNoLeak(reply.text);
    });
    // The full error is in the server log instead.
    expect(logged()).toMatch(/internal error/);
    expect(logged()).toMatch(/QueryFailedError/);
  });

  it("masks the error in a mixed operation too, and recovers once the table is back", async () => {
    await withoutSubjectTable(async () => {
      const reply = await live.post(director, "{ me { login } subjects { code } }");
      expect(reply.body.data).toBeNull(); // subjects is non-null, so the null propagates to the root
      expect(reply.body.errors).toHaveLength(1);
      expect(reply.body.errors![0].message).toBe("Internal server error");
    });
    // The table is back: the same operation works again without restarting anything.
    const reply = await live.post(director, "{ subjects { code } }");
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data?.subjects.length).toBeGreaterThan(0);
  });
});

describe("the database going away", () => {
  it("turns readiness off, keeps liveness on, masks the failure, and recovers without a restart", async () => {
    expect((await live.request("/readyz")).status).toBe(200);
    await h.db.dataSource.destroy();
    try {
      const ready = await live.request("/readyz");
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: "database unavailable" });
      expectNoLeak(ready.text);
      expect((await live.request("/healthz")).status).toBe(200);

      // Authentication needs the database: the failure is masked like any other.
      const reply = await live.post(director, "{ me { login } }");
      expect(reply.status).toBe(500);
      expect(reply.body.data).toBeUndefined();
      expect(reply.body.errors).toHaveLength(1);
      expect(reply.body.errors![0].message).toBe("Internal server error");
      expect(reply.body.errors![0].extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
      expectNoLeak(reply.text);
      expect(reply.text).not.toMatch(/context creation/i);
    } finally {
      await h.db.dataSource.initialize();
    }
    expect((await live.request("/readyz")).status).toBe(200);
  });
});
