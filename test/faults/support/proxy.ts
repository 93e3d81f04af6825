import net from "node:net";

/**
 * What the proxy does to the traffic between Livret and MariaDB:
 * - `pass`: forwards it (after `latencyMs` each way);
 * - `blackhole`: accepts connections and keeps them open but forwards nothing either way (a dead network
 *   or a frozen server: no error ever comes back);
 * - `refuse`: resets every new connection and every open one (the server is down).
 */
export type ProxyMode = "pass" | "blackhole" | "refuse";

export class FaultProxy {
  mode: ProxyMode = "pass";
  latencyMs = 0;
  private readonly pairs = new Set<[net.Socket, net.Socket]>();

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number): Promise<FaultProxy> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const proxy = new FaultProxy(server, (server.address() as net.AddressInfo).port);
    server.on("connection", (client) => proxy.accept(client, targetPort));
    return proxy;
  }

  private accept(client: net.Socket, targetPort: number) {
    if (this.mode === "refuse") {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(targetPort, "127.0.0.1");
    const pair: [net.Socket, net.Socket] = [client, upstream];
    this.pairs.add(pair);
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on("data", (chunk) => {
        if (this.mode !== "pass") return;
        // Same delay for every chunk: timers fire in order, so the byte stream stays intact.
        if (this.latencyMs > 0) setTimeout(() => to.writable && to.write(chunk), this.latencyMs);
        else to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    const close = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of pair) {
      socket.on("error", close);
      socket.on("close", close);
    }
  }

  /** Cuts every open connection with a TCP reset (a server killed or a network reset). */
  resetAll() {
    for (const [client, upstream] of this.pairs) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  /** The server is down: open connections are reset and new ones refused. */
  refuse() {
    this.mode = "refuse";
    this.resetAll();
  }

  /** Back to normal: forwards everything, no delay. Connections blackholed meanwhile stay dead (their bytes were dropped). */
  heal() {
    this.mode = "pass";
    this.latencyMs = 0;
  }

  get openConnections() {
    return this.pairs.size;
  }

  async close() {
    this.resetAll();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
