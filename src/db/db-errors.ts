import { GraphQLError } from "graphql";
import { ErrorCode, LivretError } from "../common/errors";

/** Seconds a client is told to wait before retrying when the database is unavailable (Retry-After). */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * How a database failure reads to a client: `conflict` when a concurrent writer won (deadlock victim, lock
 * wait timeout, Galera certification failure at commit: the server rolled the transaction back whole, so an
 * idempotent transaction may be run again from the start), `unavailable` when the database is down, unreachable,
 * overloaded or too slow (nothing was committed: the client may retry), or null for anything else (a bug).
 */
export type DatabaseFailure = "conflict" | "unavailable";

// MariaDB/MySQL: lost a lock race; the server rolled the transaction back. On Galera, 1213 is also the
// certification failure / brute-force abort, 1180 a commit the cluster refused; 1614 is the XA deadlock.
const CONFLICT_CODES = new Set(["ER_LOCK_DEADLOCK", "ER_LOCK_WAIT_TIMEOUT", "ER_ERROR_DURING_COMMIT", "ER_XA_RBDEADLOCK"]);
const CONFLICT_ERRNOS = new Set([1213, 1205, 1180, 1614]);

const UNAVAILABLE_CODES = new Set([
  // The network and the socket.
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR",
  "PROTOCOL_ENQUEUE_AFTER_QUIT",
  // The server refuses work: too many connections, shutting down, statement time limit, not ready (Galera).
  "ER_CON_COUNT_ERROR",
  "ER_TOO_MANY_USER_CONNECTIONS",
  "ER_SERVER_SHUTDOWN",
  "ER_CONNECTION_KILLED",
  "ER_STATEMENT_TIMEOUT",
  "ER_QUERY_TIMEOUT",
  "ER_QUERY_INTERRUPTED",
  "ER_UNKNOWN_COM_ERROR",
  "ER_LOCK_ABORTED",
  "ER_OPTION_PREVENTS_STATEMENT",
  // SQLite: another connection holds the file past busy_timeout.
  "SQLITE_BUSY",
  "SQLITE_BUSY_SNAPSHOT",
  "SQLITE_BUSY_RECOVERY",
  "SQLITE_BUSY_TIMEOUT",
  "SQLITE_LOCKED",
  "SQLITE_LOCKED_SHAREDCACHE",
]);
// 1040 too many connections, 1053 shutdown, 1969 max_statement_time (MariaDB), 3024 (MySQL), 1317 interrupted,
// 1047 WSREP not ready (a node outside the primary component), 1927 connection killed, 4031 client idle
// timeout, 2002/2003/2006/2013 client-side connection failures.
const UNAVAILABLE_ERRNOS = new Set([1040, 1053, 1969, 3024, 1317, 1047, 1927, 4031, 2002, 2003, 2006, 2013]);
// mysql2 raises these without a code.
const UNAVAILABLE_MESSAGES = [
  /queue limit reached/i,
  /pool is closed/i,
  /connection is in closed state/i,
  /can't add new command when connection is in closed state/i,
  /connect etimedout/i,
  /connection lost/i,
  /database is locked/i,
  /statement timeout/i,
  /max_statement_time/i,
  /the database is unavailable/i,
  /WSREP has not yet prepared/i,
];

/** Classifies an error thrown by TypeORM, mysql2 or better-sqlite3 (directly or wrapped). */
export function databaseFailure(error: unknown): DatabaseFailure | null {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const code = typeof e.code === "string" ? e.code : "";
    const errno = typeof e.errno === "number" ? e.errno : undefined;
    if (CONFLICT_CODES.has(code) || (errno !== undefined && CONFLICT_ERRNOS.has(errno))) return "conflict";
    if (UNAVAILABLE_CODES.has(code) || code.startsWith("SQLITE_BUSY") || (errno !== undefined && UNAVAILABLE_ERRNOS.has(errno))) return "unavailable";
    // mysql2 marks errors after which the connection cannot be used (network, protocol).
    if (e.fatal === true) return "unavailable";
    const message = typeof e.message === "string" ? e.message : "";
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return "unavailable";
    // graphql-js wraps a thrown value that is not an Error of its realm (NonErrorThrown.thrownValue).
    e = (e.driverError ?? e.cause ?? e.originalError ?? e.thrownValue) as Record<string, unknown> | undefined;
  }
  return null;
}

export const databaseUnavailable = () =>
  new LivretError(ErrorCode.UNAVAILABLE, "The database is unavailable or overloaded; nothing was changed. Try again shortly.", {
    details: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
  });

export const concurrentWriteConflict = () =>
  new LivretError(ErrorCode.CONFLICT, "Someone changed the same records at the same moment; nothing was changed: reload and try again.", {
    rule: "R-NEW-03",
  });

/** The client-facing error for a database failure, or the error itself when it is not one. */
export function asClientError(error: unknown): unknown {
  if (error instanceof GraphQLError && error.extensions?.code) return error;
  const failure = databaseFailure(error);
  if (failure === "conflict") return concurrentWriteConflict();
  if (failure === "unavailable") return databaseUnavailable();
  return error;
}
