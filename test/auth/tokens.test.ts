import http from "node:http";
import { AddressInfo } from "node:net";
import { exportJWK, exportSPKI, generateKeyPair, GenerateKeyPairResult, JWK, SignJWT } from "jose";
import { Config, DEVELOPMENT_JWT_SECRET } from "../../src/config";
import { createTokenVerifier, signDevelopmentToken } from "../../src/auth/tokens";

const now = () => Math.floor(Date.now() / 1000);
// The lib settings have no DOM types; this is the key type jose hands back.
type PrivateKey = GenerateKeyPairResult["privateKey"];
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("HS256 (development and tests)", () => {
  const jwt: Config["jwt"] = { secret: DEVELOPMENT_JWT_SECRET, issuer: "livret-dev", audience: "livret" };
  const verifier = createTokenVerifier(jwt);
  const key = new TextEncoder().encode(DEVELOPMENT_JWT_SECRET);
  const claims = (): SignJWT =>
    new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setIssuer(jwt.issuer).setAudience(jwt.audience).setIssuedAt();

  it("accepts a token from signDevelopmentToken and returns its subject", async () => {
    expect(await verifier.verify(await signDevelopmentToken(jwt, "teacher.cp"))).toBe("teacher.cp");
  });

  it("rejects an unsigned token (alg none)", async () => {
    const payload = { sub: "director.moulin", iss: jwt.issuer, aud: jwt.audience, iat: now(), exp: now() + 600 };
    const unsigned = `${b64url({ alg: "none", typ: "JWT" })}.${b64url(payload)}.`;
    await expect(verifier.verify(unsigned)).rejects.toThrow();
    // The same claims with an empty signature but an HS256 header are refused too.
    await expect(verifier.verify(`${b64url({ alg: "HS256", typ: "JWT" })}.${b64url(payload)}.`)).rejects.toThrow();
  });

  it("rejects a token without a subject, or with an empty one", async () => {
    await expect(verifier.verify(await claims().setExpirationTime("5m").sign(key))).rejects.toThrow(/subject/);
    await expect(verifier.verify(await claims().setSubject("").setExpirationTime("5m").sign(key))).rejects.toThrow(/subject/);
  });

  it("rejects a token that never expires", async () => {
    await expect(verifier.verify(await claims().setSubject("director.moulin").sign(key))).rejects.toThrow(/exp/);
  });

  it("tolerates 30 s of clock skew on expiry, not more", async () => {
    const token = (exp: number) => claims().setSubject("director.moulin").setExpirationTime(exp).sign(key);
    expect(await verifier.verify(await token(now() - 10))).toBe("director.moulin");
    await expect(verifier.verify(await token(now() - 120))).rejects.toThrow();
  });

  it("rejects another secret, another issuer and another audience", async () => {
    const other = new TextEncoder().encode("another-secret-that-is-long-enough-for-hs256");
    const base = () => claims().setSubject("director.moulin").setExpirationTime("5m");
    await expect(verifier.verify(await base().sign(other))).rejects.toThrow();
    await expect(verifier.verify(await base().setIssuer("someone-else").sign(key))).rejects.toThrow();
    await expect(verifier.verify(await base().setAudience("another-api").sign(key))).rejects.toThrow();
  });

  it("refuses to build a verifier with neither a secret nor a key set", () => {
    expect(() => createTokenVerifier({ issuer: "x", audience: "y" })).toThrow(/JWT_SECRET or JWT_JWKS_URL/);
  });
});

describe("JWKS (production identity providers)", () => {
  const issuer = "https://idp.education.example";
  const audience = "livret";
  let jwksServer: http.Server;
  let jwksUrl: string;
  let privateKey: PrivateKey;
  let publicPem: string;
  let strangerKey: PrivateKey;

  beforeAll(async () => {
    const pair = await generateKeyPair("RS256");
    privateKey = pair.privateKey;
    publicPem = await exportSPKI(pair.publicKey);
    strangerKey = (await generateKeyPair("RS256")).privateKey;
    const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: "key-1", alg: "RS256", use: "sig" };
    jwksServer = http.createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(() => new Promise<void>((resolve) => jwksServer.close(() => resolve())));

  const rs256 = (options: { issuer?: string; audience?: string; kid?: string; key?: PrivateKey } = {}) =>
    new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid: options.kid ?? "key-1" })
      .setSubject("head.hugo")
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? audience)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(options.key ?? privateKey);

  it("accepts an RS256 token from the key set with the right issuer and audience", async () => {
    const verifier = createTokenVerifier({ jwksUrl, issuer, audience });
    expect(await verifier.verify(await rs256())).toBe("head.hugo");
  });

  it("rejects a wrong issuer and a wrong audience", async () => {
    const verifier = createTokenVerifier({ jwksUrl, issuer, audience });
    await expect(verifier.verify(await rs256({ issuer: "https://idp.evil.example" }))).rejects.toThrow();
    await expect(verifier.verify(await rs256({ audience: "another-api" }))).rejects.toThrow();
  });

  it("rejects a key that is not in the set, under a known or an unknown kid", async () => {
    const verifier = createTokenVerifier({ jwksUrl, issuer, audience });
    await expect(verifier.verify(await rs256({ key: strangerKey }))).rejects.toThrow();
    await expect(verifier.verify(await rs256({ key: strangerKey, kid: "key-2" }))).rejects.toThrow();
  });

  it("rejects HS256 tokens, including one keyed with the public key (algorithm confusion)", async () => {
    const verifier = createTokenVerifier({ jwksUrl, issuer, audience });
    for (const secret of [DEVELOPMENT_JWT_SECRET, publicPem]) {
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: "HS256", kid: "key-1" })
        .setSubject("head.hugo")
        .setIssuer(issuer)
        .setAudience(audience)
        .setExpirationTime("5m")
        .sign(new TextEncoder().encode(secret));
      await expect(verifier.verify(token)).rejects.toThrow();
    }
  });

  it("ignores a configured secret when a key set is configured", async () => {
    const verifier = createTokenVerifier({ jwksUrl, secret: DEVELOPMENT_JWT_SECRET, issuer, audience });
    const hs256 = await signDevelopmentToken({ secret: DEVELOPMENT_JWT_SECRET, issuer, audience }, "head.hugo");
    await expect(verifier.verify(hs256)).rejects.toThrow();
    expect(await verifier.verify(await rs256())).toBe("head.hugo");
  });

  it("issues no development token in JWKS mode", async () => {
    await expect(signDevelopmentToken({ jwksUrl, issuer, audience }, "head.hugo")).rejects.toThrow(/JWKS/);
  });
});
