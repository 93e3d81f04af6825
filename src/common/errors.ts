import { GraphQLError } from "graphql";
import type { RuleId } from "./rule-ids";

/**
 * The fixed list of `extensions.code` values a client may receive (SPEC §4).
 * Anything else thrown by the server is masked as INTERNAL_SERVER_ERROR.
 */
export const ErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "UNAVAILABLE",
  PERIODS_NOT_CONFIGURED: "PERIODS_NOT_CONFIGURED",
  DATA_LOSS_NOT_CONFIRMED: "DATA_LOSS_NOT_CONFIRMED",
  REPORT_READ_ONLY: "REPORT_READ_ONLY",
  REPORT_LOCKED: "REPORT_LOCKED",
  SETTINGS_MISMATCH: "SETTINGS_MISMATCH",
  CARRY_OVER_UNAVAILABLE: "CARRY_OVER_UNAVAILABLE",
  PAST_YEAR: "PAST_YEAR",
  AMENDMENT_NOT_AUTHORISED: "AMENDMENT_NOT_AUTHORISED",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes Apollo itself raises before execution; they carry no data and pass through unchanged. */
export const REQUEST_LEVEL_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  // TRUSTED_DOCUMENTS=only refused a document sent as text (src/http/trusted-documents.ts).
  "TRUSTED_DOCUMENT_REQUIRED",
  "OPERATION_RESOLUTION_FAILURE",
]);

export const CLIENT_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** A refusal the client can act on. `rule` names the SPEC rule id (rule-ids.ts) when one applies. */
export class LivretError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: { rule?: RuleId; field?: string; details?: Record<string, unknown> } = {}) {
    const extensions: Record<string, unknown> = { code };
    if (extra.rule) extensions.rule = extra.rule;
    if (extra.field) extensions.field = extra.field;
    if (extra.details) Object.assign(extensions, extra.details);
    super(message, { extensions });
  }
}

export const notAuthenticated = () =>
  new LivretError(ErrorCode.UNAUTHENTICATED, "Authentication required: send a valid bearer token.");

export const forbidden = (message = "You are not allowed to do this.") => new LivretError(ErrorCode.FORBIDDEN, message);

/**
 * The single "does not exist" answer. Used for records that are missing and for records
 * the caller may not see, so that the two cannot be told apart.
 */
export const notFound = (what: string) => new LivretError(ErrorCode.NOT_FOUND, `${what} not found.`);

export const badInput = (field: string, message: string) =>
  new LivretError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field });

export const conflict = (message: string, rule?: RuleId) => new LivretError(ErrorCode.CONFLICT, message, { rule });

export const ruleError = (code: ErrorCode, rule: RuleId, message: string, details?: Record<string, unknown>) =>
  new LivretError(code, message, { rule, details });
