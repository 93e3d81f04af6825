import { badInput } from "./errors";

/** GraphQL IDs are strings; ours are positive integers. Anything else is bad input, not a lookup. */
export function parseId(value: string, field: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(value)) throw badInput(field, "is not a valid identifier");
  return Number(value);
}
