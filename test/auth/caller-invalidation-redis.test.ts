import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { CallerCache, invalidateCallers } from "../../src/auth/caller-cache";
import { bridgeCallerInvalidation, CallerInvalidationBridge } from "../../src/auth/caller-invalidation-redis";
import { Principal } from "../../src/auth/principal";

const REDIS_URL = process.env.LIVRET_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Another node is played by a plain Redis client on the same channel: what crosses the wire is what a node sends. */
describe("caller cache invalidation across nodes (REDIS_URL)", () => {
  const channel = `livret:test:callers:${randomUUID()}`;
  let bridge: CallerInvalidationBridge;
  let otherNode: Redis;
  let otherNodeListens: Redis;
  const heard: string[] = [];

  beforeAll(async () => {
    otherNode = new Redis(REDIS_URL);
    otherNodeListens = new Redis(REDIS_URL);
    await otherNodeListens.subscribe(channel);
    otherNodeListens.on("message", (_c, message) => heard.push(message));
    bridge = bridgeCallerInvalidation(REDIS_URL, { channel, nodeId: "this-node" });
    // Wait until the bridge has subscribed: the other node then counts two listeners on the channel.
    for (let i = 0; i < 100; i++) {
      const [, listeners] = (await otherNode.pubsub("NUMSUB", channel)) as [string, number];
      if (Number(listeners) >= 2) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  afterAll(async () => {
    await bridge.close();
    await Promise.all([otherNode.quit(), otherNodeListens.quit()]);
  });

  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  };

  it("a role change announced by another node drops this node's cached callers; its own announcement does not echo", async () => {
    const cache = new CallerCache({ ttlMs: 60_000 });
    let loads = 0;
    const load = async () => ({ principal: { accountId: ++loads } as unknown as Principal });
    await cache.resolve("tok", 2026, load);
    await cache.resolve("tok", 2026, load);
    expect(loads).toBe(1);

    await otherNode.publish(channel, "other-node");
    await until(() => (cache.resolve("tok", 2026, load), loads > 1));
    expect(loads).toBe(2);

    // This node's own message comes back on the channel and must not count as someone else's.
    invalidateCallers();
    await until(() => heard.includes("this-node"));
    expect(heard).toContain("this-node");
    await cache.resolve("tok", 2026, load);
    const afterLocal = loads;
    await new Promise((r) => setTimeout(r, 100));
    await cache.resolve("tok", 2026, load);
    expect(loads).toBe(afterLocal);
  });
});
