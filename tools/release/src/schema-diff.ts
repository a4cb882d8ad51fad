import { asArray, isObject, sameJson, type JsonObject } from "./json-values";
import type { ChangeLevel, SpecChange } from "./spec-change";

/**
 * Which side writes the data. The client writes requests, so narrowing what a request accepts
 * breaks callers; it reads responses, so taking away (or retyping) what it reads breaks them.
 */
export type SchemaDirection = "request" | "response";

/** Keywords that only document; edits to them are descriptive and reported separately. */
export const DESCRIPTIVE_KEYWORDS = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
  "$comment",
  "tags",
]);

const HANDLED_KEYWORDS = new Set([
  "type",
  "nullable",
  "enum",
  "const",
  "properties",
  "required",
  "items",
  "additionalProperties",
  "oneOf",
  "anyOf",
  "allOf",
  "deprecated",
  "minLength",
  "minimum",
  "exclusiveMinimum",
  "minItems",
  "minProperties",
  "maxLength",
  "maximum",
  "exclusiveMaximum",
  "maxItems",
  "maxProperties",
  "pattern",
  "format",
  "multipleOf",
  "uniqueItems",
]);

const LOWER_BOUNDS = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"];
const UPPER_BOUNDS = ["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"];
const EXACT_CONSTRAINTS = ["pattern", "format", "multipleOf", "uniqueItems"];

interface SchemaWalk {
  readonly direction: SchemaDirection;
  /** `POST /incidents › request body (application/json)` */
  readonly where: string;
  readonly changes: SpecChange[];
  /** Pairs already compared: dereferenced recursive schemas are object cycles. */
  readonly seen: WeakMap<object, WeakSet<object>>;
}

/** Compares two schemas for one side of an exchange, appending every non-descriptive change. */
export function compareSchemas(
  before: unknown,
  after: unknown,
  direction: SchemaDirection,
  where: string,
  changes: SpecChange[],
): void {
  compare(before, after, "", { direction, where, changes, seen: new WeakMap() });
}

function compare(before: unknown, after: unknown, field: string, walk: SchemaWalk): void {
  if (before === after) return;
  if (!isObject(before) || !isObject(after)) {
    // Boolean schemas (3.1) or malformed ones: nothing finer to say than "it changed".
    if (!sameJson(before, after)) report(walk, field, "breaking", "schema replaced");
    return;
  }
  const pairs = walk.seen.get(before) ?? new WeakSet<object>();
  if (pairs.has(after)) return;
  pairs.add(after);
  walk.seen.set(before, pairs);

  compareTypes(before, after, field, walk);
  compareEnums(before, after, field, walk);
  compareProperties(before, after, field, walk);
  if (before.items !== undefined || after.items !== undefined) {
    if (before.items === undefined || after.items === undefined) {
      report(walk, field, "breaking", "array item schema added or removed");
    } else compare(before.items, after.items, `${field}[]`, walk);
  }
  compareAdditionalProperties(before, after, field, walk);
  compareCompositions(before, after, field, walk);
  compareConstraints(before, after, field, walk);
  if (before.deprecated !== true && after.deprecated === true) {
    report(walk, field, "additive", "deprecated");
  }
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (HANDLED_KEYWORDS.has(key) || DESCRIPTIVE_KEYWORDS.has(key) || key.startsWith("x-"))
      continue;
    if (!sameJson(before[key], after[key])) {
      // Unknown territory (discriminator, readOnly, not, …): assume the worst, say so plainly.
      report(walk, field, "breaking", `\`${key}\` changed (unclassified — review the bump)`);
    }
  }
}

function report(walk: SchemaWalk, field: string, level: ChangeLevel, message: string): void {
  const location = field === "" ? walk.where : `${walk.where} › ${field}`;
  walk.changes.push({ level, location, message });
}

function typesOf(schema: JsonObject): Set<string> | undefined {
  const declared = schema.type;
  const types = new Set<string>(
    typeof declared === "string" ? [declared] : asArray(declared).map(String),
  );
  if (schema.nullable === true) types.add("null");
  return types.size === 0 ? undefined : types;
}

function compareTypes(
  before: JsonObject,
  after: JsonObject,
  field: string,
  walk: SchemaWalk,
): void {
  const was = typesOf(before);
  const now = typesOf(after);
  if (was === undefined && now === undefined) return;
  const list = (types: Set<string> | undefined) => (types ? [...types].sort().join(" | ") : "any");
  if (was !== undefined && now !== undefined) {
    const removed = [...was].filter((type) => !now.has(type));
    const added = [...now].filter((type) => !was.has(type));
    if (removed.length === 0 && added.length === 0) return;
    if (walk.direction === "request" && removed.length === 0) {
      report(walk, field, "additive", `now also accepts ${added.join(" | ")}`);
      return;
    }
    report(walk, field, "breaking", `type changed from ${list(was)} to ${list(now)}`);
    return;
  }
  // An untyped schema accepts anything: gaining a type narrows it, losing one widens it.
  const narrowed = was === undefined;
  const level = narrowed === (walk.direction === "request") ? "breaking" : "additive";
  report(walk, field, level, `type changed from ${list(was)} to ${list(now)}`);
}

function compareEnums(
  before: JsonObject,
  after: JsonObject,
  field: string,
  walk: SchemaWalk,
): void {
  if (!sameJson(before.const, after.const)) {
    report(walk, field, "breaking", "`const` value changed");
  }
  if (before.enum === undefined && after.enum === undefined) return;
  if (before.enum === undefined || after.enum === undefined) {
    const restricted = after.enum !== undefined;
    const level = restricted === (walk.direction === "request") ? "breaking" : "additive";
    report(walk, field, level, restricted ? "now restricted to an enum" : "no longer an enum");
    return;
  }
  const was = asArray(before.enum).map((value) => JSON.stringify(value));
  const now = asArray(after.enum).map((value) => JSON.stringify(value));
  const removed = was.filter((value) => !now.includes(value));
  const added = now.filter((value) => !was.includes(value));
  // A removed response value is breaking too: generated types are literal unions, so code that
  // still compares against the old value stops compiling, and stored data may still carry it.
  if (removed.length > 0) {
    report(walk, field, "breaking", `enum value${plural(removed)} ${removed.join(", ")} removed`);
  }
  if (added.length > 0) {
    report(walk, field, "additive", `enum value${plural(added)} ${added.join(", ")} added`);
  }
}

function compareProperties(
  before: JsonObject,
  after: JsonObject,
  field: string,
  walk: SchemaWalk,
): void {
  const wasProps = isObject(before.properties) ? before.properties : {};
  const nowProps = isObject(after.properties) ? after.properties : {};
  const wasRequired = new Set(asArray(before.required).map(String));
  const nowRequired = new Set(asArray(after.required).map(String));
  const request = walk.direction === "request";
  const noun = request ? "request field" : "response field";
  for (const name of new Set([...Object.keys(wasProps), ...Object.keys(nowProps)])) {
    const child = field === "" ? name : `${field}.${name}`;
    if (!(name in nowProps)) {
      report(walk, child, "breaking", `${noun} removed`);
    } else if (!(name in wasProps)) {
      const required = nowRequired.has(name);
      const level = request && required ? "breaking" : "additive";
      report(walk, child, level, `new ${required ? "required" : "optional"} ${noun}`);
    } else {
      const wasReq = wasRequired.has(name);
      const nowReq = nowRequired.has(name);
      if (wasReq !== nowReq) {
        // Requests: demanding a field breaks callers. Responses: no longer promising one does.
        const level = request === nowReq ? "breaking" : "additive";
        report(walk, child, level, `${noun} is now ${nowReq ? "required" : "optional"}`);
      }
      compare(wasProps[name], nowProps[name], child, walk);
    }
  }
}

function compareAdditionalProperties(
  before: JsonObject,
  after: JsonObject,
  field: string,
  walk: SchemaWalk,
): void {
  const was = before.additionalProperties;
  const now = after.additionalProperties;
  if (isObject(was) && isObject(now)) {
    compare(was, now, `${field}{*}`, walk);
    return;
  }
  if (sameJson(was, now)) return;
  const closedNow = now === false;
  const request = walk.direction === "request";
  if (closedNow)
    report(walk, field, request ? "breaking" : "additive", "no longer allows extra keys");
  else report(walk, field, request ? "additive" : "breaking", "extra keys' schema changed");
}

function compareCompositions(
  before: JsonObject,
  after: JsonObject,
  field: string,
  walk: SchemaWalk,
): void {
  const request = walk.direction === "request";
  for (const keyword of ["oneOf", "anyOf", "allOf"] as const) {
    const was = asArray(before[keyword]);
    const now = asArray(after[keyword]);
    const shared = Math.min(was.length, now.length);
    for (let i = 0; i < shared; i++) compare(was[i], now[i], `${field}(${keyword}[${i}])`, walk);
    if (was.length === now.length) continue;
    const grew = now.length > was.length;
    // A composition appearing adds a constraint (the value must now match its members) and one
    // disappearing lifts it, whatever the keyword. Between two compositions, more oneOf/anyOf
    // branches widen the schema and more allOf members narrow it.
    const widened =
      was.length === 0 ? false : now.length === 0 ? true : keyword === "allOf" ? !grew : grew;
    const level: ChangeLevel = widened === request ? "additive" : "breaking";
    const count = Math.abs(now.length - was.length);
    const members = `${count} ${keyword} member${count === 1 ? "" : "s"}`;
    const what =
      was.length === 0
        ? `${keyword} introduced (${members})`
        : now.length === 0
          ? `${keyword} dropped (${members})`
          : `${members} ${grew ? "added" : "removed"}`;
    report(walk, field, level, what);
  }
}

function compareConstraints(
  before: JsonObject,
  after: JsonObject,
  field: string,
  walk: SchemaWalk,
): void {
  const request = walk.direction === "request";
  const tightened = (keyword: string) =>
    report(walk, field, request ? "breaking" : "additive", `\`${keyword}\` tightened`);
  const loosened = (keyword: string) =>
    report(walk, field, request ? "additive" : "breaking", `\`${keyword}\` loosened`);
  for (const keyword of [...LOWER_BOUNDS, ...UPPER_BOUNDS]) {
    const was = before[keyword];
    const now = after[keyword];
    if (was === now) continue;
    const lower = LOWER_BOUNDS.includes(keyword);
    if (typeof now !== "number") loosened(keyword);
    else if (typeof was !== "number") tightened(keyword);
    else if (lower === now > was) tightened(keyword);
    else loosened(keyword);
  }
  for (const keyword of EXACT_CONSTRAINTS) {
    const was = before[keyword];
    const now = after[keyword];
    if (sameJson(was, now)) continue;
    if (was === undefined || was === false) tightened(keyword);
    else if (now === undefined || now === false) loosened(keyword);
    else report(walk, field, "breaking", `\`${keyword}\` changed`);
  }
}

function plural(items: readonly unknown[]): string {
  return items.length === 1 ? "" : "s";
}
