import { AccountKind } from "../../src/common/domain";
import { loadConfig } from "../../src/config";
import { authenticate } from "../../src/http/server";
import { createHarness, Harness, testConfig } from "../support/harness";

// The single JWT_JWKS_URL key set used to let any of its keys name any login: a guardians' provider could name a head.
describe("bearer tokens of the JWT_* settings name one kind of account (JWT_ACCOUNT_KIND)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("jwt-account-kind", { config: { jwt: { ...testConfig().jwt, accountKind: AccountKind.GUARDIAN } } });
  });
  afterAll(() => h.close());

  it("a guardians' token names a guardian", async () => {
    const principal = await authenticate(h.deps, `Bearer ${await h.token("parent.martin")}`);
    expect(principal).toMatchObject({ login: "parent.martin", kind: AccountKind.GUARDIAN });
  });

  it("the same key naming a head's or a teacher's login is refused as unauthenticated", async () => {
    for (const login of ["head.hugo", "teacher.cp"]) {
      await expect(authenticate(h.deps, `Bearer ${await h.token(login)}`)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    }
  });

  it("JWT_JWKS_URL without JWT_ACCOUNT_KIND, production without it, or an unknown kind, refuse to start", () => {
    expect(() => loadConfig({ NODE_ENV: "development", JWT_JWKS_URL: "https://idp.example/jwks" } as NodeJS.ProcessEnv)).toThrow(/JWT_ACCOUNT_KIND/);
    const production = { NODE_ENV: "production", JWT_SECRET: "a-production-secret", JWT_ISSUER: "i", JWT_AUDIENCE: "a" } as NodeJS.ProcessEnv;
    expect(() => loadConfig(production)).toThrow(/JWT_ACCOUNT_KIND/);
    expect(() => loadConfig({ ...production, JWT_ACCOUNT_KIND: "HEAD" })).toThrow(/STAFF or GUARDIAN/);
    expect(loadConfig({ ...production, JWT_ACCOUNT_KIND: "STAFF" }).jwt.accountKind).toBe(AccountKind.STAFF);
    // Development tokens (the demo personas) still name any account.
    expect(loadConfig({ NODE_ENV: "development" } as NodeJS.ProcessEnv).jwt.accountKind).toBeUndefined();
  });
});
