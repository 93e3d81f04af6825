import { CallerCache, invalidateCallers } from "../../src/auth/caller-cache";
import { loadPrincipal, Principal } from "../../src/auth/principal";
import { loadDirectoryText } from "../../src/modules/directory/directory.service";
import { loadConfig } from "../../src/config";
import { signDevelopmentToken } from "../../src/auth/tokens";
import { createHarness, Harness, UAI } from "../support/harness";
import { LiveServer, startServer } from "../http/client";

const ME = `{ me { login roles { role school { name } } } }`;
const SCHOOLS = `{ schools { items { name } } }`;

describe("caller cache: the caller resolved once per token for CALLER_CACHE_MS", () => {
  let h: Harness;
  let live: LiveServer;

  beforeAll(async () => {
    h = await createHarness("caller_cache", { config: { callerCacheMs: 60_000 } });
    live = await startServer(h);
  });
  afterAll(async () => {
    await live.server.stop();
    await h.close();
  });

  const statementsOf = async (work: () => Promise<unknown>, keep = false) => {
    h.db.logger.reset(keep);
    await work();
    return { count: h.db.logger.statements, sql: [...h.db.logger.recent] };
  };

  it("loads a caller in two statements", async () => {
    for (const login of ["director.moulin", "teacher.maths", "dasen.lyon", "parent.martin"]) {
      const { count } = await statementsOf(() => loadPrincipal(h.db.dataSource.manager, login, 2026));
      expect([login, count]).toEqual([login, 2]);
    }
  });

  it("a repeated request with the same token sends no statement to find out who calls", async () => {
    const token = await h.token("director.moulin");
    const first = await statementsOf(() => live.post(token, ME), true);
    const second = await statementsOf(() => live.post(token, ME), true);
    const third = await statementsOf(() => live.post(token, ME), true);
    const lookups = (sql: string[]) => sql.filter((q) => /FROM account a\s+LEFT JOIN role_assignment/.test(q)).length;
    expect(lookups(first.sql)).toBe(1);
    expect(lookups(second.sql)).toBe(0);
    expect(second.count).toBe(first.count - 2);
    expect(third.count).toBe(second.count);
    // Same answer from the cached caller.
    const [a, b] = [await live.post(token, ME), await live.post(token, ME)];
    expect(b.body).toEqual(a.body);
    expect(a.body.data?.me.login).toBe("director.moulin");
  });

  it("another token of the same account is verified and looked up on its own", async () => {
    const token = await h.token("teacher.cp");
    await live.post(token, ME);
    const other = await signDevelopmentToken(h.config.jwt, "teacher.cp", "2h");
    const { sql } = await statementsOf(() => live.post(other, ME), true);
    expect(sql.filter((q) => /FROM account a\s+LEFT JOIN role_assignment/.test(q))).toHaveLength(1);
  });

  it("a role given by a directory load is seen by the very next request", async () => {
    const token = await h.token("teacher.latin");
    const before = await live.post(token, SCHOOLS);
    expect(before.body.data?.schools.items.map((s: { name: string }) => s.name)).toEqual(["Collège Victor Hugo"]);
    // teacher.latin now also teaches at the École Jean Moulin.
    await loadDirectoryText(
      h.db.dataSource,
      JSON.stringify({
        format: "livret-directory/1",
        staff: [{ login: "teacher.latin", surname: "Clément", firstName: "Hélène", roles: [{ role: "TEACHER", school: UAI.moulin }] }],
      }),
    );
    const after = await live.post(token, SCHOOLS);
    expect(after.body.data?.schools.items.map((s: { name: string }) => s.name).sort()).toEqual(["Collège Victor Hugo", "École élémentaire Jean Moulin"]);
  });

  it("a role written behind the cache's back shows once invalidateCallers() runs (the hook other writers call)", async () => {
    const token = await h.token("teacher.parc");
    const names = async () => (await live.post(token, SCHOOLS)).body.data?.schools.items.map((s: { name: string }) => s.name).sort();
    const before = await names();
    const [account] = await h.db.dataSource.query("SELECT id FROM account WHERE login = 'teacher.parc'");
    await h.db.dataSource.query("INSERT INTO role_assignment (accountId, role, schoolId) VALUES (?, 'TEACHER', ?)", [
      account.id,
      Number(await h.ids.school(UAI.hugo)),
    ]);
    // Still the cached caller: this is what the hook is for.
    expect(await names()).toEqual(before);
    invalidateCallers();
    expect(await names()).toEqual([...before, "Collège Victor Hugo"].sort());
  });

  it("a bad token is never cached: it is refused every time", async () => {
    for (let i = 0; i < 2; i++) {
      const reply = await live.post("not.a.token", ME);
      expect(reply.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    }
  });
});

describe("CallerCache", () => {
  const principal = (accountId: number) => ({ accountId }) as unknown as Principal;

  it("reuses an entry until its time is up, then loads again", async () => {
    let now = 1_000;
    const cache = new CallerCache({ ttlMs: 100, now: () => now });
    let loads = 0;
    const load = async () => ({ principal: principal(++loads) });
    expect((await cache.resolve("t", 2026, load)).accountId).toBe(1);
    now += 99;
    expect((await cache.resolve("t", 2026, load)).accountId).toBe(1);
    now += 1;
    expect((await cache.resolve("t", 2026, load)).accountId).toBe(2);
  });

  it("never keeps a caller past the token's expiry, nor across school years", async () => {
    let now = 1_000;
    const cache = new CallerCache({ ttlMs: 10_000, now: () => now });
    let loads = 0;
    const load = async () => ({ principal: principal(++loads), tokenExpiresAt: 1_050 });
    await cache.resolve("t", 2026, load);
    now = 1_049;
    expect((await cache.resolve("t", 2026, load)).accountId).toBe(1);
    expect((await cache.resolve("t", 2027, load)).accountId).toBe(2);
    now = 1_050;
    expect((await cache.resolve("t", 2027, load)).accountId).toBe(3);
  });

  it("invalidateCallers drops every entry, including one whose load was under way", async () => {
    const cache = new CallerCache({ ttlMs: 60_000 });
    let loads = 0;
    await cache.resolve("t", 2026, async () => ({ principal: principal(++loads) }));
    invalidateCallers();
    let release!: () => void;
    const slow = cache.resolve("t", 2026, async () => {
      await new Promise<void>((r) => (release = r));
      return { principal: principal(++loads) };
    });
    await new Promise((r) => setImmediate(r));
    invalidateCallers(); // a role change committed while the lookup ran
    release();
    expect((await slow).accountId).toBe(2);
    expect((await cache.resolve("t", 2026, async () => ({ principal: principal(++loads) }))).accountId).toBe(3);
  });

  it("shares one load between concurrent first requests; a failed load is not kept", async () => {
    const cache = new CallerCache({ ttlMs: 60_000 });
    let loads = 0;
    const load = async () => {
      await new Promise((r) => setImmediate(r));
      return { principal: principal(++loads) };
    };
    const both = await Promise.all([cache.resolve("t", 2026, load), cache.resolve("t", 2026, load)]);
    expect(both.map((p) => p.accountId)).toEqual([1, 1]);
    await expect(cache.resolve("bad", 2026, async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect((await cache.resolve("bad", 2026, load)).accountId).toBe(2);
  });

  it("stays within maxEntries; CALLER_CACHE_MS=0 turns it off", async () => {
    const cache = new CallerCache({ ttlMs: 60_000, maxEntries: 3 });
    for (let i = 0; i < 10; i++) await cache.resolve(`t${i}`, 2026, async () => ({ principal: principal(i) }));
    expect(cache.size).toBe(3);
    expect(loadConfig({ CALLER_CACHE_MS: "0" } as NodeJS.ProcessEnv).callerCacheMs).toBe(0);
    expect(loadConfig({} as NodeJS.ProcessEnv).callerCacheMs).toBe(5000);
    const off = new CallerCache({ ttlMs: 0 });
    let loads = 0;
    await off.resolve("t", 2026, async () => ({ principal: principal(++loads) }));
    await off.resolve("t", 2026, async () => ({ principal: principal(++loads) }));
    expect(loads).toBe(2);
    expect(off.size).toBe(0);
  });
});
