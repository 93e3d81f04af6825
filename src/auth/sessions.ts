import { jwtVerify, SignJWT } from "jose";
import { AccountKind } from "../common/domain";

/** The web app's session: a signed, short-lived token in an HttpOnly, SameSite=Strict cookie (never readable by scripts). */
export const SESSION_COOKIE = "livret_session";

const SESSION_ISSUER = "livret-session";
const SESSION_AUDIENCE = "livret-web";

export interface SessionConfig {
  secret: string;
  ttlSeconds: number;
  /** Secure flag on cookies: on whenever the public address is https. */
  secureCookies: boolean;
}

export interface Session {
  login: string;
  /** The kind of account the identity provider that signed this session in may name; development sessions have none. */
  kind?: AccountKind;
}

const key = (secret: string) => new TextEncoder().encode(secret);

export async function signSession(config: SessionConfig, session: Session): Promise<string> {
  return new SignJWT(session.kind ? { kind: session.kind } : {})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(session.login)
    .setIssuer(SESSION_ISSUER)
    .setAudience(SESSION_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${config.ttlSeconds}s`)
    .sign(key(config.secret));
}

/** Throws when the cookie is forged, expired or not a session. */
export async function verifySession(config: SessionConfig, token: string): Promise<Session> {
  const { payload } = await jwtVerify(token, key(config.secret), {
    issuer: SESSION_ISSUER,
    audience: SESSION_AUDIENCE,
    algorithms: ["HS256"],
    requiredClaims: ["exp", "sub"],
  });
  const kind = payload.kind === AccountKind.STAFF || payload.kind === AccountKind.GUARDIAN ? payload.kind : undefined;
  return { login: payload.sub!, kind };
}

/** One cookie's value from a Cookie header (no dependency for this one read). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export interface CookieOptions {
  maxAgeSeconds: number;
  path: string;
  sameSite: "Strict" | "Lax";
  secure: boolean;
}

export function setCookie(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAgeSeconds}`,
    "HttpOnly",
    `SameSite=${options.sameSite}`,
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}
