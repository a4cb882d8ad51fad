import { isObject } from "./strict-schema";

/**
 * specs/fidelity/<vendor>.json: what the vendor's own published spec or SDK says about the
 * schemas we model — per field its JSON type, whether it may be null and whether it is required —
 * written in our own form, naming the source of every schema. The check compares our spec with it,
 * so drift from the vendor fails CI. Our spec may differ only where its `x-rollcall-notes` explain
 * why, naming the field as `Schema.field` (backticks included).
 */
export interface FidelityFixture {
  readonly vendor: string;
  /** Short source id → what and where it is (repository, path, commit or date). */
  readonly sources: Readonly<Record<string, string>>;
  /** Our schema name → the vendor's facts about it. */
  readonly schemas: Readonly<Record<string, FidelitySchema>>;
}

export interface FidelitySchema {
  /** `<source id> <where in it>`, e.g. `rootly-openapi #/components/schemas/user`. */
  readonly from: string;
  /** A response tolerates unknown attributes; a request body is exact. */
  readonly direction: "request" | "response";
  readonly fields: Readonly<Record<string, FidelityField>>;
}

export type JsonType = "string" | "number" | "integer" | "boolean" | "object" | "array";

export interface FidelityField {
  readonly type: JsonType;
  readonly nullable: boolean;
  readonly required: boolean;
}

const JSON_TYPES = new Set<string>(["string", "number", "integer", "boolean", "object", "array"]);

/** Checks the fixture's shape; the message names the file and the entry that is wrong. */
export function parseFidelityFixture(raw: unknown, file: string): FidelityFixture {
  if (!isObject(raw)) throw new Error(`${file}: must be a JSON object`);
  if (typeof raw["vendor"] !== "string") throw new Error(`${file}: "vendor" must be a string`);
  const sources = raw["sources"];
  if (!isObject(sources) || Object.values(sources).some((s) => typeof s !== "string" || !s)) {
    throw new Error(`${file}: "sources" must map ids to non-empty descriptions`);
  }
  const schemas = raw["schemas"];
  if (!isObject(schemas)) throw new Error(`${file}: "schemas" must be an object`);
  for (const [name, schema] of Object.entries(schemas)) {
    const where = `${file}: schemas.${name}`;
    if (!isObject(schema)) throw new Error(`${where} must be an object`);
    const from = schema["from"];
    const sourceId = typeof from === "string" ? from.split(" ")[0] : undefined;
    if (sourceId === undefined || !(sourceId in sources)) {
      throw new Error(`${where}.from must start with one of the ids in "sources"`);
    }
    if (schema["direction"] !== "request" && schema["direction"] !== "response") {
      throw new Error(`${where}.direction must be "request" or "response"`);
    }
    const fields = schema["fields"];
    if (!isObject(fields)) throw new Error(`${where}.fields must be an object`);
    for (const [field, fact] of Object.entries(fields)) {
      if (
        !isObject(fact) ||
        typeof fact["type"] !== "string" ||
        !JSON_TYPES.has(fact["type"]) ||
        typeof fact["nullable"] !== "boolean" ||
        typeof fact["required"] !== "boolean"
      ) {
        throw new Error(`${where}.fields.${field} needs type (a JSON type), nullable and required`);
      }
    }
  }
  return raw as unknown as FidelityFixture;
}

/**
 * One line per way our spec differs from the vendor's facts without a note that names the field,
 * and one per note-worthy shape rule broken (a response closed to unknown attributes, a request
 * open to them).
 */
export function findFidelityGaps(
  fixture: FidelityFixture,
  document: Record<string, unknown>,
): string[] {
  const notes = collectNotes(document).join("\n");
  const noted = (schema: string, field: string): boolean =>
    notes.includes(`\`${schema}.${field}\``);
  const gaps: string[] = [];
  const schemas = componentSchemas(document);
  for (const [name, expected] of Object.entries(fixture.schemas)) {
    const ours = schemas[name];
    if (!isObject(ours)) {
      gaps.push(`${name}: not in components.schemas`);
      continue;
    }
    const flat = flatten(document, ours);
    if (expected.direction === "response" && flat.closed && !noted(name, "*")) {
      gaps.push(`${name}: a response schema must allow unknown attributes`);
    }
    if (expected.direction === "request" && !flat.closed && !noted(name, "*")) {
      gaps.push(`${name}: a request schema must refuse unknown attributes`);
    }
    for (const [field, fact] of Object.entries(expected.fields)) {
      if (noted(name, field)) continue;
      const property = flat.properties.get(field);
      if (property === undefined) {
        gaps.push(`${name}.${field}: the vendor has it, our spec does not`);
        continue;
      }
      const { types, nullable } = admittedTypes(document, property);
      const type = [...types].filter((t) => t !== "null");
      if (type.length !== 1 || type[0] !== fact.type) {
        gaps.push(
          `${name}.${field}: type is ${type.join("|") || "unset"}, the vendor says ${fact.type}`,
        );
      }
      if (nullable !== fact.nullable) {
        gaps.push(`${name}.${field}: nullable is ${nullable}, the vendor says ${fact.nullable}`);
      }
      const required = flat.required.has(field);
      if (required !== fact.required) {
        gaps.push(`${name}.${field}: required is ${required}, the vendor says ${fact.required}`);
      }
    }
    for (const field of flat.properties.keys()) {
      if (!(field in expected.fields) && !noted(name, field)) {
        gaps.push(`${name}.${field}: in our spec, but not in the vendor's`);
      }
    }
  }
  return gaps;
}

interface FlatSchema {
  readonly properties: Map<string, unknown>;
  readonly required: Set<string>;
  /** additionalProperties or unevaluatedProperties is false. */
  readonly closed: boolean;
}

/** Properties and required names of a schema, its `$ref` and `allOf` members merged. */
function flatten(document: Record<string, unknown>, schema: unknown, depth = 0): FlatSchema {
  const flat: FlatSchema = { properties: new Map(), required: new Set(), closed: false };
  const node = resolve(document, schema);
  if (!isObject(node) || depth > 16) return flat;
  const merge = (other: FlatSchema): void => {
    for (const [key, value] of other.properties) flat.properties.set(key, value);
    for (const key of other.required) flat.required.add(key);
  };
  for (const member of Array.isArray(node["allOf"]) ? node["allOf"] : []) {
    merge(flatten(document, member, depth + 1));
  }
  if (isObject(node["properties"])) {
    for (const [key, value] of Object.entries(node["properties"])) flat.properties.set(key, value);
  }
  for (const key of Array.isArray(node["required"]) ? node["required"] : []) {
    if (typeof key === "string") flat.required.add(key);
  }
  const closed = node["additionalProperties"] === false || node["unevaluatedProperties"] === false;
  return { ...flat, closed };
}

/** The JSON types a property schema admits (`null` included), through refs and unions. */
function admittedTypes(
  document: Record<string, unknown>,
  schema: unknown,
  depth = 0,
): { types: Set<string>; nullable: boolean } {
  const types = new Set<string>();
  const node = resolve(document, schema);
  if (isObject(node) && depth <= 16) {
    const type = node["type"];
    for (const t of Array.isArray(type) ? type : type === undefined ? [] : [type]) {
      if (typeof t === "string") types.add(t);
    }
    const values = Array.isArray(node["enum"])
      ? node["enum"]
      : "const" in node
        ? [node["const"]]
        : [];
    if (types.size === 0) for (const value of values) types.add(jsonTypeOf(value));
    if (values.includes(null)) types.add("null");
    for (const key of ["oneOf", "anyOf", "allOf"] as const) {
      const members = node[key];
      if (!Array.isArray(members)) continue;
      for (const member of members) {
        for (const t of admittedTypes(document, member, depth + 1).types) types.add(t);
      }
    }
    if (types.size === 0 && (isObject(node["properties"]) || "additionalProperties" in node)) {
      types.add("object");
    }
    if (types.size === 0 && "items" in node) types.add("array");
  }
  return { types, nullable: types.has("null") };
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function resolve(document: Record<string, unknown>, schema: unknown, depth = 0): unknown {
  if (!isObject(schema) || typeof schema["$ref"] !== "string" || depth > 16) return schema;
  let node: unknown = document;
  for (const segment of schema["$ref"].replace(/^#\//, "").split("/")) {
    if (!isObject(node)) return undefined;
    node = node[segment.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return resolve(document, node, depth + 1);
}

function componentSchemas(document: Record<string, unknown>): Record<string, unknown> {
  const components = isObject(document["components"]) ? document["components"] : {};
  return isObject(components["schemas"]) ? components["schemas"] : {};
}

/** Every `x-rollcall-notes` entry anywhere in the document (root, schemas, operations). */
function collectNotes(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) collectNotes(item, found);
  } else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "x-rollcall-notes") {
        for (const note of Array.isArray(value) ? value : [value]) {
          if (typeof note === "string") found.push(note);
        }
      } else collectNotes(value, found);
    }
  }
  return found;
}
