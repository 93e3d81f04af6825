import { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { CLIENT_CODES, LivretError, REQUEST_LEVEL_CODES } from "../common/errors";
import { asClientError } from "../db/db-errors";

export const INTERNAL_MESSAGE = "Internal server error";

/**
 * Lets through only our own coded refusals and Apollo's request-level errors, with no stack trace.
 * Everything else is logged in full on the server and reaches the client as a bare internal error.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? "");
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  if (CLIENT_CODES.has(code) || REQUEST_LEVEL_CODES.has(code)) {
    // Validation errors from class-validator: keep which field and which constraint, never the values.
    if (Array.isArray(extensions.validationErrors)) {
      extensions.validationErrors = (extensions.validationErrors as Array<Record<string, unknown>>).map(stripValidation);
    }
    return { ...formatted, extensions };
  }
  const original = unwrapResolverError(error);
  // A read that met a down, slow or overloaded database (or lost a lock race): the client may retry.
  const mapped = asClientError(original);
  if (mapped instanceof LivretError) {
    console.warn("[graphql] database failure", { path: formatted.path, code: mapped.extensions.code, error: String((original as Error)?.message ?? original) });
    return { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions: { ...mapped.extensions } };
  }
  console.error("[graphql] internal error", { path: formatted.path, error: original });
  return { message: INTERNAL_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

function stripValidation(e: Record<string, unknown>): Record<string, unknown> {
  return {
    property: e.property,
    constraints: e.constraints,
    ...(Array.isArray(e.children) && e.children.length ? { children: (e.children as Array<Record<string, unknown>>).map(stripValidation) } : {}),
  };
}
