import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from "graphql";
import { getArgumentValues } from "graphql/execution/values";
import type { ApolloServerPlugin } from "@apollo/server";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { ErrorCode } from "../common/errors";
import { LIST_BOUNDS, listSize } from "../common/bounds";
import type { Context } from "../common/context";

/** What one request may ask for; every number has its environment variable (README, Configuration). */
export interface DemandLimits {
  /** Lexical tokens of the document (parser `maxTokens`): refused before anything else looks at it. */
  maxTokens: number;
  /** Selections with every fragment spread expanded (Apollo's memoised count): stops fragment bombs. */
  maxSelections: number;
  /** Levels of nested fields below the root fields. */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Root fields of one operation (fragments expanded). */
  maxRootFields: number;
  /** Root fields of one mutation operation: each is its own transaction. */
  maxMutationFields: number;
  /** Estimated cost (fields, each list counted at its bound): see src/common/bounds.ts. */
  maxCost: number;
}

const validationError = (message: string, limit: string) => new GraphQLError(message, { extensions: { limit } });
const aliasesMessage = (found: number, limits: DemandLimits) => `Operation uses ${found} aliases; the limit is ${limits.maxAliases} (MAX_QUERY_ALIASES).`;

/**
 * The armor rules count fragments once each (memoised), so a fragment-spread bomb costs a linear walk; but by
 * default they throw out of `validate` (an HTTP 500) and count a fragment spread as a level of depth. Here they
 * report through the validation context, flatten fragments, and speak in our limits' terms.
 */
function reportTo(context: ValidationContext, toMessage: (found: number) => string, limit: string) {
  return (_ctx: unknown, error: GraphQLError) => {
    const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);
    context.reportError(validationError(toMessage(found), limit));
  };
}

function armorRules(limits: DemandLimits): ValidationRule[] {
  const depth: ValidationRule = (context) =>
    // Armor counts the root fields as level 1; our limit counts the levels below them.
    maxDepthRule({
      n: limits.maxDepth + 1,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reportTo(context, (found) => `Operation is nested ${found - 1} levels deep; the limit is ${limits.maxDepth} (MAX_QUERY_DEPTH).`, "MAX_QUERY_DEPTH")],
    })(context);
  const aliases: ValidationRule = (context) =>
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [reportTo(context, (found) => aliasesMessage(found, limits), "MAX_QUERY_ALIASES")],
    })(context);
  const directives: ValidationRule = (context) =>
    maxDirectivesRule({
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [reportTo(context, (found) => `Operation uses ${found} directives; the limit is ${limits.maxDirectives} (MAX_QUERY_DIRECTIVES).`, "MAX_QUERY_DIRECTIVES")],
    })(context);
  return [depth, aliases, directives];
}

/** One operation's breadth with every fragment spread expanded. */
export interface Breadth {
  operation: OperationDefinitionNode;
  /** Fields at the root (through fragments and inline fragments). */
  rootFields: number;
  /** Aliases anywhere below, `__typename` aliases aside (as the armor rule counts them). */
  aliases: number;
  /** Selections (fields, inline fragments, spreads), counted as Apollo's maxRecursiveSelections counts them. */
  selections: number;
}

/**
 * Breadth of every operation of `document`, in one walk: each fragment is measured once (memoised) and its
 * figures multiplied by its spreads, so a fragment-spread bomb costs its size, not 2^levels. A cyclic or unknown
 * spread counts nothing here: graphql-js's standard rules report it.
 */
export function measureBreadth(document: DocumentNode): Breadth[] {
  type Figures = Omit<Breadth, "operation">;
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const memo = new Map<string, Figures>();
  const visiting = new Set<string>();
  const measure = (set: SelectionSetNode): Figures => {
    const sum: Figures = { rootFields: 0, aliases: 0, selections: 0 };
    const add = (part: Figures, top: boolean) => {
      sum.aliases += part.aliases;
      sum.selections += part.selections;
      if (top) sum.rootFields += part.rootFields;
    };
    for (const s of set.selections) {
      sum.selections += 1;
      if (s.kind === Kind.FIELD) {
        sum.rootFields += 1;
        if (s.alias && s.name.value !== "__typename" && s.alias.value !== "__typename") sum.aliases += 1;
        if (s.selectionSet) add(measure(s.selectionSet), false);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        add(measure(s.selectionSet), true);
      } else {
        const name = s.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        if (!memo.has(name)) {
          visiting.add(name);
          memo.set(name, measure(fragment));
          visiting.delete(name);
        }
        add(memo.get(name)!, true);
      }
    }
    return sum;
  };
  return document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION).map((operation) => ({ operation, ...measure(operation.selectionSet) }));
}

/** The root-field refusal of one operation (mutations have their own, smaller limit), if any. */
function rootFieldsRefusal({ operation, rootFields: n }: Breadth, limits: DemandLimits): GraphQLError | undefined {
  if (operation.operation === "mutation" && n > limits.maxMutationFields) {
    return validationError(`Operation runs ${n} mutations; at most ${limits.maxMutationFields} may run in one request (MAX_MUTATIONS_PER_REQUEST).`, "MAX_MUTATIONS_PER_REQUEST");
  }
  if (n > limits.maxRootFields) return validationError(`Operation asks for ${n} root fields; the limit is ${limits.maxRootFields} (MAX_ROOT_FIELDS).`, "MAX_ROOT_FIELDS");
  return undefined;
}

/**
 * What a document's breadth alone refuses, computed before graphql-js's standard rules run (src/http/precheck.ts):
 * those walk every field and compare same-named ones pairwise, so a flood of aliases or root fields cost seconds
 * there before the limit rules below refused it. The same limits, messages and names as the rules.
 */
export function breadthRefusals(document: DocumentNode, limits: DemandLimits): GraphQLError[] {
  const refusals: GraphQLError[] = [];
  for (const breadth of measureBreadth(document)) {
    const name = breadth.operation.name ? `Operation "${breadth.operation.name.value}"` : "Anonymous operation";
    if (breadth.selections > limits.maxSelections) {
      refusals.push(validationError(`${name} recursively requests too many selections: ${breadth.selections}, the limit is ${limits.maxSelections} (MAX_QUERY_SELECTIONS).`, "MAX_QUERY_SELECTIONS"));
    }
    const rootFields = rootFieldsRefusal(breadth, limits);
    if (rootFields) refusals.push(rootFields);
    if (breadth.aliases > limits.maxAliases) refusals.push(validationError(aliasesMessage(breadth.aliases, limits), "MAX_QUERY_ALIASES"));
  }
  return refusals;
}

/** Root fields per operation, fragments at the root expanded once each; mutations have their own, smaller limit. */
function rootFieldsRule(limits: DemandLimits): ValidationRule {
  return (context) => {
    let measured: Map<OperationDefinitionNode, Breadth> | undefined;
    return {
      OperationDefinition(node) {
        measured ??= new Map(measureBreadth(context.getDocument()).map((b) => [b.operation, b]));
        const refusal = rootFieldsRefusal(measured.get(node)!, limits);
        if (refusal) context.reportError(refusal);
      },
    };
  };
}

/**
 * Apollo options that bound the document before execution, each check linear in the document's size:
 * tokens at parse time, then the standard rules (which report fragment cycles and unknown fragments as
 * validation errors), the expanded selection count, and only then depth, aliases, directives and root fields.
 */
export function documentLimits(limits: DemandLimits) {
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    // Set, it also makes Apollo run `validationRules` only once the standard rules passed: no cycles reach them.
    maxRecursiveSelections: limits.maxSelections,
    validationRules: [...armorRules(limits), rootFieldsRule(limits)],
  };
}

/** Every list field of the schema must have a size in LIST_BOUNDS: otherwise the server does not start. */
export function unboundedListFields(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (isListType(getNullableType(field.type)) && !LIST_BOUNDS[`${type.name}.${field.name}`]) missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing;
}

const badInput = (message: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extra, http: { status: 400 } } });

/** What the cost walk found: the cost, and how many large lists the operation selects. */
export interface CostEstimate {
  cost: number;
  /** Lists that can answer at least `largeListRows` rows where they stand (their size times their ancestors'). */
  largeLists: number;
  /** Their paths (Type.field), for the refusal's message. */
  largeListPaths: string[];
}

/** Rows from which a list, counted where it stands, is large (MAX_LARGE_LISTS bounds how many an operation selects). */
export const DEFAULT_LARGE_LIST_ROWS = 1000;

/**
 * The estimated cost of one operation: 1 per field, a list's children counted once per item it can hold (the
 * page's `limit` for paged lists, the domain bound of src/common/bounds.ts otherwise). Each fragment is costed
 * once per page size and position it appears under. Anything it cannot estimate refuses the request: it never
 * fails open. It also counts the large lists: the budget alone multiplies loose bounds, so it would accept a
 * dozen copies of a school-wide list whose real rows are a third of their bound; the count of large lists
 * refuses copies (aliases) of such lists whatever their estimate.
 */
export function estimateOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown>,
  largeListRows = DEFAULT_LARGE_LIST_ROWS,
): CostEstimate {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables, { maxErrors: 1 });
  if (coerced.errors) throw badInput(coerced.errors[0].message);
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, { cost: number; large: string[] }>();
  const visiting = new Set<string>();

  /** `rows`: how many times this selection set can be answered (the product of the enclosing lists' sizes). */
  const costOf = (set: SelectionSetNode, parent: GraphQLNamedType, pageLimit: number | undefined, rows: number): { cost: number; large: string[] } => {
    let total = 0;
    const large: string[] = [];
    const add = (part: { cost: number; large: string[] }) => {
      total += part.cost;
      large.push(...part.large);
    };
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) {
        const type = s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent;
        if (!type) throw new Error(`unknown type ${s.typeCondition?.name.value}`);
        add(costOf(s.selectionSet, type, pageLimit, rows));
      } else if (s.kind === Kind.FRAGMENT_SPREAD) {
        const key = `${s.name.value}@${pageLimit ?? ""}@${rows}`;
        if (!memo.has(key)) {
          const fragment = fragments.get(s.name.value);
          if (!fragment || visiting.has(key)) throw new Error(`fragment ${s.name.value} is unknown or cyclic`);
          const type = schema.getType(fragment.typeCondition.name.value);
          if (!type) throw new Error(`unknown type ${fragment.typeCondition.name.value}`);
          visiting.add(key);
          memo.set(key, costOf(fragment.selectionSet, type, pageLimit, rows));
          visiting.delete(key);
        }
        add(memo.get(key)!);
      } else {
        const name = s.name.value;
        if (name.startsWith("__")) continue; // introspection and __typename: no data (and off in production)
        if (!isObjectType(parent)) throw new Error(`fields of ${parent.name} cannot be estimated`);
        const field: GraphQLField<unknown, unknown> | undefined = parent.getFields()[name];
        if (!field) throw new Error(`unknown field ${parent.name}.${name}`);
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(field, s, variables);
        } catch (error) {
          // e.g. `limit: $l` with {"l": null}: execution would answer INTERNAL_SERVER_ERROR.
          throw badInput((error as Error).message);
        }
        const named = getNamedType(field.type);
        // Offset pages take `limit`, cursor pages `first`.
        const pageArg = args.limit ?? args.first;
        const childLimit = typeof pageArg === "number" ? pageArg : undefined;
        if (isListType(getNullableType(field.type))) {
          const path = `${parent.name}.${name}`;
          const bound = LIST_BOUNDS[path];
          if (!bound) throw new Error(`list ${path} has no bound`);
          if (bound.paged && pageLimit === undefined) throw new Error(`paged list ${path} without a limit`);
          const size = listSize(bound, { limit: pageLimit });
          const children = s.selectionSet ? costOf(s.selectionSet, named, childLimit, rows * size) : { cost: 0, large: [] };
          if (rows * size >= largeListRows) large.push(path);
          total += 1 + size * Math.max(children.cost, 1);
          large.push(...children.large);
        } else {
          const children = s.selectionSet ? costOf(s.selectionSet, named, childLimit, rows) : { cost: 0, large: [] };
          total += 1 + children.cost;
          large.push(...children.large);
        }
      }
    }
    return { cost: total, large };
  };

  const root = schema.getRootType(operation.operation);
  if (!root) throw new Error(`no ${operation.operation} type`);
  const { cost, large } = costOf(operation.selectionSet, root, undefined, 1);
  return { cost, largeLists: large.length, largeListPaths: large };
}

/** The estimated cost alone (see estimateOperation). */
export function estimateCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, rawVariables: Record<string, unknown>): number {
  return estimateOperation(schema, document, operation, rawVariables).cost;
}

/** The cost limits: the budget, and how many large lists one operation may select. */
export interface CostLimits {
  maxCost: number;
  maxLargeLists: number;
  largeListRows: number;
}

/**
 * Refuses, before anything runs, an operation whose estimated cost exceeds the budget or that selects more large
 * lists than allowed, then charges the cost to the caller's rate limits. An estimate that fails refuses the
 * request (fail closed).
 */
export function costLimitPlugin(schema: GraphQLSchema, limits: CostLimits, charge?: (ctx: Context, cost: number, mutationFields: number) => Promise<void>): ApolloServerPlugin<Context> {
  const missing = unboundedListFields(schema);
  if (missing.length) throw new Error(`List fields without a size bound in LIST_BOUNDS: ${missing.join(", ")}`);
  const { maxCost, maxLargeLists, largeListRows } = limits;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, contextValue }) {
          if (!operation) return;
          let estimate: CostEstimate;
          try {
            estimate = estimateOperation(schema, document, operation, request.variables ?? {}, largeListRows);
          } catch (error) {
            if (error instanceof GraphQLError) throw error;
            console.error("[limits] cost estimate failed; request refused", error);
            throw badInput("The cost of this operation cannot be estimated; it is refused.");
          }
          const { cost, largeLists, largeListPaths } = estimate;
          if (cost > maxCost) {
            throw badInput(`Query is too expensive: cost ${cost} exceeds the limit of ${maxCost} (MAX_QUERY_COST). Ask for fewer rows or fields.`, {
              cost,
              maxCost,
            });
          }
          if (largeLists > maxLargeLists) {
            throw badInput(
              `Query selects ${largeLists} lists that can answer ${largeListRows} rows or more (${[...new Set(largeListPaths)].join(", ")}); ` +
                `the limit is ${maxLargeLists} (MAX_LARGE_LISTS). Ask for each list once.`,
              { limit: "MAX_LARGE_LISTS", largeLists, maxLargeLists },
            );
          }
          contextValue.cost = cost;
          if (charge) await charge(contextValue, cost, operation.operation === "mutation" ? operation.selectionSet.selections.length : 0);
        },
      };
    },
  };
}

/** Refuses an answer above `maxBytes` instead of sending it: the client is told to ask for less. */
export function responseSizePlugin(maxBytes: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const bytes = Buffer.byteLength(JSON.stringify(response.body.singleResult));
          if (bytes <= maxBytes) return;
          response.body.singleResult = {
            data: null,
            errors: [
              {
                message: `The answer would be ${bytes} bytes, above the limit of ${maxBytes} (MAX_RESPONSE_BYTES). Ask for fewer rows or fields.`,
                extensions: { code: ErrorCode.BAD_USER_INPUT, limit: "MAX_RESPONSE_BYTES", maxBytes },
              },
            ],
          };
          response.http.status = 400;
        },
      };
    },
  };
}
