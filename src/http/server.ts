import http from "node:http";
import { randomUUID } from "node:crypto";
import express from "express";
import cors from "cors";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { GraphQLError, GraphQLSchema } from "graphql";
import depthLimit from "graphql-depth-limit";
import { DataSource } from "typeorm";
import { Config } from "../config";
import { Clock } from "../common/clock";
import { Context, createContext } from "../common/context";
import { currentSchoolYear } from "../common/school-year";
import { ErrorCode } from "../common/errors";
import { decodeJwt } from "jose";
import { loadPrincipal, Principal } from "../auth/principal";
import { CallerCache } from "../auth/caller-cache";
import { TokenVerifier } from "../auth/tokens";
import { formatError } from "./format-error";
import { costLimitPlugin } from "./limits";
import { auditRecordReadsPlugin } from "./audit-reads";
import { importRoute } from "../modules/import/import.http";

export interface ServerDeps {
  config: Config;
  schema: GraphQLSchema;
  dataSource: DataSource;
  clock: Clock;
  verifier: TokenVerifier;
  /** Callers per token (CALLER_CACHE_MS); createServer makes one when absent. */
  callers?: CallerCache;
}

const unauthenticated = (message: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });

/**
 * Turns the Authorization header into the caller. No header: anonymous. A bad token: UNAUTHENTICATED.
 * With a caller cache, a token seen in the last CALLER_CACHE_MS is neither verified nor looked up again.
 */
export async function authenticate(deps: ServerDeps, authorization: string | undefined): Promise<Principal | null> {
  if (!authorization) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated("The Authorization header must be `Bearer <token>`.");
  const token = match[1];
  const schoolYear = currentSchoolYear(deps.clock);
  const load = async () => {
    let login: string;
    try {
      login = await deps.verifier.verify(token);
    } catch {
      throw unauthenticated("The bearer token is not valid or has expired.");
    }
    const principal = await loadPrincipal(deps.dataSource.manager, login, schoolYear);
    if (!principal) throw unauthenticated("The bearer token names no known account.");
    // Verified above, so its exp claim is there; the cache never keeps a caller past it.
    const exp = decodeJwt(token).exp;
    return { principal, tokenExpiresAt: typeof exp === "number" ? exp * 1000 : undefined };
  };
  if (!deps.callers) return (await load()).principal;
  return deps.callers.resolve(token, schoolYear, load);
}

export function createApollo(deps: ServerDeps, httpServer?: http.Server): ApolloServer<Context> {
  const { config } = deps;
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
    validationRules: [depthLimit(config.maxDepth)],
    plugins: [
      // No @cacheControl hints are used: the per-field hook only costs time on lists.
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(deps.schema, config.maxCost),
      auditRecordReadsPlugin(),
      config.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 10_000 })] : []),
    ],
  });
}

export interface RunningServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** Stops taking requests, lets in-flight ones finish; the caller closes the database after. */
  stop(): Promise<void>;
  setReady(ready: boolean): void;
}

export async function createServer(serverDeps: ServerDeps): Promise<RunningServer> {
  const deps: ServerDeps = { ...serverDeps, callers: serverDeps.callers ?? new CallerCache({ ttlMs: serverDeps.config.callerCacheMs }) };
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const apollo = createApollo(deps, httpServer);
  await apollo.start();
  let ready = true;

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

  app.use(
    "/graphql",
    cors({ origin: deps.config.corsOrigins.length ? deps.config.corsOrigins : false, credentials: true }),
    express.json({ limit: deps.config.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const header = req.headers["x-request-id"];
        const requestId = typeof header === "string" && /^[A-Za-z0-9-]{1,64}$/.test(header) ? header : randomUUID();
        const principal = await authenticate(deps, req.headers.authorization);
        return createContext({ requestId, principal, dataSource: deps.dataSource, clock: deps.clock });
      },
    }),
  );
  app.post("/imports/lsu", importRoute({ deps, authenticate: (header) => authenticate(deps, header) }));
  // Body too large or not JSON: a plain 4xx, never a stack trace.
  app.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) console.error("[http] unexpected error", error);
    res.status(status).json({ errors: [{ message: status === 413 ? "Request body too large." : "Bad request.", extensions: { code: "BAD_REQUEST" } }] });
  });

  return {
    app,
    httpServer,
    apollo,
    setReady: (value) => {
      ready = value;
    },
    stop: async () => {
      ready = false;
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
