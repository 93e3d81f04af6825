import { GraphQLError, GraphQLSchema, separateOperations } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import { ErrorCode } from "../common/errors";
import { MAX_PAGE_SIZE } from "../common/paging";

/** Nested list fields the schema serves without paging, with the size they typically have. */
const TYPICAL_LIST_SIZE: Record<string, number> = {
  "SchoolClass.students": 35,
  "TeachingGroup.students": 35,
  "School.classes": 30,
  "School.groups": 30,
  "PeriodScheme.classes": 30,
  "Student.enrolments": 10,
};

/**
 * Rejects, before anything runs, an operation whose estimated cost exceeds the budget: 1 per field,
 * times the page size (limit) for paged lists, times a typical size for the few unpaged lists.
 */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              operationName: request.operationName ?? undefined,
              query: request.operationName ? separateOperations(document)[request.operationName] ?? document : document,
              variables: request.variables ?? {},
              estimators: [
                fieldExtensionsEstimator(),
                ({ type, field, args, childComplexity }) => {
                  const key = `${type.name}.${field.name}`;
                  if (typeof args.limit === "number") return 1 + Math.min(args.limit, MAX_PAGE_SIZE) * childComplexity;
                  if (TYPICAL_LIST_SIZE[key]) return 1 + TYPICAL_LIST_SIZE[key] * childComplexity;
                  return undefined;
                },
                simpleEstimator({ defaultComplexity: 1 }),
              ],
            });
          } catch {
            // Variables that do not coerce: execution refuses them with BAD_USER_INPUT before any resolver runs.
            return;
          }
          if (cost > maxCost) {
            throw new GraphQLError(`Query is too expensive: cost ${cost} exceeds the limit of ${maxCost}. Ask for fewer rows or fields.`, {
              extensions: { code: ErrorCode.BAD_USER_INPUT, cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
