import { or } from "graphql-shield";
import { inheritsParent, isDasen, isHead } from "../../auth/rules";
import { RuleTree } from "../../auth/rule-tree";

/**
 * R-SEED-10: only a DASEN (1D) or a HEAD (2D) may grant. Which report they may grant on
 * (DASEN of the école's academy, HEAD of the collège) is decided by the service, in SQL.
 */
export const isDasenOrHead = or(isDasen, isHead);

export const amendmentRules: RuleTree = {
  Query: { priorYearReports: isDasenOrHead },
  Mutation: { grantPriorYearAmendment: isDasenOrHead },
  PriorYearAmendmentView: { "*": inheritsParent },
};
