import { randomUUID } from "node:crypto";
import type { Request, Response } from "express";
import { GraphQLError } from "graphql";
import type { Principal } from "../../auth/principal";
import { createContext } from "../../common/context";
import { LivretError } from "../../common/errors";
import type { DataSource } from "typeorm";
import type { Clock } from "../../common/clock";
import { importLsu } from "./import.service";
import { toBatchViews } from "./import.view";
import { asClientError, DATABASE_RETRY_AFTER_SECONDS } from "../../db/db-errors";

class TooLarge extends Error {}

/** The request body as it arrives, refused past `limit` bytes: an 8 MB file never sits whole in memory. */
async function* limited(req: Request, limit: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) throw new TooLarge();
    yield chunk;
  }
}

const unavailable = (res: Response, message: string) =>
  res.status(503).set("retry-after", String(DATABASE_RETRY_AFTER_SECONDS)).json({ errors: [{ message, extensions: { code: "UNAVAILABLE", retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS } }] });

const error = (res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });

/**
 * POST /imports/lsu: one LSU XML file as the body (Content-Type application/xml), bearer token.
 * 201 with the batch; 200 when the same file was already imported (nothing changed); 422 with the
 * structural problems when the file is refused; 401/403/404/413/415 otherwise.
 */
/** What the route needs from the server (declared here so that the module does not import the server). */
export interface ImportRouteDeps {
  config: { importMaxBytes: number };
  dataSource: DataSource;
  clock: Clock;
}

export function importRoute(args: { deps: ImportRouteDeps; authenticate: (req: Request) => Promise<Principal | null> }) {
  const { deps } = args;
  return async (req: Request, res: Response) => {
    const drain = () => req.resume();
    let principal: Principal | null;
    try {
      principal = await args.authenticate(req);
    } catch (e) {
      drain();
      if (e instanceof GraphQLError && e.extensions.code === "UNAVAILABLE") return unavailable(res, e.message);
      return error(res, 401, "UNAUTHENTICATED", e instanceof GraphQLError ? e.message : "Authentication required.");
    }
    if (!principal) {
      drain();
      return error(res, 401, "UNAUTHENTICATED", "Authentication required: send a valid bearer token.");
    }
    const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
    if (type !== "application/xml" && type !== "text/xml") {
      drain();
      return error(res, 415, "BAD_REQUEST", "Send the LSU file as the body with Content-Type: application/xml.");
    }
    const limit = deps.config.importMaxBytes;
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      drain();
      return error(res, 413, "BAD_REQUEST", `The file is larger than ${limit} bytes.`);
    }
    const header = req.headers["x-request-id"];
    const requestId = typeof header === "string" && /^[A-Za-z0-9-]{1,64}$/.test(header) ? header : randomUUID();
    const ctx = createContext({ requestId, principal, dataSource: deps.dataSource, clock: deps.clock });
    try {
      const result = await importLsu(ctx, limited(req, limit));
      if (result.status === "REFUSED") {
        drain();
        return error(res, 422, "BAD_USER_INPUT", "The file was refused: nothing was imported.", { rule: "R-PUB-10", problems: result.problems });
      }
      const [batch] = await toBatchViews(deps.dataSource.manager, [result.batch]);
      return res.status(result.status === "IMPORTED" ? 201 : 200).json({ unchanged: result.status === "UNCHANGED", batch });
    } catch (e) {
      drain();
      if (e instanceof TooLarge) return error(res, 413, "BAD_REQUEST", `The file is larger than ${limit} bytes.`);
      const mapped = asClientError(e);
      if (mapped instanceof LivretError && mapped.extensions.code === "UNAVAILABLE") return unavailable(res, mapped.message);
      if (mapped instanceof LivretError) e = mapped;
      if (e instanceof LivretError) {
        const code = String(e.extensions.code);
        const status = code === "NOT_FOUND" ? 404 : code === "FORBIDDEN" ? 403 : code === "CONFLICT" ? 409 : 400;
        return error(res, status, code, e.message, e.extensions.rule ? { rule: e.extensions.rule } : {});
      }
      console.error("[import] unexpected error", e);
      return error(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error");
    }
  };
}
