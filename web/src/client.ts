import { Client, cacheExchange, fetchExchange, CombinedError } from "urql";
import { persistedExchange } from "@urql/exchange-persisted";

/**
 * The graph, by hash only: every document is one of operations/*.graphql, whose generated node carries its sha256
 * (the server's trusted-documents allow-list). The session cookie (HttpOnly) authenticates; no token in scripts.
 */
export const client = new Client({
  url: "/graphql",
  requestPolicy: "cache-and-network",
  fetchOptions: { credentials: "same-origin", headers: { accept: "application/graphql-response+json, application/json;q=0.9" } },
  exchanges: [
    cacheExchange,
    persistedExchange({
      enforcePersistedQueries: true,
      enableForMutation: true,
      preferGetForPersistedQueries: false,
      generateHash: async (_query, document) => (document as unknown as { __meta__: { hash: string } }).__meta__.hash,
    }),
    fetchExchange,
  ],
});

/** The refusal's code (extensions.code), never its message: what the views branch on. */
export const errorCode = (error: CombinedError | undefined): string | undefined =>
  error?.graphQLErrors.find((e) => typeof e.extensions?.code === "string")?.extensions.code as string | undefined;
