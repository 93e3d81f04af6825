import { DataSource, EntityManager } from "typeorm";
import { Principal } from "../auth/principal";
import { Clock } from "./clock";
import { currentSchoolYear } from "./school-year";
import { createLoaders, Loaders } from "./loaders";
import { Deadline, noDeadline } from "./deadline";
import { asClientError } from "../db/db-errors";

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

/**
 * Runs `work` in one transaction. Every write goes through here together with its audit event,
 * so that both land or neither does.
 */
export function inTransaction<T>(ctx: Context, work: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    ctx.deadline?.check();
  } catch (error) {
    return Promise.reject(error);
  }
  const ds = ctx.dataSource;
  // A lost lock race or an unreachable database rolled everything back: the client hears CONFLICT or UNAVAILABLE.
  const clientError = (error: unknown) => Promise.reject(asClientError(error));
  if (ds.options.type !== "better-sqlite3") return ds.transaction(work).catch(clientError);
  const run = (sqliteQueues.get(ds) ?? Promise.resolve()).then(() => ds.transaction(work));
  sqliteQueues.set(ds, run.catch(() => undefined));
  return run.catch(clientError);
}
