import { ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { launchBrowser, LaunchedBrowser, Page } from "./support/browser";
import { ROOT, startServer, StartedServer, stopServer } from "./support/server";

/** A port the system says is free now (the providers must know Livret's redirect address before it starts). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

interface RunningProvider {
  child: ChildProcess;
  issuer: string;
}

async function startProvider(client: { clientId: string; clientSecret?: string; redirectUri: string }): Promise<RunningProvider> {
  const child = spawn(process.execPath, [path.join(ROOT, "e2e", "support", "oidc-provider.mjs"), JSON.stringify(client)], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  for (let i = 0; i < 300 && !/ISSUER (\S+)/.test(output); i++) {
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const match = /ISSUER (\S+)/.exec(output);
  if (!match) throw new Error(`the identity provider did not start:\n${output}`);
  return { child, issuer: match[1] };
}

function stopProvider(provider: RunningProvider | undefined) {
  if (!provider) return;
  provider.child.kill("SIGKILL");
  provider.child.stdout?.destroy();
  provider.child.stderr?.destroy();
}

/** Signs in at the provider's own login page (oidc-provider's development interactions) and consents. */
async function signInAt(page: Page, livret: string, providerId: string, login: string) {
  await page.goto(`${livret}/auth/login/${providerId}`);
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', "any");
  await page.click('button[type="submit"]');
  // First sign-in at this provider: its consent page.
  await page.waitForSelector('button[type="submit"]');
  await Promise.all([page.waitForURL((u) => u.href.startsWith(livret)), page.click('button[type="submit"]')]);
}

/** Who the graph says is signed in, asked from a page of Livret's origin (the refusal pages allow no requests). */
const me = async (page: Page) => {
  if (!page.url().endsWith("/healthz")) await page.goto(new URL("/healthz", page.url()).href);
  return page.evaluate(async () => {
    const response = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ me { login kind } }" }) });
    return { status: response.status, body: (await response.json()) as { data: null | { me: { login: string; kind: string } | null } } };
  });
};

/** The production sign-in: authorization code + PKCE against two real local OpenID Providers, each bound to its kind of account. */
describe("OpenID Connect sign-in (oidc-provider as the ministry's agent IdP and as EduConnect)", () => {
  let agent: RunningProvider;
  let educonnect: RunningProvider;
  let server: StartedServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    [agent, educonnect] = await Promise.all([
      startProvider({ clientId: "livret-staff", clientSecret: "staff-client-secret-for-tests", redirectUri: `${publicUrl}/auth/callback/agent` }),
      startProvider({ clientId: "livret-guardians", redirectUri: `${publicUrl}/auth/callback/educonnect` }),
    ]);
    server = await startServer({
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      OIDC_AGENT_ISSUER: agent.issuer,
      OIDC_AGENT_CLIENT_ID: "livret-staff",
      OIDC_AGENT_CLIENT_SECRET: "staff-client-secret-for-tests",
      OIDC_EDUCONNECT_ISSUER: educonnect.issuer,
      OIDC_EDUCONNECT_CLIENT_ID: "livret-guardians",
      SESSION_SECRET: "e2e-session-secret-of-at-least-32-characters",
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
    stopProvider(agent);
    stopProvider(educonnect);
  });
  beforeEach(async () => {
    await browser?.close();
    browser = await launchBrowser();
  });

  it("a head signs in through the agent IdP: code + PKCE, then the session cookie is HttpOnly and SameSite=Strict", async () => {
    const page = await browser.context.newPage();
    const authorize: string[] = [];
    page.on("request", (r) => {
      if (r.url().startsWith(`${agent.issuer}/auth?`)) authorize.push(r.url());
    });
    await signInAt(page, server.url, "agent", "head.hugo");
    const query = new URL(authorize[0]).searchParams;
    expect(query.get("response_type")).toBe("code");
    expect(query.get("code_challenge_method")).toBe("S256");
    expect(query.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(query.get("nonce")).toBeTruthy();
    expect(query.get("state")).toBeTruthy();
    expect(await me(page)).toEqual({ status: 200, body: { data: { me: { login: "head.hugo", kind: "STAFF" } } } });
    const session = (await browser.context.cookies(server.url)).find((c) => c.name === "livret_session")!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(await page.evaluate("document.cookie")).not.toContain("livret_session");
  });

  it("a guardian signs in through EduConnect (public client, PKCE only) and reads their children", async () => {
    const page = await browser.context.newPage();
    await signInAt(page, server.url, "educonnect", "parent.martin");
    expect((await me(page)).body.data?.me).toEqual({ login: "parent.martin", kind: "GUARDIAN" });
  });

  it("EduConnect cannot name a head's login, nor the agent IdP a guardian's: refused, no session", async () => {
    const page = await browser.context.newPage();
    await signInAt(page, server.url, "educonnect", "head.hugo");
    expect(await page.textContent("main")).toContain("Ce compte ne se connecte pas par ce fournisseur d'identité.");
    await signInAt(page, server.url, "agent", "parent.martin");
    expect(await page.textContent("main")).toContain("Ce compte ne se connecte pas par ce fournisseur d'identité.");
    expect((await browser.context.cookies(server.url)).some((c) => c.name === "livret_session" && c.value)).toBe(false);
    expect((await me(page)).body.data?.me ?? null).toBeNull();
  });

  it("a callback whose state or code was tampered with is refused", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/auth/login/agent`);
    // Back at Livret with a forged answer instead of the provider's.
    const response = await page.goto(`${server.url}/auth/callback/agent?code=forged&state=forged&iss=${encodeURIComponent(agent.issuer)}`);
    expect(response!.status()).toBe(401);
    expect((await me(page)).body.data?.me ?? null).toBeNull();
  });

  it("a forged session cookie is not a session", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/healthz`);
    await browser.context.addCookies([{ name: "livret_session", value: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJoZWFkLmh1Z28ifQ.forged", url: server.url }]);
    expect((await me(page)).status).toBe(401);
  });
});
