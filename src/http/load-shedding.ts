import type express from "express";
import { ErrorCode } from "../common/errors";

/** Seconds a shed client is told to wait (Retry-After). */
export const SHED_RETRY_AFTER_SECONDS = 1;

/**
 * Bounds the requests in execution. Past `maxActive`, a request waits in a queue of at most `maxQueued`
 * for at most `maxWaitMs`; a request that finds the queue full, or waits too long, is refused at once with
 * 503 UNAVAILABLE rather than joining a pile-up that would make every request miss its deadline (collapse).
 */
export class AdmissionGate {
  private active = 0;
  private readonly waiting: Array<{ admit: () => void }> = [];

  constructor(
    readonly maxActive: number,
    readonly maxQueued: number,
    readonly maxWaitMs: number,
  ) {}

  get inExecution() {
    return this.active;
  }

  get queued() {
    return this.waiting.length;
  }

  /** Resolves with the function that frees the slot, or null when the request is shed. */
  enter(): Promise<(() => void) | null> {
    if (this.active < this.maxActive) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.maxQueued) return Promise.resolve(null);
    return new Promise((resolve) => {
      const entry = {
        admit: () => {
          clearTimeout(timer);
          resolve(this.releaser());
        },
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        resolve(null);
      }, this.maxWaitMs);
      this.waiting.push(entry);
    });
  }

  private releaser() {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next in line; otherwise it is freed.
      if (next) next.admit();
      else this.active--;
    };
  }
}

export const shedAnswer = (res: express.Response, message: string) =>
  res
    .status(503)
    .set("retry-after", String(SHED_RETRY_AFTER_SECONDS))
    .json({ errors: [{ message, extensions: { code: ErrorCode.UNAVAILABLE, retryAfterSeconds: SHED_RETRY_AFTER_SECONDS } }] });

/** Express middleware: admits the request through the gate, frees its slot when the response is done. */
export function loadShedding(gate: AdmissionGate): express.RequestHandler {
  return async (_req, res, next) => {
    const release = await gate.enter();
    if (!release) {
      shedAnswer(res, "The server is busy; nothing was done. Try again shortly.");
      return;
    }
    res.once("close", release);
    res.once("finish", release);
    next();
  };
}
