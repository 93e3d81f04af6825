import { DataSource, EntityManager } from "typeorm";
import { Principal } from "../auth/principal";
import { Clock } from "./clock";
import { currentSchoolYear } from "./school-year";
import { createLoaders, Loaders } from "./loaders";
import { Deadline, noDeadline } from "./deadline";
import { asClientError, databaseFailure } from "../db/db-errors";

/**
 * Everything a request carries: who calls, the database, the clock and the request's own DataLoaders.
 * Built fresh for each operation; never shared between two.
 */
export interface Context {
  requestId: string;
  principal: Principal | null;
  dataSource: DataSource;
  clock: Clock;
  /** The current school year, fixed for the whole request. */
  schoolYear: number;
  loaders: Loaders;
  /** Pupils whose record a staff member read in this request: audited before the response leaves. */
  recordReads: Set<number>;
  /** When the request must be done: `ctx.deadline.check()` before starting database work. */
  deadline: Deadline;
  /** The client's address (HTTP requests only): one of the keys of the rate limits. */
  clientAddress?: string;
  /** The operation's estimated cost, once the cost limit has accepted it. */
  cost?: number;
}

export function createContext(args: {
  requestId: string;
  principal: Principal | null;
  dataSource: DataSource;
  clock: Clock;
  schoolYear?: number;
  deadline?: Deadline;
  clientAddress?: string;
}): Context {
  const schoolYear = args.schoolYear ?? currentSchoolYear(args.clock);
  const ctx = { ...args, schoolYear, deadline: args.deadline ?? noDeadline(), recordReads: new Set<number>() } as Context;
  ctx.loaders = createLoaders(ctx);
  return ctx;
}

/**
 * better-sqlite3 gives every transaction the same connection: two concurrent ones would nest as
 * savepoints, and the loser's rollback could undo the winner's writes. On SQLite, transactions
 * therefore run one after the other; MariaDB/MySQL give each its own pooled connection.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

export interface TransactionOptions {
  /**
   * The work reads what it needs inside the transaction and has no effect outside it, so running it again
   * from the start after the server rolled it back (deadlock, Galera certification failure at commit) gives
   * the same answer as a first run. Such transactions are retried; the others answer CONFLICT.
   */
  idempotent?: boolean;
}

/** Attempts of an idempotent transaction before its caller gets CONFLICT (Galera: one per certification loss). */
export const TRANSACTION_ATTEMPTS = 4;

/**
 * Runs `work` in one transaction. Every write goes through here together with its audit event,
 * so that both land or neither does. A database failure never reaches the client as an internal error:
 * rolled-back transactions are retried when `idempotent` and otherwise answer CONFLICT; a database that
 * cannot serve answers UNAVAILABLE.
 */
export async function inTransaction<T>(ctx: Context, work: (em: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const attempts = options.idempotent ? TRANSACTION_ATTEMPTS : 1;
  for (let attempt = 1; ; attempt++) {
    ctx.deadline?.check();
    try {
      return await runTransaction(ctx.dataSource, work);
    } catch (error) {
      // A lost lock race or certification rolled everything back; an unreachable database committed nothing.
      if (databaseFailure(error) === "conflict" && attempt < attempts) {
        // Jittered backoff so that two nodes' retries of the same rows do not collide again in step.
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.floor(Math.random() * 20)));
        continue;
      }
      throw asClientError(error);
    }
  }
}

function runTransaction<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (ds.options.type !== "better-sqlite3") return ds.transaction(work);
  const run = (sqliteQueues.get(ds) ?? Promise.resolve()).then(() => ds.transaction(work));
  sqliteQueues.set(ds, run.catch(() => undefined));
  return run;
}

/** `inTransaction(ctx, work, { idempotent: true })`: for work that re-reads what it checks (versions, locks) inside. */
export const inIdempotentTransaction = <T>(ctx: Context, work: (em: EntityManager) => Promise<T>): Promise<T> =>
  inTransaction(ctx, work, { idempotent: true });
