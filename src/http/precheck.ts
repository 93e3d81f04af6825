import type express from "express";
import { DocumentNode, parse } from "graphql";
import { breadthRefusals, DemandLimits } from "./limits";
import { GRAPHQL_RESPONSE_JSON, responseMediaType } from "./graphql-http";

/**
 * Express step before Apollo: the document is parsed (within the token limit) and its breadth counted in one
 * memoised walk; a flood of aliases, root fields or fragment spreads is answered here, 400 GRAPHQL_VALIDATION_FAILED
 * naming the limit, instead of going through graphql-js's standard rules first (seconds for 10,000 aliases).
 * Apollo's plugins cannot refuse before those rules (an error thrown from a hook is a 500), and its
 * `validationRules` run after them. Anything else (no query, a syntax error, too many tokens) goes on to Apollo,
 * which answers it; the rules there check the same limits again.
 */
export function breadthPrecheck(limits: DemandLimits): express.RequestHandler {
  return (req, res, next) => {
    const params = (req.method === "GET" ? req.query : req.body) as Record<string, unknown> | undefined;
    const query = params && typeof params === "object" && !Array.isArray(params) ? params.query : undefined;
    if (typeof query !== "string") return next();
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
    } catch {
      return next();
    }
    const refusals = breadthRefusals(document, limits);
    const mediaType = responseMediaType(req.headers.accept);
    // Neither media type acceptable: Apollo answers 406.
    if (!refusals.length || !mediaType) return next();
    // As graphqlOverHttpPlugin answers validation failures: 400, except 200 for a legacy application/json client.
    res
      .status(mediaType === GRAPHQL_RESPONSE_JSON ? 400 : 200)
      .set("content-type", mediaType)
      .send(JSON.stringify({ errors: refusals.map((e) => ({ message: e.message, extensions: { ...e.extensions, code: "GRAPHQL_VALIDATION_FAILED" } })) }));
  };
}
