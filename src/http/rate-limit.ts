import Redis from "ioredis";
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { GraphQLError } from "graphql";
import { HeaderMap } from "@apollo/server";
import { Config } from "../config";
import { ErrorCode } from "../common/errors";

/**
 * Cost-weighted budgets per account and per client address (R16), in rate-limiter-flexible: in memory by
 * default, in Redis when REDIS_URL is set so that every node draws on the same budget. A caller over budget
 * gets 429 TOO_MANY_REQUESTS with Retry-After. If Redis fails, each node falls back to its own memory budget
 * rather than refusing everyone or letting everyone through.
 */
export interface RateLimits {
  /** Charges `points` to a key; throws TOO_MANY_REQUESTS (with `retryAfterSeconds`) when over budget. */
  charge(kind: "account" | "address", key: string, points: number): Promise<void>;
  close(): Promise<void>;
}

export class RateLimited extends GraphQLError {
  constructor(
    readonly retryAfterSeconds: number,
    kind: string,
  ) {
    super(`Too many requests for this ${kind}: try again in ${retryAfterSeconds} s.`, {
      extensions: {
        code: ErrorCode.TOO_MANY_REQUESTS,
        retryAfterSeconds,
        http: { status: 429, headers: new HeaderMap([["retry-after", String(retryAfterSeconds)]]) },
      },
    });
  }
}

export function createRateLimits(config: Config["rateLimit"], options: { keyPrefix?: string } = {}): RateLimits {
  const prefix = options.keyPrefix ?? "livret:rl";
  const redis = config.redisUrl ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : null;
  // Connection errors are reported through the insurance fallback; the client's own events must not crash the process.
  redis?.on("error", () => undefined);
  const limiter = (kind: string, points: number): RateLimiterAbstract => {
    const opts = { points, duration: config.windowSeconds, keyPrefix: `${prefix}:${kind}` };
    if (!redis) return new RateLimiterMemory(opts);
    return new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: new RateLimiterMemory(opts) });
  };
  const limiters = { account: limiter("account", config.accountPoints), address: limiter("address", config.addressPoints) };
  return {
    async charge(kind, key, points) {
      try {
        await limiters[kind].consume(key, Math.max(1, Math.ceil(points)));
      } catch (error) {
        if (error instanceof RateLimiterRes) throw new RateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)), kind);
        throw error;
      }
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
