import { createRemoteJWKSet, jwtVerify, JWTVerifyGetKey, SignJWT } from "jose";
import { Config } from "../config";
import { AccountKind } from "../common/domain";

export interface TokenVerifier {
  /** Returns the account login the token names, or throws when the token is not valid. */
  verify(token: string): Promise<string>;
  /** The only kind of account its tokens may name (JWT_ACCOUNT_KIND); undefined: any (development). */
  kind?: AccountKind;
}

const HS256_KEY = (secret: string) => new TextEncoder().encode(secret);

export function createTokenVerifier(jwt: Config["jwt"]): TokenVerifier {
  // A bearer token without `exp` would stay valid forever once leaked: it is refused.
  const options = { issuer: jwt.issuer, audience: jwt.audience, clockTolerance: 30, requiredClaims: ["exp"] };
  let verifyWith: (token: string) => ReturnType<typeof jwtVerify>;
  if (jwt.jwksUrl) {
    const keySet: JWTVerifyGetKey = createRemoteJWKSet(new URL(jwt.jwksUrl));
    verifyWith = (token) => jwtVerify(token, keySet, { ...options, algorithms: ["RS256", "ES256", "PS256"] });
  } else if (jwt.secret) {
    const key = HS256_KEY(jwt.secret);
    verifyWith = (token) => jwtVerify(token, key, { ...options, algorithms: ["HS256"] });
  } else {
    throw new Error("No token verification configured: set JWT_SECRET or JWT_JWKS_URL");
  }
  return {
    kind: jwt.accountKind,
    async verify(token) {
      const { payload } = await verifyWith(token);
      if (typeof payload.sub !== "string" || payload.sub.length === 0) throw new Error("token has no subject");
      return payload.sub;
    },
  };
}

/** Development and test tokens (HS256). Production tokens come from the identity providers. */
export async function signDevelopmentToken(jwt: Config["jwt"], login: string, ttl = "12h"): Promise<string> {
  if (!jwt.secret) throw new Error("Development tokens need JWT_SECRET (HS256); this server verifies with JWKS");
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(login)
    .setIssuer(jwt.issuer)
    .setAudience(jwt.audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(HS256_KEY(jwt.secret));
}
