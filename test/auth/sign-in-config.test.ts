import { loadConfig } from "../../src/config";
import { readCookie, setCookie, signSession, verifySession } from "../../src/auth/sessions";
import { AccountKind } from "../../src/common/domain";

const providerEnv = {
  NODE_ENV: "development",
  PUBLIC_URL: "https://livret.example/",
  OIDC_AGENT_ISSUER: "https://agents.example",
  OIDC_AGENT_CLIENT_ID: "livret",
  OIDC_EDUCONNECT_ISSUER: "https://educonnect.example",
  OIDC_EDUCONNECT_CLIENT_ID: "livret-parents",
} as NodeJS.ProcessEnv;

describe("sign-in configuration and session cookies", () => {
  it("binds the agent IdP to STAFF accounts and EduConnect to GUARDIAN accounts", () => {
    const config = loadConfig(providerEnv);
    expect(config.oidc.publicUrl).toBe("https://livret.example");
    expect(config.oidc.providers.map((p) => [p.id, p.kind, p.issuer, p.clientId, p.loginClaim])).toEqual([
      ["agent", AccountKind.STAFF, "https://agents.example", "livret", "sub"],
      ["educonnect", AccountKind.GUARDIAN, "https://educonnect.example", "livret-parents", "sub"],
    ]);
    // An https public address: the cookies are Secure.
    expect(config.session.secureCookies).toBe(true);
  });

  it("refuses a provider without client id, providers without PUBLIC_URL, production without a session secret", () => {
    expect(() => loadConfig({ ...providerEnv, OIDC_AGENT_CLIENT_ID: "" })).toThrow(/OIDC_AGENT_CLIENT_ID/);
    expect(() => loadConfig({ ...providerEnv, PUBLIC_URL: "" })).toThrow(/PUBLIC_URL/);
    const production = { ...providerEnv, NODE_ENV: "production", JWT_JWKS_URL: "https://agents.example/jwks", JWT_ACCOUNT_KIND: "STAFF", JWT_ISSUER: "i", JWT_AUDIENCE: "a" };
    expect(() => loadConfig(production)).toThrow(/SESSION_SECRET/);
    expect(loadConfig({ ...production, SESSION_SECRET: "x".repeat(32) }).session.secureCookies).toBe(true);
  });

  it("a session names its login and kind; another secret, or an altered token, is refused", async () => {
    const session = { secret: "s".repeat(32), ttlSeconds: 60, secureCookies: false };
    const token = await signSession(session, { login: "parent.martin", kind: AccountKind.GUARDIAN });
    expect(await verifySession(session, token)).toEqual({ login: "parent.martin", kind: AccountKind.GUARDIAN });
    await expect(verifySession({ ...session, secret: "t".repeat(32) }, token)).rejects.toThrow();
    await expect(verifySession(session, token.slice(0, -2) + "xx")).rejects.toThrow();
  });

  it("cookies are HttpOnly with the SameSite asked, and read back from a Cookie header", () => {
    const header = setCookie("livret_session", "a b", { maxAgeSeconds: 60, path: "/", sameSite: "Strict", secure: true });
    expect(header).toBe("livret_session=a%20b; Path=/; Max-Age=60; HttpOnly; SameSite=Strict; Secure");
    expect(readCookie("x=1; livret_session=a%20b; y=2", "livret_session")).toBe("a b");
    expect(readCookie("livret_sessionx=1", "livret_session")).toBeUndefined();
  });
});
