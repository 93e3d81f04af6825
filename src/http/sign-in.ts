import express from "express";
import { EncryptJWT, jwtDecrypt } from "jose";
import { createHash } from "node:crypto";
import { Config } from "../config";
import { OidcProvider, PendingSignIn } from "../auth/oidc";
import { Principal } from "../auth/principal";
import { readCookie, SESSION_COOKIE, setCookie, signSession } from "../auth/sessions";

export interface SignInDeps {
  config: Config;
  providers: OidcProvider[];
  /** The account a login names (null: none). */
  loadAccount(login: string): Promise<Principal | null>;
  /** Development only: the demo personas the sign-in page offers. */
  personas: () => Array<{ login: string; who: string }>;
  /** The server's date (its clock, LIVRET_TODAY in the demo): the views pick the current period by it. */
  today: () => string;
}

const PENDING_COOKIE = (id: string) => `livret_oidc_${id}`;
const PENDING_TTL_SECONDS = 600;

// The pending sign-in (state, nonce, PKCE verifier) travels encrypted: the browser can neither read nor alter it.
const pendingKey = (secret: string) => createHash("sha256").update(`livret-oidc-pending:${secret}`).digest();

async function sealPending(secret: string, pending: PendingSignIn & { returnTo: string }): Promise<string> {
  return new EncryptJWT({ ...pending }).setProtectedHeader({ alg: "dir", enc: "A256GCM" }).setIssuedAt().setExpirationTime(`${PENDING_TTL_SECONDS}s`).encrypt(pendingKey(secret));
}

async function openPending(secret: string, sealed: string): Promise<PendingSignIn & { returnTo: string }> {
  const { payload } = await jwtDecrypt(sealed, pendingKey(secret));
  return payload as unknown as PendingSignIn & { returnTo: string };
}

/** Only a path of this server: never an open redirect to elsewhere. */
const safeReturnTo = (raw: unknown) => (typeof raw === "string" && /^\/(?![/\\])[^\s]*$/.test(raw) ? raw : "/");

/** Cookie-carrying writes must come from this server's own pages (the session cookie is SameSite=Strict too). */
export function sameOriginWrite(req: express.Request): boolean {
  const site = req.headers["sec-fetch-site"];
  return site === undefined || site === "same-origin";
}

const refusal = (res: express.Response, status: number, message: string) =>
  res
    .status(status)
    .set({ "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'", "cache-control": "no-store" })
    .send(`<!doctype html><html lang="fr"><meta charset="utf-8"><title>Connexion refusée</title><main><h1>Connexion refusée</h1><p>${message}</p><p><a href="/">Retour</a></p></main></html>`);

/** /auth: the providers' sign-in (code + PKCE), the development persona picker, sign-out. */
export function signInRoutes(deps: SignInDeps): express.Router {
  const { config } = deps;
  const router = express.Router();
  const session = config.session;
  const sessionCookie = (value: string, maxAge: number) =>
    setCookie(SESSION_COOKIE, value, { maxAgeSeconds: maxAge, path: "/", sameSite: "Strict", secure: session.secureCookies });
  const provider = (id: string) => deps.providers.find((p) => p.config.id === id);
  const redirectUri = (id: string) => `${config.oidc.publicUrl}/auth/callback/${id}`;

  router.get("/config", (_req, res) => {
    res.set("cache-control", "no-store").json({
      providers: deps.providers.map((p) => ({ id: p.config.id, label: p.config.label, kind: p.config.kind })),
      personas: config.production ? [] : deps.personas(),
      today: deps.today(),
    });
  });

  router.get("/login/:id", async (req, res) => {
    const p = provider(req.params.id);
    if (!p) return refusal(res, 404, "Fournisseur d'identité inconnu.");
    try {
      const { url, pending } = await p.startSignIn(redirectUri(p.config.id));
      const sealed = await sealPending(session.secret, { ...pending, returnTo: safeReturnTo(req.query.returnTo) });
      // Lax: the provider sends the browser back with a cross-site top-level GET, which must carry it.
      res.set("set-cookie", setCookie(PENDING_COOKIE(p.config.id), sealed, { maxAgeSeconds: PENDING_TTL_SECONDS, path: `/auth/callback/${p.config.id}`, sameSite: "Lax", secure: session.secureCookies }));
      res.set("cache-control", "no-store").redirect(302, url);
    } catch (error) {
      console.error(`[sign-in] ${p.config.id} provider unavailable`, error instanceof Error ? error.message : error);
      refusal(res, 503, "Le fournisseur d'identité ne répond pas ; réessayez dans un instant.");
    }
  });

  router.get("/callback/:id", async (req, res) => {
    const p = provider(req.params.id);
    if (!p) return refusal(res, 404, "Fournisseur d'identité inconnu.");
    const clearPending = setCookie(PENDING_COOKIE(p.config.id), "", { maxAgeSeconds: 0, path: `/auth/callback/${p.config.id}`, sameSite: "Lax", secure: session.secureCookies });
    const sealed = readCookie(req.headers.cookie, PENDING_COOKIE(p.config.id));
    if (!sealed) return refusal(res.set("set-cookie", clearPending), 400, "Aucune connexion en cours : recommencez depuis la page d'accueil.");
    let login: string;
    let returnTo: string;
    try {
      const pending = await openPending(session.secret, sealed);
      returnTo = safeReturnTo(pending.returnTo);
      login = await p.finishSignIn(new URL(req.originalUrl, config.oidc.publicUrl), pending);
    } catch (error) {
      console.warn(`[sign-in] ${p.config.id} callback refused:`, error instanceof Error ? error.message : error);
      return refusal(res.set("set-cookie", clearPending), 401, "La connexion n'a pas pu être vérifiée : recommencez.");
    }
    const account = await deps.loadAccount(login);
    // Unknown login and an account of the other kind get the same answer: the provider learns nothing.
    if (!account || account.kind !== p.config.kind) {
      console.warn(`[sign-in] ${p.config.id} named an account it may not sign in`);
      return refusal(res.set("set-cookie", clearPending), 403, "Ce compte ne se connecte pas par ce fournisseur d'identité.");
    }
    const token = await signSession(session, { login, kind: p.config.kind });
    res.set("set-cookie", [clearPending, sessionCookie(token, session.ttlSeconds)]).set("cache-control", "no-store").redirect(302, returnTo);
  });

  router.post("/logout", (req, res) => {
    if (!sameOriginWrite(req)) return res.status(403).json({ errors: [{ message: "Cross-site request refused.", extensions: { code: "FORBIDDEN" } }] });
    res.set("set-cookie", sessionCookie("", 0)).status(204).end();
  });

  if (!config.production) {
    // Development: pick a demo persona (no provider). Never mounted in production.
    router.post("/dev-login", express.json({ limit: 1000 }), async (req, res) => {
      if (!sameOriginWrite(req)) return res.status(403).json({ errors: [{ message: "Cross-site request refused.", extensions: { code: "FORBIDDEN" } }] });
      const login = typeof req.body?.login === "string" ? req.body.login : "";
      if (!deps.personas().some((p) => p.login === login) || !(await deps.loadAccount(login))) {
        return res.status(404).json({ errors: [{ message: "Unknown persona.", extensions: { code: "NOT_FOUND" } }] });
      }
      res.set("set-cookie", sessionCookie(await signSession(session, { login }), session.ttlSeconds)).status(204).end();
    });
  }
  return router;
}
