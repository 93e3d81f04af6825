import type express from "express";
import Negotiator from "negotiator";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../common/context";

export const GRAPHQL_RESPONSE_JSON = "application/graphql-response+json; charset=utf-8";
const APPLICATION_JSON = "application/json; charset=utf-8";

/** The media type of a single answer, per the Accept header (none: the legacy application/json). */
export function responseMediaType(accept: string | undefined): string | undefined {
  if (!accept) return APPLICATION_JSON;
  return new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]) ?? undefined;
}

/**
 * GraphQL over HTTP: with application/graphql-response+json, a request that fails before execution (parse,
 * validation, a document limit) is a 4xx, which Apollo already answers. With application/json, the specification
 * says a well-formed request gets 200 whatever its GraphQL errors: a legacy client reads `errors`, not the status.
 * Statuses that are about HTTP itself (401, 413, 429, 503) stay what they are for both.
 */
export function graphqlOverHttpPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      return {
        async willSendResponse({ response }) {
          const mediaType = responseMediaType(request.http?.headers.get("accept"));
          if (mediaType !== APPLICATION_JSON) return;
          if (response.http.status === 400) response.http.status = 200;
        },
      };
    },
  };
}

/** RFC 6750: every 401 names the scheme it wants, and says when the token sent was refused. */
export const wwwAuthenticate: express.RequestHandler = (req, res, next) => {
  const writeHead = res.writeHead;
  res.writeHead = function (this: express.Response, ...args: Parameters<typeof writeHead>) {
    const status = typeof args[0] === "number" ? args[0] : res.statusCode;
    if (status === 401 && !res.getHeader("www-authenticate")) {
      res.setHeader("www-authenticate", req.headers.authorization ? 'Bearer realm="livret", error="invalid_token"' : 'Bearer realm="livret"');
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
};
