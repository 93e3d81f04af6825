import { ErrorCode, LivretError } from "./errors";
import { BOUND_RULE } from "./bounds";

/** Characters as LSU's XSD counts them: code points, so an emoji or a rare sinogram is one, not two UTF-16 units. */
export function textLength(value: string): number {
  let count = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const high = value.charCodeAt(i);
    const low = value.charCodeAt(i + 1);
    if (high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
      count--;
      i++;
    }
  }
  return count;
}

/**
 * Refuses text of more than `max` characters (R-PUB-19: the lengths of lsu-research.md §d.4, and the other bounds
 * of a write): BAD_USER_INPUT naming the field, with `limit` "textLength" and `max`.
 */
export function checkLength(value: string, field: string, max: number, rule = BOUND_RULE): void {
  const has = textLength(value);
  if (has > max) {
    throw new LivretError(ErrorCode.BAD_USER_INPUT, `${field}: must be at most ${max} characters (has ${has})`, { field, rule, details: { limit: "textLength", max } });
  }
}
