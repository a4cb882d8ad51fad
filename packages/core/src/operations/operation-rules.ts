import { isRecord } from "../is-record";
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

/** A top-level field of a JSON request body: a parameter's limits, plus formats and list sizes. */
export interface BodyFieldRule extends Omit<ParameterRule, "in" | "name" | "type" | "required"> {
  readonly type?: ParameterRule["type"] | "array";
  readonly format?: "email" | "uuid";
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** One object shape a request body may take. */
export interface BodyShapeRule {
  readonly required?: readonly string[];
  /** Every field the schema names (an empty rule: nothing to check but its presence). */
  readonly fields: Readonly<Record<string, BodyFieldRule>>;
  /** The schema says `additionalProperties: false`: a field it does not name is refused. */
  readonly closed?: boolean;
}

/** A JSON request body: one shape, or a `oneOf` whose first shape with all its required fields applies. */
export interface BodyRule {
  readonly required?: boolean;
  readonly oneOf: readonly BodyShapeRule[];
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
  /**
   * Dotted response path of the listing's total item count. When set, the pages after the first
   * are fetched several at a time (`ListOptions.concurrency`), each checked against that total.
   */
  readonly total?: string;
}

/** What codegen emits per operation in `src/generated/operations.ts`. */
export interface OperationRule {
  /** The spec's operationId, named in every refusal. */
  readonly id: string;
  /** The path template, e.g. "/v1/users/{id}". */
  readonly path: string;
  readonly params?: readonly ParameterRule[];
  readonly body?: BodyRule;
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A shape check before sending, not identity's full parser: that would put IDNA handling into
// every client bundle, and the vendor has the last word on an address anyway.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why a body field's value breaks its rule, or undefined. Null counts as not given. */
function fieldProblem(rule: BodyFieldRule, value: unknown): string | undefined {
  if (!given(value)) return undefined;
  const { type } = rule;
  if (type !== "array") {
    // Marked required only so the message does not add "when given": the value is given.
    const problem = ruleProblem({ ...rule, type, in: "query", name: "", required: true }, value);
    if (problem || rule.format === undefined || typeof value !== "string") return problem;
    const ok = (rule.format === "email" ? EMAIL : UUID).test(value);
    return ok ? undefined : `must be ${rule.format === "email" ? "an email address" : "a UUID"}`;
  }
  const { minItems = 0, maxItems = Infinity } = rule;
  if (Array.isArray(value) && value.length >= minItems && value.length <= maxItems)
    return undefined;
  return `must be a list of ${minItems && maxItems < Infinity ? `${minItems}–${maxItems}` : minItems ? `at least ${minItems}` : maxItems < Infinity ? `at most ${maxItems}` : "any number of"} item${minItems === 1 && maxItems === Infinity ? "" : "s"}`;
}

/** Why `body` breaks `shape`: the field and the message, or undefined. */
function shapeProblem(
  shape: BodyShapeRule,
  body: Record<string, unknown>,
): [string, string] | undefined {
  for (const name of shape.required ?? [])
    if (!given(body[name])) return [`body.${name}`, "is required"];
  for (const [name, value] of Object.entries(body)) {
    const rule = shape.fields[name];
    if (rule === undefined) {
      if (shape.closed && given(value)) return [`body.${name}`, "is not a field of this request"];
      continue;
    }
    const problem = fieldProblem(rule, value);
    if (problem) return [`body.${name}`, problem];
  }
  return undefined;
}

/**
 * Why a request body breaks its rule: with several shapes, it passes when one of them fits, and
 * otherwise the refusal is the first shape's whose required fields it all gives (else the first's).
 */
function bodyProblem(rule: BodyRule, body: unknown): [string, string] | undefined {
  if (body === undefined) return rule.required ? ["body", "is required"] : undefined;
  if (!isRecord(body)) return ["body", "must be a JSON object"];
  const problems = rule.oneOf.map((shape) => shapeProblem(shape, body));
  if (problems.some((problem) => problem === undefined)) return undefined;
  const complete = rule.oneOf.findIndex((shape) =>
    (shape.required ?? []).every((name) => given(body[name])),
  );
  return problems[Math.max(0, complete)];
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
    const { params = [], exactlyOne, body } = operation;
    if (!params.length && !exactlyOne && !body) continue;
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
      const problem = body && bodyProblem(body, init.body);
      if (problem) fail(...problem);
    };
  }
  return checks;
}
