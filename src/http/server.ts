import http from "node:http";
import { randomUUID } from "node:crypto";
import express from "express";
import cors from "cors";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { GraphQLError, GraphQLSchema } from "graphql";
import { DataSource } from "typeorm";
import { Config } from "../config";
import { Clock } from "../common/clock";
import { Context, createContext } from "../common/context";
import { currentSchoolYear } from "../common/school-year";
import { ErrorCode, LivretError } from "../common/errors";
import { asClientError, DATABASE_RETRY_AFTER_SECONDS } from "../db/db-errors";
import { decodeJwt } from "jose";
import { loadPrincipal, Principal } from "../auth/principal";
import { CallerCache } from "../auth/caller-cache";
import { bridgeCallerInvalidation } from "../auth/caller-invalidation-redis";
import { TokenVerifier } from "../auth/tokens";
import { AccountKind } from "../common/domain";
import { createOidcProvider, OidcProvider, providerOfToken } from "../auth/oidc";
import { readCookie, SESSION_COOKIE, verifySession } from "../auth/sessions";
import { sameOriginWrite, signInRoutes } from "./sign-in";
import { webAppRoutes } from "./web-app";
import { formatError } from "./format-error";
import { costLimitPlugin, documentLimits, responseSizePlugin } from "./limits";
import { breadthPrecheck } from "./precheck";
import { createRateLimits, RateLimited, RateLimits } from "./rate-limit";
import { Deadline, deadlineExceeded, noDeadline } from "../common/deadline";
import type { ApolloServerPlugin } from "@apollo/server";
import { auditRecordReadsPlugin } from "./audit-reads";
import { importRoute } from "../modules/import/import.http";
import { checkAdHocDocument, loadTrustedDocuments, trustedDocumentsMiddleware } from "./trusted-documents";
import { explorerRoutes, Persona } from "./explorer";
import { AdmissionGate, loadShedding } from "./load-shedding";
import { graphqlOverHttpPlugin, wwwAuthenticate } from "./graphql-http";
import { livretPdfRoute, livretSelectionRoute, LivretRouteDeps } from "../modules/livret/livret.http";

export interface ServerDeps {
  config: Config;
  schema: GraphQLSchema;
  dataSource: DataSource;
  clock: Clock;
  verifier: TokenVerifier;
  /** Shared budgets; built from config.rateLimit when not given. */
  rateLimits?: RateLimits;
  /** Callers per token (CALLER_CACHE_MS); createServer makes one when absent. */
  callers?: CallerCache;
  /** A listener already bound (start-up binds the port before loading anything); a new one otherwise. */
  httpServer?: http.Server;
  /** The explorer's persona picker (development only): logins with a token each. */
  personas?: () => Promise<Persona[]>;
  /** The identity providers (built from config.oidc when absent). */
  providers?: OidcProvider[];
  /** The web app's development sign-in offers these demo personas. */
  demoPersonas?: () => Array<{ login: string; who: string }>;
}

/** Extra weight of each root mutation field in the rate limits: writes cost more than their selection. */
const MUTATION_WEIGHT = 10;

/**
 * After execution: a request whose deadline stopped it answers one UNAVAILABLE error (HTTP 503, Retry-After)
 * rather than partial data; one that finished in time may still write its own bookkeeping (audit of reads).
 * An answer carrying UNAVAILABLE (the database was down, slow or overloaded) is a 503 with Retry-After too.
 */
function deadlinePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind === "single" && response.body.singleResult.errors?.some((e) => e.extensions?.code === ErrorCode.UNAVAILABLE)) {
            response.http.status = 503;
            response.http.headers.set("retry-after", String(DATABASE_RETRY_AFTER_SECONDS));
          }
          if (!contextValue?.deadline) return;
          if (!contextValue.deadline.tripped) {
            contextValue.deadline = noDeadline();
            return;
          }
          contextValue.recordReads.clear();
          const error = deadlineExceeded(contextValue.deadline.limitMs);
          response.body = { kind: "single", singleResult: { data: null, errors: [{ message: error.message, extensions: error.extensions }] } };
          response.http.status = 503;
          response.http.headers.set("retry-after", "1");
        },
      };
    },
  };
}

const unauthenticated = (message: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });

/** Loading the caller met a database failure: a 503 the client may retry, never "context creation failed" 500. */
function unavailableAtTheDoor(error: unknown): unknown {
  const mapped = asClientError(error);
  if (!(mapped instanceof LivretError)) return error;
  return new GraphQLError(mapped.message, {
    extensions: {
      ...mapped.extensions,
      code: ErrorCode.UNAVAILABLE,
      http: { status: 503, headers: new HeaderMap([["retry-after", String(DATABASE_RETRY_AFTER_SECONDS)]]) },
    },
  });
}

/**
 * Turns the Authorization header into the caller. No header: anonymous. A bad token: UNAUTHENTICATED.
 * With a caller cache, a token seen in the last CALLER_CACHE_MS is neither verified nor looked up again.
 */
export async function authenticate(deps: ServerDeps, authorization: string | undefined, sessionCookie?: string): Promise<Principal | null> {
  let token: string;
  let identify: () => Promise<{ login: string; kind?: AccountKind }>;
  if (authorization) {
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated("The Authorization header must be `Bearer <token>`.");
    const bearer = (token = match[1]);
    // A token of a configured provider is checked against that provider's keys only, and names only its kind of account.
    const provider = providerOfToken(deps.providers ?? [], bearer);
    identify = provider
      ? async () => ({ login: await provider.verifyBearer(bearer), kind: provider.config.kind })
      : async () => ({ login: await deps.verifier.verify(bearer), kind: deps.verifier.kind });
  } else if (sessionCookie) {
    const cookie = (token = sessionCookie);
    identify = () => verifySession(deps.config.session, cookie);
  } else {
    return null;
  }
  const schoolYear = currentSchoolYear(deps.clock);
  const load = async () => {
    let login: string;
    let kind: AccountKind | undefined;
    try {
      ({ login, kind } = await identify());
    } catch {
      throw unauthenticated(authorization ? "The bearer token is not valid or has expired." : "The session has expired: sign in again.");
    }
    let principal: Principal | null;
    try {
      principal = await loadPrincipal(deps.dataSource.manager, login, schoolYear);
    } catch (error) {
      throw unavailableAtTheDoor(error);
    }
    if (!principal) throw unauthenticated("The bearer token names no known account.");
    if (kind && principal.kind !== kind) throw unauthenticated("This identity provider does not sign in this kind of account.");
    // Verified above, so its exp claim is there; the cache never keeps a caller past it.
    const exp = decodeJwt(token).exp;
    return { principal, tokenExpiresAt: typeof exp === "number" ? exp * 1000 : undefined };
  };
  if (!deps.callers) return (await load()).principal;
  return deps.callers.resolve(token, schoolYear, load);
}

/**
 * The caller of an HTTP request: the bearer token, else the web app's session cookie. A write carried by the
 * cookie alone must come from this server's own pages (SameSite=Strict, and Sec-Fetch-Site when the browser sends it).
 */
export async function authenticateRequest(deps: ServerDeps, req: http.IncomingMessage): Promise<Principal | null> {
  const authorization = req.headers.authorization;
  const cookie = authorization ? undefined : readCookie(req.headers.cookie, SESSION_COOKIE);
  if (cookie && req.method !== "GET" && req.method !== "HEAD" && !sameOriginWrite(req as express.Request)) {
    throw unauthenticated("A cross-site request cannot use the session cookie.");
  }
  return authenticate(deps, authorization, cookie || undefined);
}

export function createApollo(deps: ServerDeps): ApolloServer<Context> {
  const { config } = deps;
  const rateLimits = (deps.rateLimits ??= createRateLimits(config.rateLimit));
  const limits = documentLimits(config);
  const charge = async (ctx: Context, points: number) => {
    if (ctx.principal) await rateLimits.charge("account", String(ctx.principal.accountId), points);
    if (ctx.clientAddress) await rateLimits.charge("address", ctx.clientAddress, points);
  };
  return new ApolloServer<Context>({
    schema: deps.schema,
    formatError,
    // Set explicitly rather than inherited from NODE_ENV.
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.production,
    csrfPrevention: true,
    // APQ lets any client store arbitrary documents in server memory; not needed here.
    persistedQueries: false,
    stopOnTerminationSignals: false,
    // Tokens at parse, then linear validation limits (src/http/limits.ts).
    parseOptions: limits.parseOptions,
    maxRecursiveSelections: limits.maxRecursiveSelections,
    validationRules: limits.validationRules,
    plugins: [
      // No @cacheControl hints are used: the per-field hook only costs time on lists.
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(deps.schema, config, (ctx, cost, mutations) => charge(ctx, cost + MUTATION_WEIGHT * mutations)),
      deadlinePlugin(),
      auditRecordReadsPlugin(),
      // Last: it sees the answer exactly as it would leave.
      responseSizePlugin(config.maxResponseBytes),
      graphqlOverHttpPlugin(),
      config.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long after the deadline the HTTP layer answers 503 itself if the pipeline has not answered yet. */
const LATE_ANSWER_GRACE_MS = 500;

/** The client's address as the socket sees it (behind a proxy, configure Express's trust proxy to use X-Forwarded-For). */
const clientAddress = (req: express.Request) => req.ip ?? req.socket.remoteAddress ?? "unknown";

export interface RunningServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /**
   * Drains (once; later calls return the same promise): /readyz 503 and every answer `Connection: close` at once;
   * after `delayMs` (load balancers stop sending) no new connection and idle keep-alive ones closed; requests
   * already accepted finish, for `graceMs` at most (then their connections are cut). The caller closes the database after.
   */
  stop(options?: { delayMs?: number; graceMs?: number }): Promise<void>;
  setReady(ready: boolean): void;
  /** The load-shedding gate (requests in execution and waiting). */
  gate: AdmissionGate;
}

export async function createServer(serverDeps: ServerDeps): Promise<RunningServer> {
  const deps: ServerDeps = {
    ...serverDeps,
    callers: serverDeps.callers ?? new CallerCache({ ttlMs: serverDeps.config.callerCacheMs }),
    providers: serverDeps.providers ?? serverDeps.config.oidc.providers.map(createOidcProvider),
  };
  const app = express();
  app.disable("x-powered-by");
  // Every response being written, so that a drain knows what it waits for and can mark each one `Connection: close`.
  const open = new Set<express.Response>();
  let draining = false;
  app.use((_req, res, next) => {
    open.add(res);
    res.once("close", () => open.delete(res));
    if (draining) res.setHeader("connection", "close");
    next();
  });
  app.use(wwwAuthenticate);
  const httpServer = deps.httpServer ?? http.createServer();
  // A listener bound early answered 503 until now; from here on the app answers.
  httpServer.removeAllListeners("request");
  httpServer.on("request", app);
  // Several nodes: a role change on one drops the cached callers of all (REDIS_URL); one process needs nothing.
  const callerBridge = deps.config.rateLimit.redisUrl && deps.callers?.enabled ? bridgeCallerInvalidation(deps.config.rateLimit.redisUrl) : null;
  const apollo = createApollo(deps);
  await apollo.start();
  let ready = true;
  let stopping: Promise<void> | undefined;

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    if (!ready) {
      res.status(503).json({ status: "draining" });
      return;
    }
    try {
      // A probe must answer quickly even when the database hangs: one second, then "not ready".
      await Promise.race([
        deps.dataSource.query("SELECT 1"),
        new Promise((_, reject) => setTimeout(() => reject(new Error("readiness timeout")), 1000).unref()),
      ]);
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "database unavailable" });
    }
  });

  const { config } = deps;
  const rateLimits = deps.rateLimits!;
  const trustedDocuments = loadTrustedDocuments();
  // One gate for every route that works on the database: past its bound, a request is shed with 503 at once
  // instead of joining a pile-up in the pool's queue where every request would miss its deadline.
  const gate = new AdmissionGate(config.admission.maxConcurrent, config.admission.maxQueued, config.admission.maxWaitMs);
  const admit = loadShedding(gate);
  if (!config.production) app.use("/explorer", explorerRoutes(deps.personas ?? (async () => [])));
  app.use(
    "/graphql",
    cors({ origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: true, maxAge: 600 }),
    // The deadline starts when the request arrives. Resolvers stop starting database work once it passes; if
    // the answer is still not out a little later (one slow statement), the client is told so and not kept waiting.
    (req, res, next) => {
      const deadline = new Deadline(config.requestTimeoutMs);
      res.locals.deadline = deadline;
      const timer = setTimeout(() => {
        if (res.headersSent) return;
        deadline.tripped = true;
        const error = deadlineExceeded(config.requestTimeoutMs);
        res.status(503).set("retry-after", "1").json({ errors: [{ message: error.message, extensions: error.extensions }] });
      }, config.requestTimeoutMs + LATE_ANSWER_GRACE_MS);
      timer.unref();
      res.on("close", () => clearTimeout(timer));
      next();
    },
    // Every request costs its address one point before its body is even read: floods of refused documents too.
    async (req, res, next) => {
      try {
        await rateLimits.charge("address", clientAddress(req), 1);
        next();
      } catch (error) {
        if (!(error instanceof RateLimited)) return next(error);
        res.status(429).set("retry-after", String(error.retryAfterSeconds)).json({ errors: [{ message: error.message, extensions: { code: "TOO_MANY_REQUESTS", retryAfterSeconds: error.retryAfterSeconds } }] });
      }
    },
    express.json({ limit: config.maxBodyBytes }),
    // After the body is read: a slow upload does not hold a slot.
    admit,
    trustedDocumentsMiddleware(trustedDocuments, config.trustedDocuments),
    // Floods of aliases, root fields or fragment spreads: refused before graphql-js's own rules walk them.
    breadthPrecheck(config),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const header = req.headers["x-request-id"];
        const requestId = typeof header === "string" && /^[A-Za-z0-9-]{1,64}$/.test(header) ? header : randomUUID();
        const principal = await authenticateRequest(deps, req);
        checkAdHocDocument(res.locals.adHocDocument === true, principal?.login, config.trustedDocumentsDevelopers);
        const deadline = res.locals.deadline as Deadline;
        return createContext({ requestId, principal, dataSource: deps.dataSource, clock: deps.clock, deadline, clientAddress: clientAddress(req) });
      },
    }),
  );
  app.post("/imports/lsu", admit, importRoute({ deps, authenticate: (req) => authenticateRequest(deps, req) }));
  const livret: LivretRouteDeps = {
    authenticate: (req) => authenticateRequest(deps, req),
    execute: async (principal, query, variables) => {
      const contextValue = createContext({ requestId: randomUUID(), principal, dataSource: deps.dataSource, clock: deps.clock, deadline: new Deadline(config.requestTimeoutMs) });
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== "single") throw new Error("incremental delivery is not used");
      return response.body.singleResult;
    },
    today: () => deps.clock.now().toISOString().slice(0, 10),
  };
  app.get("/livret/:studentId.pdf", admit, livretPdfRoute(livret));
  app.post("/livret/selection.pdf", express.json({ limit: config.maxBodyBytes }), admit, livretSelectionRoute(livret));
  app.use(
    "/auth",
    signInRoutes({
      config,
      providers: deps.providers!,
      loadAccount: (login) => loadPrincipal(deps.dataSource.manager, login, currentSchoolYear(deps.clock)),
      personas: deps.demoPersonas ?? (() => []),
      today: livret.today,
    }),
  );
  // The web app (web/, built into dist/web) at /, last: every path above wins.
  app.use(webAppRoutes());
  // Body too large or not JSON: a plain 4xx, never a stack trace.
  app.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    // The deadline already answered; what the pipeline tried to send after it is dropped.
    if (res.headersSent) return;
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) console.error("[http] unexpected error", error);
    const message =
      status === 413
        ? `Request body too large: the limit is ${config.maxBodyBytes} bytes (MAX_BODY_BYTES).`
        : status === 500
          ? "Internal server error"
          : error.type === "entity.parse.failed"
            ? "Malformed JSON body: the request body must be one JSON object such as {\"query\": \"{ me { login } }\"}."
            : "Bad request.";
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST" } }] });
  });

  return {
    app,
    httpServer,
    apollo,
    gate,
    setReady: (value) => {
      ready = value;
    },
    stop: (options = {}) =>
      (stopping ??= (async () => {
        ready = false;
        draining = true;
        for (const res of open) if (!res.headersSent) res.setHeader("connection", "close");
        if (options.delayMs) await sleep(options.delayMs);
        const closed = httpServer.listening ? new Promise<void>((resolve) => httpServer.close(() => resolve())) : Promise.resolve();
        // Bounded: polls every 25 ms until nothing is in flight or the grace is over.
        const until = Date.now() + (options.graceMs ?? config.shutdownGraceMs);
        for (;;) {
          // A socket with no request in flight may be closed; a request on one being answered is left to finish.
          httpServer.closeIdleConnections();
          if (open.size === 0 || Date.now() >= until) break;
          await sleep(25);
        }
        httpServer.closeAllConnections();
        await closed;
        await apollo.stop();
        await rateLimits.close();
        await callerBridge?.close();
      })()),
  };
}
