import { Principal } from "./principal";

/**
 * The caller resolved once per bearer token for a short time, so that a client sending many requests
 * does not pay the token check and the principal's statements on each of them.
 *
 * Freshness: an entry lives at most `ttlMs` (CALLER_CACHE_MS) and never past its token's expiry.
 * Every write that changes who may do what (roles, teaching assignments, guardian links, EduConnect,
 * a school's degree) calls `invalidateCallers()` once it has committed: all entries of this process
 * are dropped at once. Writes made by another process (the `load` CLI, another server instance)
 * reach this one through `onCallerInvalidation` listeners (e.g. a Redis channel) or, failing that,
 * after `ttlMs` at most.
 */

/** Bumped by every invalidation; an entry loaded under an older generation is stale. */
let generation = 0;
const listeners = new Set<(origin: "local") => void>();

/** Drops every cached caller of this process and tells the listeners (another process's cache, a pub/sub channel). */
export function invalidateCallers(): void {
  generation++;
  for (const listener of listeners) listener("local");
}

/**
 * Registers a listener called after every local invalidation (to publish it); returns the unsubscribe
 * function. A message received from elsewhere should call `dropCallersFromElsewhere()`, not
 * `invalidateCallers()`, so that it is not published back.
 */
export function onCallerInvalidation(listener: (origin: "local") => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** An invalidation announced by another process: drops this process's entries without re-announcing. */
export function dropCallersFromElsewhere(): void {
  generation++;
}

interface Entry {
  principal: Principal;
  schoolYear: number;
  generation: number;
  expiresAt: number;
}

export interface CallerCacheOptions {
  /** How long a resolved caller is reused; 0 disables the cache. */
  ttlMs: number;
  /** Bound on memory: beyond it the oldest entries go first. */
  maxEntries?: number;
  now?: () => number;
}

export class CallerCache {
  private readonly entries = new Map<string, Entry>();
  /** Concurrent first requests with the same token share one load. */
  private readonly loading = new Map<string, Promise<Principal>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: CallerCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The caller for `token` in `schoolYear`: the cached one while fresh, else `load()`'s answer, kept
   * until `min(now + ttl, tokenExpiresAt)`. A failing load (bad token, unknown account) is not kept.
   */
  async resolve(token: string, schoolYear: number, load: () => Promise<{ principal: Principal; tokenExpiresAt?: number }>): Promise<Principal> {
    if (!this.enabled) return (await load()).principal;
    const now = this.now();
    const entry = this.entries.get(token);
    if (entry && entry.generation === generation && entry.schoolYear === schoolYear && entry.expiresAt > now) return entry.principal;
    if (entry) this.entries.delete(token);
    const pending = this.loading.get(token);
    if (pending) return pending;
    // The generation at the start of the load: an invalidation while it runs makes its result stale at once.
    const loadedUnder = generation;
    const promise = load().then(({ principal, tokenExpiresAt }) => {
      const expiresAt = Math.min(this.now() + this.ttlMs, tokenExpiresAt ?? Number.POSITIVE_INFINITY);
      if (loadedUnder === generation && expiresAt > this.now()) this.remember(token, { principal, schoolYear, generation: loadedUnder, expiresAt });
      return principal;
    });
    this.loading.set(token, promise);
    try {
      return await promise;
    } finally {
      this.loading.delete(token);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  private remember(token: string, entry: Entry): void {
    if (this.entries.size >= this.maxEntries) {
      const now = this.now();
      for (const [key, old] of this.entries) if (old.expiresAt <= now || old.generation !== generation) this.entries.delete(key);
      // Still full: Map iteration is insertion order, so the first key is the oldest entry.
      while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(token, entry);
  }
}
