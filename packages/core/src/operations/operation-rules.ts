import { ClientValidationError } from "../runtime/errors";
import type { RouteChecks } from "../runtime/request-checks";

/** One query or path parameter's limits, as codegen copies them from the spec. */
export interface ParameterRule {
  readonly in: "query" | "path";
  readonly name: string;
  readonly required?: boolean;
  readonly type?: "string" | "integer" | "number" | "boolean";
  readonly enum?: readonly (string | number | boolean)[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** An ECMAScript regular expression, unanchored as in JSON Schema. */
  readonly pattern?: string;
}

/** How a list operation pages (the spec's `x-rollcall-pagination`). */
export interface PaginationRule {
  /** Response field holding the page's items; missing or null is an empty page. */
  readonly items: string;
  /** Query parameter carrying the page size. */
  readonly size: string;
  /** The page size asked for when the caller gives none. */
  readonly defaultSize: number;
  /** Offset style: the query parameter of the 0-based offset; the next is offset + items. */
  readonly offset?: string;
  /** Page-number style: the query parameter of the 1-based page number. */
  readonly page?: string;
  /** Page-number style: dotted response path of the next page's number, if the API sends it. */
  readonly nextPage?: string;
  /** Page-number style: dotted response path that is set when a next page exists. */
  readonly hasNext?: string;
}

/** What codegen emits per operation in `src/generated/operations.ts`. */
export interface OperationRule {
  /** The spec's operationId, named in every refusal. */
  readonly id: string;
  /** The path template, e.g. "/v1/users/{id}". */
  readonly path: string;
  readonly params?: readonly ParameterRule[];
  /** Query parameters of which a call must give exactly one (`x-rollcall-exactly-one`). */
  readonly exactlyOne?: readonly string[];
  readonly pagination?: PaginationRule;
}

/** A vendor's operations keyed by `"METHOD /path/template"`. */
export type OperationRules = Readonly<Record<string, OperationRule>>;

const given = (value: unknown) => value !== undefined && value !== null;

// Compiled once per pattern: a check runs on every call.
const patterns = new Map<string, RegExp>();
const matches = (pattern: string, value: string) => {
  let regexp = patterns.get(pattern);
  if (!regexp) patterns.set(pattern, (regexp = new RegExp(pattern, "u")));
  return regexp.test(value);
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Why `value` breaks `rule`, as a ClientValidationError message, or undefined when it is fine.
 * A value that is not given (undefined or null) is fine unless the rule requires it.
 */
export function ruleProblem(rule: ParameterRule, value: unknown): string | undefined {
  if (!given(value)) return rule.required ? "is required" : undefined;
  const { type, minimum: min, maximum: max } = rule;
  if (rule.enum && !rule.enum.includes(value as never)) {
    const got = JSON.stringify(String(value)).slice(0, 40);
    return `must be one of ${rule.enum.map((v) => JSON.stringify(v)).join(", ")}, got ${got}`;
  }
  if (type === "integer" || type === "number") {
    const range =
      min !== undefined && max !== undefined
        ? ` from ${min} to ${max}`
        : min !== undefined
          ? ` ≥ ${min}`
          : max !== undefined
            ? ` ≤ ${max}`
            : "";
    const ok =
      typeof value === "number" &&
      (type === "integer" ? Number.isInteger(value) : Number.isFinite(value)) &&
      !(value < (min ?? -Infinity) || value > (max ?? Infinity));
    return ok
      ? undefined
      : `must be ${type === "integer" ? "an integer" : "a number"}${range}, got ${String(value).slice(0, 40)}`;
  }
  if (type === "string") {
    const { minLength = 0, maxLength, pattern } = rule;
    const ok =
      typeof value === "string" &&
      value.length >= minLength &&
      value.length <= (maxLength ?? Infinity) &&
      (pattern === undefined || matches(pattern, value));
    // No `got`: a string parameter may be a name or an address the caller would not want echoed.
    return ok
      ? undefined
      : `must be a ${minLength ? "non-empty " : ""}string` +
          (maxLength === undefined ? "" : ` of at most ${maxLength} characters`) +
          (pattern === undefined ? "" : ` matching /${pattern}/`) +
          (rule.required ? "" : " when given");
  }
  if (type === "boolean" && typeof value !== "boolean") return "must be true or false";
  return undefined;
}

/** `a`, `a and b`, `a, b and c`. */
const listOf = (names: readonly string[]) =>
  names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

/**
 * Route checks for {@link checksByRoute} from a vendor's generated operations: each call's path
 * and query parameters are checked against the spec's limits before anything is sent, and refused
 * with a ClientValidationError naming the operationId and `params.<in>.<name>`. Built once, at
 * client construction; operations without limits get no check.
 */
export function operationChecks(vendor: string, operations: OperationRules): RouteChecks {
  const checks: Record<string, (init: Readonly<Record<string, unknown>>) => void> = {};
  for (const [route, operation] of Object.entries(operations)) {
    const { params = [], exactlyOne } = operation;
    if (!params.length && !exactlyOne) continue;
    const fail = (field: string, message: string): never => {
      throw new ClientValidationError({ vendor, operation: operation.id, field, message });
    };
    checks[route] = (init) => {
      const all = init.params;
      const query = isRecord(all) && isRecord(all.query) ? all.query : {};
      const path = isRecord(all) && isRecord(all.path) ? all.path : {};
      if (exactlyOne) {
        let count = 0;
        for (const name of exactlyOne) if (given(query[name])) count++;
        if (count !== 1) {
          const none = exactlyOne.length === 2 ? "neither" : "none";
          const many = exactlyOne.length === 2 ? "both" : "several";
          fail(
            "params.query",
            `must give exactly one of ${listOf(exactlyOne)}, not ${count ? many : none}`,
          );
        }
      }
      for (const rule of params) {
        const problem = ruleProblem(rule, (rule.in === "query" ? query : path)[rule.name]);
        if (problem) fail(`params.${rule.in}.${rule.name}`, problem);
      }
    };
  }
  return checks;
}
