import { ErrorCode, LivretError } from "./errors";
import { BOUND_RULE } from "./bounds";
import type { RuleId } from "./rule-ids";

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
export function checkLength(value: string, field: string, max: number, rule: RuleId = BOUND_RULE): void {
  const has = textLength(value);
  if (has > max) {
    throw new LivretError(ErrorCode.BAD_USER_INPUT, `${field}: must be at most ${max} characters (has ${has})`, { field, rule, details: { limit: "textLength", max } });
  }
}

/**
 * The one checker of free text typed into the graph (appreciations, syntheses, labels, references):
 * absent stays, null clears (where the field is nullable), blank or too long is refused, the value is stored trimmed.
 * `rule` names the rule that sets the bound (R-PUB-19 unless said); values are never echoed back.
 */
export function checkText<T extends string | null | undefined>(value: T, field: string, max: number, rule?: RuleId): T {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  if (!trimmed) throw new LivretError(ErrorCode.BAD_USER_INPUT, `${field}: must not be blank (send null to clear it)`, { field });
  checkLength(trimmed, field, max, rule);
  return trimmed as T;
}
