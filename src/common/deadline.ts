import { getNamedType, getNullableType, GraphQLFieldResolver, GraphQLSchema, isLeafType, isListType, isObjectType } from "graphql";
import { ErrorCode, LivretError } from "./errors";

/**
 * The time a request may take. Work that would start database access asks `check()` first: once the
 * deadline has passed it throws UNAVAILABLE (SPEC §4: the client may retry), so a request that is too slow
 * stops where it is instead of queueing more statements. Resolvers of object and list fields, `inTransaction`
 * and anything else about to reach the database call it.
 */
export class Deadline {
  readonly at: number;
  /** Set once `check()` has refused: the response then becomes one UNAVAILABLE error (HTTP 503). */
  tripped = false;

  constructor(readonly limitMs: number, start = Date.now()) {
    this.at = start + limitMs;
  }

  remainingMs(): number {
    return this.at - Date.now();
  }

  expired(): boolean {
    return Date.now() >= this.at;
  }

  /** Throws UNAVAILABLE when the deadline has passed. */
  check(): void {
    if (Date.now() < this.at) return;
    this.tripped = true;
    throw deadlineExceeded(this.limitMs);
  }
}

/** No limit: scripts, the demo loader and tests that build a context by hand. */
export const noDeadline = (): Deadline => new Deadline(Number.MAX_SAFE_INTEGER / 2);

export const deadlineExceeded = (limitMs: number) =>
  new LivretError(ErrorCode.UNAVAILABLE, `The request took longer than its ${limitMs} ms limit (REQUEST_TIMEOUT_MS) and was stopped; try again.`, {
    details: { retryAfterSeconds: 1 },
  });

const WRAPPED = Symbol("deadline-checked");

/**
 * Makes every resolver that can start database work (root fields, and fields answering objects or lists)
 * check the request's deadline first. Scalar fields are read from rows already loaded and stay unwrapped.
 */
export function applyDeadlineChecks(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const root = type === schema.getQueryType() || type === schema.getMutationType();
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as (GraphQLFieldResolver<unknown, { deadline?: Deadline }> & { [WRAPPED]?: true }) | undefined;
      if (!resolve || resolve[WRAPPED]) continue;
      if (!root && isLeafType(getNamedType(field.type)) && !isListType(getNullableType(field.type))) continue;
      const checked: GraphQLFieldResolver<unknown, { deadline?: Deadline }> & { [WRAPPED]?: true } = (source, args, ctx, info) => {
        ctx.deadline?.check();
        return resolve(source, args, ctx, info);
      };
      checked[WRAPPED] = true;
      field.resolve = checked;
    }
  }
  return schema;
}
