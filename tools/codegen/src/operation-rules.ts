import { isRecord, resolve, type Json } from "./json-document";
import { CodegenError } from "./codegen-error";
import type { BundledSpec } from "./spec-loading";

// Reads each operation's route checks (parameter limits, `x-rollcall-exactly-one`) and paging
// (`x-rollcall-pagination`) out of a bundled spec, as the data @rollcall/core interprets
// (its OperationRule type). specs/README.md documents the extensions.

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const SCALARS = ["string", "integer", "number", "boolean"];
const LIMITS = ["minimum", "maximum", "minLength", "maxLength"] as const;
const PAGINATION_KEYS = [
  "items",
  "size",
  "defaultSize",
  "offset",
  "page",
  "nextPage",
  "hasNext",
  "total",
  "options",
];
/** Options every listing takes already (core's ListOptions). */
const LIST_OPTIONS = ["pageSize", "maxPages", "call"];
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A paged operation's listing, generated into `src/generated/client.ts`. */
export interface Listing {
  /** `"GET /v1/users"`. */
  route: string;
  /** `listAllUsers` for the operation `listUsers`. */
  name: string;
  /** Option name → the query parameter it fills (`x-rollcall-pagination.options`). */
  options: Record<string, string>;
}

/** `listUsers` → `listAllUsers`; an operation not named list… gets `listAll` before its name. */
const listingName = (operationId: string) =>
  /^list[A-Z]/.test(operationId)
    ? `listAll${operationId.slice(4)}`
    : `listAll${operationId.charAt(0).toUpperCase()}${operationId.slice(1)}`;

/** `paths["/v1/users"].get["x-rollcall-pagination"]`: where a problem is, as a JSON path. */
const jsonPath = (...keys: string[]) =>
  keys
    .map((key, i) =>
      /^[A-Za-z_]\w*$/.test(key) ? `${i ? "." : ""}${key}` : `[${JSON.stringify(key)}]`,
    )
    .join("");

/** What a client can check of one value: a parameter or a top-level body field. */
interface ValueLimits {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

interface ParameterRule extends ValueLimits {
  in: "query" | "path";
  name: string;
  required?: true;
}

/** The limits of one path or query parameter that a client can check, or undefined for none. */
function parameterRule(document: Json, parameter: Json): ParameterRule | undefined {
  const place = parameter.in;
  if ((place !== "query" && place !== "path") || typeof parameter.name !== "string") return;
  const schema = resolve(document, parameter.schema);
  const rule: ParameterRule = { in: place, name: parameter.name };
  if (parameter.required === true) rule.required = true;
  if (isRecord(schema)) {
    // `type: [string, "null"]` is still a string check: a null parameter counts as not given.
    const types = [schema.type].flat().filter((type) => type !== "null");
    if (types.length === 1 && SCALARS.includes(types[0] as string)) {
      rule.type = types[0] as string;
      if (Array.isArray(schema.enum)) rule.enum = schema.enum.filter((v) => v !== null);
      for (const limit of LIMITS)
        if (typeof schema[limit] === "number") rule[limit] = schema[limit] as number;
      if (typeof schema.pattern === "string") rule.pattern = schema.pattern;
    }
  }
  return Object.keys(rule).length > 2 ? rule : undefined;
}

interface FieldRule extends ValueLimits {
  format?: "email" | "uuid";
  minItems?: number;
  maxItems?: number;
}

interface ObjectRule {
  required?: string[];
  /** Every property the schema names, with what a client can check of it. */
  fields: Record<string, FieldRule>;
  /** `additionalProperties: false`: a field the schema does not name is refused. */
  closed?: true;
}

const BODY_FORMATS = ["email", "uuid"];

/** What a client can check of one top-level body property (nested objects are the server's). */
function fieldRule(document: Json, value: unknown): FieldRule {
  const schema = resolve(document, value);
  if (!isRecord(schema)) return {};
  if (Array.isArray(schema.anyOf)) {
    // Alternatives of one type (a built-in enum or any custom name): the open one bounds them all.
    const rules = schema.anyOf.map((branch) => fieldRule(document, branch));
    const open = rules.find((rule) => rule.enum === undefined);
    const sameType = rules.every((rule) => rule.type !== undefined && rule.type === rules[0]!.type);
    return sameType && open ? open : {};
  }
  const types = [schema.type].flat().filter((type) => type !== "null");
  const type = types.length === 1 ? (types[0] as string) : undefined;
  if (type === undefined || ![...SCALARS, "array"].includes(type)) return {};
  const rule: FieldRule = { type };
  if (Array.isArray(schema.enum)) rule.enum = schema.enum.filter((v) => v !== null);
  for (const limit of [...LIMITS, "minItems", "maxItems"] as const)
    if (typeof schema[limit] === "number") rule[limit] = schema[limit] as number;
  if (typeof schema.pattern === "string") rule.pattern = schema.pattern;
  if (BODY_FORMATS.includes(schema.format as string)) rule.format = schema.format as "email";
  return rule;
}

function objectRule(document: Json, value: unknown): ObjectRule | undefined {
  const schema = resolve(document, value);
  if (!isRecord(schema) || !isRecord(schema.properties)) return undefined;
  const rule: ObjectRule = { fields: {} };
  if (Array.isArray(schema.required) && schema.required.length) rule.required = schema.required;
  for (const [name, property] of Object.entries(schema.properties))
    rule.fields[name] = fieldRule(document, property);
  if (schema.additionalProperties === false) rule.closed = true;
  return rule;
}

/**
 * The JSON request body's top-level checks: one object schema, or the alternatives of a `oneOf`
 * of object schemas (the client checks the first whose required fields the body all gives).
 */
function bodyRule(document: Json, operation: Json): Json | undefined {
  const requestBody = resolve(document, operation.requestBody);
  if (!isRecord(requestBody) || !isRecord(requestBody.content)) return undefined;
  const media = Object.entries(requestBody.content).find(([type]) => /json/.test(type));
  const schema = resolve(document, isRecord(media?.[1]) ? media[1].schema : undefined);
  if (!isRecord(schema)) return undefined;
  const shapes = Array.isArray(schema.oneOf) ? schema.oneOf : [schema];
  const oneOf = shapes.map((shape) => objectRule(document, shape));
  if (oneOf.some((shape) => shape === undefined)) return undefined;
  return { ...(requestBody.required === true && { required: true }), oneOf };
}

/** Path-level parameters, overridden by operation-level ones of the same name and place. */
function parametersOf(document: Json, pathItem: Json, operation: Json): Json[] {
  const byKey = new Map<string, Json>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    for (const entry of Array.isArray(list) ? list : []) {
      const parameter = resolve(document, entry);
      if (isRecord(parameter)) byKey.set(`${parameter.in} ${parameter.name}`, parameter);
    }
  }
  return [...byKey.values()];
}

/**
 * Every operation with something to check or page, keyed by `"METHOD /path"`. Throws a
 * CodegenError naming the spec file and the JSON path of every malformed extension.
 */
export function operationRules(spec: BundledSpec): Record<string, Json> {
  return readOperations(spec).rules;
}

/** The operations' rules (the runtime data) and the listings of the paged ones. */
export function readOperations(spec: BundledSpec): {
  rules: Record<string, Json>;
  listings: Listing[];
} {
  const { document } = spec;
  const problems: string[] = [];
  const rules: Record<string, Json> = {};
  const listings: Listing[] = [];
  const paths = isRecord(document.paths) ? document.paths : {};
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isRecord(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isRecord(operation)) continue;
      const problem = (key: string, message: string, ...more: string[]) =>
        problems.push(
          `${spec.vendor.spec}: ${jsonPath("paths", path, method, key, ...more)} ${message}`,
        );
      const parameters = parametersOf(document, pathItem, operation);
      const params = parameters.flatMap((p) => parameterRule(document, p) ?? []);
      const query = new Map(
        parameters.filter((p) => p.in === "query").map((p) => [p.name as string, p]),
      );
      const rule: Json = { id: operation.operationId ?? `${method} ${path}`, path };
      if (params.length) rule.params = params;
      const body = bodyRule(document, operation);
      if (body) rule.body = body;

      const exactlyOne = operation["x-rollcall-exactly-one"];
      if (exactlyOne !== undefined) {
        const key = "x-rollcall-exactly-one";
        if (
          !Array.isArray(exactlyOne) ||
          exactlyOne.length < 2 ||
          exactlyOne.some((name) => typeof name !== "string")
        ) {
          problem(key, "must be a list of two or more query parameter names");
        } else {
          for (const name of exactlyOne.filter((name) => !query.has(name)))
            problem(key, `names "${name}", which is not a query parameter of the operation`);
          if (exactlyOne.some((name) => query.get(name)?.required === true))
            problem(key, "names a required parameter: give it `required: false`");
          rule.exactlyOne = exactlyOne;
        }
      }

      const pagination = operation["x-rollcall-pagination"];
      if (pagination !== undefined) {
        const key = "x-rollcall-pagination";
        const before = problems.length;
        checkPagination(document, operation, method, query, pagination, (message, ...more) =>
          problem(key, message, ...more),
        );
        if (problems.length === before) {
          // The option names are the listing's, generated into client.ts: not runtime data.
          const { options = {}, ...paging } = pagination as Json;
          rule.pagination = paging;
          listings.push({
            route: `${method.toUpperCase()} ${path}`,
            name: listingName(String(rule.id)),
            options: options as Record<string, string>,
          });
        }
      }
      if (rule.params || rule.body || rule.exactlyOne || rule.pagination)
        rules[`${method.toUpperCase()} ${path}`] = rule;
    }
  }
  if (problems.length) throw new CodegenError(problems);
  return { rules, listings };
}

function checkPagination(
  document: Json,
  operation: Json,
  method: string,
  query: ReadonlyMap<string, Json>,
  pagination: unknown,
  problem: (message: string, ...keys: string[]) => void,
): void {
  if (method !== "get") return problem("is only for GET operations");
  if (!isRecord(pagination)) return problem(`must be an object with ${PAGINATION_KEYS.join(", ")}`);
  for (const key of Object.keys(pagination).filter((k) => !PAGINATION_KEYS.includes(k)))
    problem(`is not a pagination key (known: ${PAGINATION_KEYS.join(", ")})`, key);
  const integerParameter = (key: string) => {
    const name = pagination[key];
    const schema = resolve(document, query.get(name as string)?.schema);
    if (typeof name !== "string" || !isRecord(schema) || schema.type !== "integer")
      problem("must name an integer query parameter of the operation", key);
  };
  integerParameter("size");
  if ((pagination.offset === undefined) === (pagination.page === undefined))
    problem("must give exactly one of `offset` (offset style) and `page` (page-number style)");
  else integerParameter(pagination.offset === undefined ? "page" : "offset");
  for (const key of ["nextPage", "hasNext", "total"]) {
    const value = pagination[key];
    if (value === undefined) continue;
    if (key !== "total" && pagination.page === undefined)
      problem("is only for the page-number style", key);
    if (typeof value !== "string" || !/^[^.]+(\.[^.]+)*$/.test(value))
      problem("must be a dotted path into the response body, e.g. meta.next_page", key);
  }
  const { options = {} } = pagination;
  if (!isRecord(options)) problem("must map option names to query parameters", "options");
  else
    for (const [option, parameter] of Object.entries(options)) {
      if (!IDENTIFIER.test(option) || LIST_OPTIONS.includes(option))
        problem(`must be an identifier other than ${LIST_OPTIONS.join(", ")}`, "options", option);
      if (typeof parameter !== "string" || !query.has(parameter))
        problem("must name a query parameter of the operation", "options", option);
    }
  const size = resolve(document, query.get(pagination.size as string)?.schema);
  const { defaultSize } = pagination;
  const { minimum = 1, maximum = Infinity } = isRecord(size) ? (size as Json) : {};
  if (
    typeof defaultSize !== "number" ||
    !Number.isInteger(defaultSize) ||
    defaultSize < Math.max(1, minimum as number) ||
    defaultSize > (maximum as number)
  )
    problem("must be an integer within the size parameter's minimum and maximum", "defaultSize");
  // The items field must be an array property of the 200 response's JSON body.
  const content = resolve(
    document,
    (resolve(document, (operation.responses as Json)?.["200"]) as Json)?.content,
  );
  const body = isRecord(content)
    ? resolve(document, (Object.values(content)[0] as Json)?.schema)
    : undefined;
  const field =
    isRecord(body) && isRecord(body.properties)
      ? resolve(document, body.properties[pagination.items as string])
      : undefined;
  if (typeof pagination.items !== "string" || !isRecord(field) || field.type !== "array")
    problem("must name an array property of the 200 response body", "items");
}

/** The source of `src/generated/operations.ts`, after the marker line. */
export function operationsSource(spec: BundledSpec, rules: Record<string, Json>): string {
  return [
    'import type { OperationRules } from "@rollcall/core";',
    "",
    "/**",
    ` * Route checks and paging of the ${spec.vendor.title} API, from its spec, keyed by "METHOD /path".`,
    " * `@rollcall/core` turns them into the client's checks (operationChecks) and listings (paginator).",
    " */",
    `export const operations = ${JSON.stringify(rules)} as const satisfies OperationRules;`,
    "",
  ].join("\n");
}
