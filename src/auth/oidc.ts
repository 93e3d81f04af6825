import type * as Client from "openid-client";
import { createRemoteJWKSet, decodeJwt, jwtVerify, JWTVerifyGetKey } from "jose";
import { AccountKind } from "../common/domain";

/**
 * The identity providers, each bound to one kind of account: the ministry's agent IdP signs in staff,
 * EduConnect signs in guardians. An account is accepted only from the provider of its kind, so a guardian's
 * IdP can never name a head's login.
 */
export interface OidcProviderConfig {
  id: "agent" | "educonnect";
  label: string;
  kind: AccountKind;
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** The ID token claim holding the account's login. */
  loginClaim: string;
}

export const PROVIDER_DEFAULTS: Array<Pick<OidcProviderConfig, "id" | "label" | "kind">> = [
  { id: "agent", label: "Personnels (identité agent)", kind: AccountKind.STAFF },
  { id: "educonnect", label: "Parents (EduConnect)", kind: AccountKind.GUARDIAN },
];

export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcProvider {
  config: OidcProviderConfig;
  /** Where the browser is sent: authorization code with PKCE (S256), a fresh state and nonce. */
  startSignIn(redirectUri: string): Promise<{ url: string; pending: PendingSignIn }>;
  /**
   * Exchanges the code and validates the ID token (signature against the provider's JWKS, issuer, audience,
   * nonce, expiry, PKCE verifier, state); returns the login it names.
   */
  finishSignIn(callbackUrl: URL, pending: PendingSignIn): Promise<string>;
  /** A bearer JWT this provider issued for this client (API clients): verified against its JWKS. */
  verifyBearer(token: string): Promise<string>;
}

// openid-client is ESM-only: loaded when a provider is first used, so nothing loads it where none is configured.
let clientModule: Promise<typeof Client> | undefined;
const loadClient = () => (clientModule ??= import("openid-client"));

export function createOidcProvider(config: OidcProviderConfig): OidcProvider {
  let discovered: Promise<Client.Configuration> | undefined;
  let keys: JWTVerifyGetKey | undefined;
  const discover = () => {
    discovered ??= (async () => {
      const client = await loadClient();
      const issuer = new URL(config.issuer);
      // Plain http is only for a provider on this machine (tests, development).
      const loopback = issuer.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(issuer.hostname);
      const auth = config.clientSecret ? client.ClientSecretBasic(config.clientSecret) : client.None();
      const found = await client.discovery(issuer, config.clientId, undefined, auth, {
        execute: [...(loopback ? [client.allowInsecureRequests] : []), client.enableNonRepudiationChecks],
      });
      return found;
    })().catch((error) => {
      // A provider down at first use is asked again next time.
      discovered = undefined;
      throw error;
    });
    return discovered;
  };
  const loginFrom = (claims: Record<string, unknown>): string => {
    const login = claims[config.loginClaim];
    if (typeof login !== "string" || login.length === 0) throw new Error(`the ID token has no ${config.loginClaim}`);
    return login;
  };
  return {
    config,
    async startSignIn(redirectUri) {
      const client = await loadClient();
      const found = await discover();
      const pending = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(found, {
        redirect_uri: redirectUri,
        scope: "openid",
        response_type: "code",
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: "S256",
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.href, pending };
    },
    async finishSignIn(callbackUrl, pending) {
      const client = await loadClient();
      const found = await discover();
      const tokens = await client.authorizationCodeGrant(found, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error("no ID token");
      return loginFrom(claims);
    },
    async verifyBearer(token) {
      const found = await discover();
      const jwksUri = found.serverMetadata().jwks_uri;
      if (!jwksUri) throw new Error("the provider publishes no JWKS");
      keys ??= createRemoteJWKSet(new URL(jwksUri));
      const { payload } = await jwtVerify(token, keys, {
        issuer: found.serverMetadata().issuer,
        audience: config.clientId,
        algorithms: ["RS256", "ES256", "PS256", "EdDSA"],
        requiredClaims: ["exp"],
        clockTolerance: 30,
      });
      return loginFrom(payload);
    },
  };
}

/** The provider whose issuer a (not yet verified) JWT names; undefined when none does. */
export function providerOfToken(providers: OidcProvider[], token: string): OidcProvider | undefined {
  if (!providers.length) return undefined;
  let iss: unknown;
  try {
    iss = decodeJwt(token).iss;
  } catch {
    return undefined;
  }
  return providers.find((p) => p.config.issuer.replace(/\/$/, "") === String(iss).replace(/\/$/, ""));
}
