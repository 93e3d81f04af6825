import { ErrorCode, LivretError } from "./errors";
import type { RuleId } from "./rule-ids";

/**
 * The one checker of free text typed into the graph (appreciations, syntheses, labels, references):
 * absent stays, null clears (where the field is nullable), blank or too long is refused, the value is stored trimmed. `rule` names
 * the rule that sets the bound when there is one (R-PUB-14, R-PUB-19); values are never echoed back.
 */
export function checkText<T extends string | null | undefined>(value: T, field: string, max: number, rule?: RuleId): T {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  const refuse = (message: string, withRule?: RuleId) =>
    new LivretError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field, rule: withRule });
  if (!trimmed) throw refuse("must not be blank");
  if (trimmed.length > max) throw refuse(`must be at most ${max} characters (has ${trimmed.length})`, rule);
  return trimmed as T;
}
