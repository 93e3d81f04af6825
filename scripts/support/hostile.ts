/** Hostile documents shared by the hostile-document tests and `npm run bench -- limits`. */

/** A fragment-spread bomb: each fragment spreads the previous one twice, 2^levels selections once expanded. */
export function fragmentBomb(levels: number): string {
  let s = `query Bomb { ...F${levels} }\nfragment F0 on Query { currentSchoolYear { year } }\n`;
  for (let i = 1; i <= levels; i++) s += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
  return s;
}

/** `n` aliased copies of `field` at the root. */
export const aliases = (n: number, field = "me { login }") => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
