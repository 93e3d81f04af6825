import path from "node:path";
import { OidcProviderConfig, PROVIDER_DEFAULTS } from "./auth/oidc";
import type { SessionConfig } from "./auth/sessions";
import { AccountKind } from "./common/domain";

export type DatabaseConfig =
  | { type: "better-sqlite3"; database: string }
  | { type: "mysql"; url: string; database: string };

export interface Config {
  production: boolean;
  port: number;
  host: string | undefined;
  database: DatabaseConfig;
  jwt: {
    /** HS256 shared secret (development and tests). */
    secret?: string;
    /** Production: the identity providers' key set, issuer and audience. */
    jwksUrl?: string;
    /**
     * JWT_ACCOUNT_KIND: the one kind of account these tokens may name (required with JWT_JWKS_URL and in production),
     * so that a guardians' identity provider can never name a head's login. Unset: any (development tokens).
     */
    accountKind?: AccountKind;
    issuer: string;
    audience: string;
  };
  /** Sign-in of the web app: the identity providers (OIDC_AGENT_*, OIDC_EDUCONNECT_*) and where this server is reached. */
  oidc: {
    providers: OidcProviderConfig[];
    /** PUBLIC_URL: this server's address as browsers reach it (the providers redirect back to it). */
    publicUrl?: string;
  };
  session: SessionConfig;
  /** Fixed "today" (ISO date) for demonstrations; the real clock otherwise. */
  today?: string;
  loadDemoData: boolean;
  /** Front-end origins allowed by CORS (development: the Vite dev server's unless CORS_ORIGINS says otherwise). */
  corsOrigins: string[];
  /** TRUSTED_DOCUMENTS: `only` accepts registered documents (by hash) and ad-hoc ones from trustedDocumentsDevelopers. */
  trustedDocuments: "off" | "only";
  /** Logins allowed to send ad-hoc documents when trustedDocuments is `only` (TRUSTED_DOCUMENTS_DEVELOPERS). */
  trustedDocumentsDevelopers: string[];
  maxBodyBytes: number;
  /** Largest LSU XML file POST /imports/lsu accepts. */
  importMaxBytes: number;
  maxDepth: number;
  maxCost: number;
  /** Lists that can answer LARGE_LIST_ROWS rows or more where they stand: at most this many per operation. */
  maxLargeLists: number;
  largeListRows: number;
  maxTokens: number;
  maxSelections: number;
  maxAliases: number;
  maxDirectives: number;
  maxRootFields: number;
  maxMutationFields: number;
  /** Largest answer sent, in bytes of JSON; a bigger one is refused. */
  maxResponseBytes: number;
  /** Per-request execution deadline: past it, no new database work starts and the client gets UNAVAILABLE. */
  requestTimeoutMs: number;
  rateLimit: {
    /** Shared store for several nodes; memory (per process) when unset. */
    redisUrl?: string;
    windowSeconds: number;
    /** Cost points per account and window. */
    accountPoints: number;
    /** Cost points per client address and window (every caller behind a school's address shares it). */
    addressPoints: number;
  };
  /** On SIGTERM, how long /readyz answers 503 before the listener closes, so load balancers stop sending. */
  shutdownDelayMs: number;
  /** How long a caller resolved from a token is reused (0: looked up on every request). */
  callerCacheMs: number;
  /** Database timeouts and pool (DB_*): a database that is down, slow or blackholed answers UNAVAILABLE within them. */
  db: {
    /** Opening a connection (TCP + handshake). */
    connectTimeoutMs: number;
    /** One statement: MariaDB max_statement_time on the server, and the client gives up a little later (network). */
    statementTimeoutMs: number;
    /** SQLite: how long a write waits for another process's lock (busy_timeout). */
    busyTimeoutMs: number;
    poolSize: number;
    /** Requests waiting for a pooled connection beyond this are refused at once (UNAVAILABLE). */
    queueLimit: number;
  };
  /** On SIGTERM, how long requests already accepted may take to finish before the process exits anyway. */
  shutdownGraceMs: number;
  /** Load shedding: requests in execution at once, how many may wait for a slot and how long, then 503 UNAVAILABLE. */
  admission: {
    maxConcurrent: number;
    maxQueued: number;
    maxWaitMs: number;
  };
}

/** The default cost budget of one operation (calibrated on operations/*.graphql over a 900-pupil school). */
export const DEFAULT_MAX_COST = 5_000_000;

export type DatabaseTuning = Config["db"];

/** Scripts and tests that open a database without a Config use these. */
export const DEFAULT_DB_TUNING: DatabaseTuning = { connectTimeoutMs: 3000, statementTimeoutMs: 5000, busyTimeoutMs: 5000, poolSize: 10, queueLimit: 100 };

/** A secret that only development uses; production refuses to start with it. */
export const DEVELOPMENT_JWT_SECRET = "livret-development-secret-do-not-use-in-production";

export function parseDatabaseUrl(url: string | undefined, cwd = process.cwd()): DatabaseConfig {
  if (!url || url.startsWith("sqlite:")) {
    const file = url ? url.slice("sqlite:".length).replace(/^\/\//, "") : "./data/livret.sqlite";
    if (!file) throw new Error("DATABASE_URL: sqlite: needs a file, e.g. sqlite:./data/livret.sqlite");
    return { type: "better-sqlite3", database: file === ":memory:" ? file : path.resolve(cwd, file) };
  }
  if (url.startsWith("mysql://") || url.startsWith("mariadb://")) {
    const normalised = url.replace(/^mariadb:/, "mysql:");
    const parsed = new URL(normalised);
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "livret";
    if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error("DATABASE_URL: the database name may use letters, digits and _ only");
    // The driver reads the database from the URL path: it must name the same (default or decoded) database.
    parsed.pathname = `/${database}`;
    return { type: "mysql", url: parsed.toString(), database };
  }
  throw new Error("DATABASE_URL must start with sqlite: or mysql://");
}

/** Where `npm run dev` of a Vite front end serves from: allowed by CORS outside production when CORS_ORIGINS is unset. */
export const DEVELOPMENT_CORS_ORIGINS = ["http://localhost:5173", "http://127.0.0.1:5173"];

const list = (raw: string | undefined) => (raw ?? "").split(",").map((o) => o.trim()).filter(Boolean);

function trustedDocumentsMode(raw: string | undefined): "off" | "only" {
  const value = (raw ?? "off").trim() || "off";
  if (value !== "off" && value !== "only") throw new Error("TRUSTED_DOCUMENTS must be off or only");
  return value;
}

/** A whole number from the environment; a typo must not turn a limit into NaN, which disables it. */
function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}`);
  return value;
}

function jwtAccountKind(raw: string | undefined): AccountKind | undefined {
  const value = (raw ?? "").trim();
  if (!value) return undefined;
  if (value !== AccountKind.STAFF && value !== AccountKind.GUARDIAN) throw new Error("JWT_ACCOUNT_KIND must be STAFF or GUARDIAN");
  return value as AccountKind;
}

/** OIDC_<ID>_ISSUER turns a provider on; its client id is then required. */
function oidcProviders(env: NodeJS.ProcessEnv): OidcProviderConfig[] {
  const providers: OidcProviderConfig[] = [];
  for (const defaults of PROVIDER_DEFAULTS) {
    const prefix = `OIDC_${defaults.id.toUpperCase()}_`;
    const issuer = env[`${prefix}ISSUER`];
    if (!issuer) continue;
    const clientId = env[`${prefix}CLIENT_ID`];
    if (!clientId) throw new Error(`${prefix}ISSUER is set: ${prefix}CLIENT_ID is required too`);
    providers.push({
      ...defaults,
      issuer,
      clientId,
      clientSecret: env[`${prefix}CLIENT_SECRET`] || undefined,
      loginClaim: env[`${prefix}LOGIN_CLAIM`] || "sub",
    });
  }
  return providers;
}

/** A development session secret, distinct from the token secret; production refuses to start with it. */
export const DEVELOPMENT_SESSION_SECRET = "livret-development-session-secret-do-not-use-in-production";

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === "production";
  const jwksUrl = env.JWT_JWKS_URL || undefined;
  const secret = env.JWT_SECRET || (production ? undefined : DEVELOPMENT_JWT_SECRET);
  const accountKind = jwtAccountKind(env.JWT_ACCOUNT_KIND);
  if (production) {
    if (!jwksUrl && !secret) throw new Error("Production needs JWT_JWKS_URL (or JWT_SECRET)");
    if (secret === DEVELOPMENT_JWT_SECRET) throw new Error("The development JWT secret cannot be used in production");
    // The identity providers' issuer and audience must be stated, not left at the development values.
    if (!env.JWT_ISSUER || !env.JWT_AUDIENCE) throw new Error("Production needs JWT_ISSUER and JWT_AUDIENCE");
  }
  if ((jwksUrl || production) && !accountKind) {
    throw new Error("JWT_JWKS_URL and production tokens name one kind of account: set JWT_ACCOUNT_KIND (STAFF or GUARDIAN), or sign in through the OIDC_* providers");
  }
  const providers = oidcProviders(env);
  const publicUrl = env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/$/, "") : undefined;
  if (providers.length && !publicUrl) throw new Error("OIDC providers are configured: PUBLIC_URL (this server's address for the redirect back) is required");
  const sessionSecret = env.SESSION_SECRET || (production ? undefined : DEVELOPMENT_SESSION_SECRET);
  if (production && providers.length && (!sessionSecret || sessionSecret.length < 32)) throw new Error("Production sign-in needs SESSION_SECRET (32 characters or more)");
  return {
    production,
    port: intFromEnv(env, "PORT", 4000, 0),
    host: env.HOST || undefined,
    database: parseDatabaseUrl(env.DATABASE_URL),
    jwt: {
      secret: jwksUrl ? undefined : secret,
      jwksUrl,
      accountKind,
      issuer: env.JWT_ISSUER || "livret-dev",
      audience: env.JWT_AUDIENCE || "livret",
    },
    oidc: { providers, publicUrl },
    session: {
      secret: sessionSecret ?? "",
      ttlSeconds: intFromEnv(env, "SESSION_TTL_SECONDS", 8 * 3600, 60),
      secureCookies: production || (publicUrl?.startsWith("https:") ?? false),
    },
    today: env.LIVRET_TODAY || undefined,
    loadDemoData: env.LIVRET_DEMO_DATA ? env.LIVRET_DEMO_DATA === "true" : !production,
    corsOrigins: env.CORS_ORIGINS !== undefined ? list(env.CORS_ORIGINS) : production ? [] : DEVELOPMENT_CORS_ORIGINS,
    trustedDocuments: trustedDocumentsMode(env.TRUSTED_DOCUMENTS),
    trustedDocumentsDevelopers: list(env.TRUSTED_DOCUMENTS_DEVELOPERS),
    maxBodyBytes: intFromEnv(env, "MAX_BODY_BYTES", 100_000),
    importMaxBytes: intFromEnv(env, "IMPORT_MAX_BYTES", 50 * 1024 * 1024),
    maxDepth: intFromEnv(env, "MAX_QUERY_DEPTH", 10),
    maxCost: intFromEnv(env, "MAX_QUERY_COST", DEFAULT_MAX_COST),
    maxLargeLists: intFromEnv(env, "MAX_LARGE_LISTS", 4),
    largeListRows: intFromEnv(env, "LARGE_LIST_ROWS", 1000),
    maxTokens: intFromEnv(env, "MAX_QUERY_TOKENS", 2000),
    maxSelections: intFromEnv(env, "MAX_QUERY_SELECTIONS", 1000),
    maxAliases: intFromEnv(env, "MAX_QUERY_ALIASES", 30),
    maxDirectives: intFromEnv(env, "MAX_QUERY_DIRECTIVES", 20),
    maxRootFields: intFromEnv(env, "MAX_ROOT_FIELDS", 20),
    maxMutationFields: intFromEnv(env, "MAX_MUTATIONS_PER_REQUEST", 5),
    maxResponseBytes: intFromEnv(env, "MAX_RESPONSE_BYTES", 5_000_000),
    requestTimeoutMs: intFromEnv(env, "REQUEST_TIMEOUT_MS", 5000),
    rateLimit: {
      redisUrl: env.REDIS_URL || undefined,
      windowSeconds: intFromEnv(env, "RATE_LIMIT_WINDOW_SECONDS", 60),
      accountPoints: intFromEnv(env, "RATE_LIMIT_ACCOUNT_POINTS", DEFAULT_MAX_COST * 20),
      addressPoints: intFromEnv(env, "RATE_LIMIT_ADDRESS_POINTS", DEFAULT_MAX_COST * 100),
    },
    shutdownDelayMs: intFromEnv(env, "SHUTDOWN_DELAY_MS", production ? 5000 : 0, 0),
    callerCacheMs: intFromEnv(env, "CALLER_CACHE_MS", 5000, 0),
    db: {
      connectTimeoutMs: intFromEnv(env, "DB_CONNECT_TIMEOUT_MS", DEFAULT_DB_TUNING.connectTimeoutMs),
      statementTimeoutMs: intFromEnv(env, "DB_STATEMENT_TIMEOUT_MS", DEFAULT_DB_TUNING.statementTimeoutMs),
      busyTimeoutMs: intFromEnv(env, "SQLITE_BUSY_TIMEOUT_MS", DEFAULT_DB_TUNING.busyTimeoutMs, 0),
      poolSize: intFromEnv(env, "DB_POOL_SIZE", DEFAULT_DB_TUNING.poolSize),
      queueLimit: intFromEnv(env, "DB_QUEUE_LIMIT", DEFAULT_DB_TUNING.queueLimit),
    },
    shutdownGraceMs: intFromEnv(env, "SHUTDOWN_GRACE_MS", 10_000, 0),
    admission: {
      maxConcurrent: intFromEnv(env, "MAX_CONCURRENT_REQUESTS", 20),
      maxQueued: intFromEnv(env, "MAX_QUEUED_REQUESTS", 100, 0),
      maxWaitMs: intFromEnv(env, "QUEUE_WAIT_MS", 1000, 0),
    },
  };
}
