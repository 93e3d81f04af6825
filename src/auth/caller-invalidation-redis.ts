import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { dropCallersFromElsewhere, onCallerInvalidation } from "./caller-cache";

export interface CallerInvalidationBridge {
  close(): Promise<void>;
}

/** Channel on which every node announces that the callers it knows may have changed. */
export const DEFAULT_CALLER_CHANNEL = "livret:callers:invalidate";

/**
 * Makes the caller cache shared-nothing across Livret nodes: a local invalidation (roles, assignments,
 * guardian links changed here) is published on a Redis channel, and a message from another node drops this
 * node's cached callers. Each message carries the sender's id so that a node ignores its own. If Redis is
 * unreachable, entries still expire after CALLER_CACHE_MS: a change made elsewhere then takes at most that long.
 */
export function bridgeCallerInvalidation(redisUrl: string, options: { channel?: string; nodeId?: string } = {}): CallerInvalidationBridge {
  const channel = options.channel ?? DEFAULT_CALLER_CHANNEL;
  const nodeId = options.nodeId ?? randomUUID();
  const publisher = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  // Connection trouble is survivable (see above); the clients' own events must not crash the process.
  publisher.on("error", () => undefined);
  subscriber.on("error", () => undefined);
  subscriber.on("message", (from: string, message: string) => {
    if (from === channel && message !== nodeId) dropCallersFromElsewhere();
  });
  // On every (re)connection: a message missed while disconnected is covered by dropping everything once.
  subscriber.on("ready", () => {
    void subscriber.subscribe(channel).then(dropCallersFromElsewhere, () => undefined);
  });
  const unsubscribe = onCallerInvalidation(() => {
    publisher.publish(channel, nodeId).catch(() => undefined);
  });
  return {
    async close() {
      unsubscribe();
      await Promise.all([publisher, subscriber].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
