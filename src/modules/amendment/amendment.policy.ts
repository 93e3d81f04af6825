import { Brackets, WhereExpressionBuilder } from "typeorm";
import { Context } from "../../common/context";
import { Degree } from "../../common/domain";
import { dasenAcademiesOf, headedSchoolIds } from "../../auth/policy";

/** Who may grant past-year amendments and find the reports they concern (R-SEED-10). */

/**
 * R-SEED-10: restricts `qb` (reports `r` joined to their school `s`) to the authority of the caller:
 * DASEN of the school's academy for an école, HEAD of the collège itself. False when the caller holds
 * no such authority at all (the query must not run).
 */
export function scopeAmendingAuthority(ctx: Context, qb: WhereExpressionBuilder): boolean {
  const p = ctx.principal;
  const dasen = [...dasenAcademiesOf(p)];
  const head = [...headedSchoolIds(p)];
  if (!dasen.length && !head.length) return false;
  qb.andWhere(
    new Brackets((inner) => {
      if (dasen.length) inner.orWhere("(s.degree = :first AND s.academyId IN (:...dasen))", { first: Degree.FIRST, dasen });
      if (head.length) inner.orWhere("(s.degree = :second AND s.id IN (:...head))", { second: Degree.SECOND, head });
    }),
  );
  return true;
}

