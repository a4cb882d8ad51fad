/**
 * Turns OpenAPI 3.1 schemas into JSON Schema 2020-12 that rejects undeclared properties, for
 * validating examples. The rule: every object-like schema gets `unevaluatedProperties: false`,
 * except where it is only part of a whole — allOf members, if/then/else and not, and oneOf/anyOf
 * branches that sit beside the parent's own properties. Those stay "open" and the enclosing schema
 * closes the whole, which works because unevaluatedProperties sees through allOf/oneOf/$ref.
 * Component schemas therefore exist twice: closed (`#/$defs/X`) and open (`#/$defs/open:X`).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type SchemaObject = { [key: string]: Json };

const COMPONENT_PREFIX = "#/components/schemas/";
export const OPEN_PREFIX = "open:";

// OpenAPI-only keywords ajv does not know; they never affect validity.
const DROPPED_KEYWORDS = new Set(["discriminator", "xml", "externalDocs", "example"]);
const MAP_KEYWORDS = ["properties", "patternProperties", "dependentSchemas", "$defs"];
const CLOSED_KEYWORDS = ["items", "contains", "additionalProperties", "propertyNames"];
const CLOSED_LIST_KEYWORDS = ["prefixItems"];
const OPEN_KEYWORDS = ["if", "then", "else", "not"];

export function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Rewrites one schema (and its subschemas); `open` means an enclosing schema closes it. */
export function strictSchema(schema: Json, open = false): Json {
  if (!isObject(schema)) return schema;
  const source = withDiscriminatorResolved(schema);
  const siblingsDeclareProperties =
    "properties" in source || "patternProperties" in source || "allOf" in source;
  const result: SchemaObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith("x-") || DROPPED_KEYWORDS.has(key)) continue;
    if (key === "$ref" && typeof value === "string") {
      result[key] = rewriteRef(value, open);
    } else if (MAP_KEYWORDS.includes(key) && isObject(value)) {
      result[key] = mapValues(value, (sub) => strictSchema(sub));
    } else if (CLOSED_KEYWORDS.includes(key)) {
      result[key] = strictSchema(value);
    } else if (CLOSED_LIST_KEYWORDS.includes(key) && Array.isArray(value)) {
      result[key] = value.map((sub) => strictSchema(sub));
    } else if (OPEN_KEYWORDS.includes(key)) {
      result[key] = strictSchema(value, true);
    } else if (key === "allOf" && Array.isArray(value)) {
      result[key] = value.map((sub) => strictSchema(sub, true));
    } else if ((key === "oneOf" || key === "anyOf") && Array.isArray(value)) {
      // A branch that is a whole alternative stays closed; one that completes the parent's own
      // properties is open, and the parent closes the combination.
      result[key] = value.map((sub) => strictSchema(sub, open || siblingsDeclareProperties));
    } else {
      result[key] = value;
    }
  }
  if (!open && isObjectLike(result) && !("unevaluatedProperties" in result)) {
    if (!("additionalProperties" in result)) result["unevaluatedProperties"] = false;
  }
  return result;
}

function isObjectLike(schema: SchemaObject): boolean {
  const type = schema["type"];
  const typed = type === "object" || (Array.isArray(type) && type.includes("object"));
  return (
    typed ||
    "properties" in schema ||
    "patternProperties" in schema ||
    "allOf" in schema ||
    "oneOf" in schema ||
    "anyOf" in schema
  );
}

/**
 * OpenAPI's discriminator picks the branch by a property's value. Plain oneOf would instead try
 * every branch, and open branches could match more than one; so each mapping becomes an if/then
 * and the discriminator value must be one of the mapped ones.
 */
function withDiscriminatorResolved(schema: SchemaObject): SchemaObject {
  const discriminator = schema["discriminator"];
  const branches = schema["oneOf"] ?? schema["anyOf"];
  if (!isObject(discriminator) || typeof discriminator["propertyName"] !== "string") return schema;
  if (!Array.isArray(branches)) return schema;
  const property = discriminator["propertyName"];
  const mapping = new Map<string, string>();
  for (const branch of branches) {
    const ref = isObject(branch) ? branch["$ref"] : undefined;
    if (typeof ref === "string") mapping.set(ref.slice(ref.lastIndexOf("/") + 1), ref);
  }
  if (mapping.size !== branches.length) return schema; // inline branches: leave oneOf as is
  if (isObject(discriminator["mapping"])) {
    for (const [value, ref] of Object.entries(discriminator["mapping"])) {
      if (typeof ref !== "string") continue;
      for (const [implicit, target] of mapping) if (target === ref) mapping.delete(implicit);
      mapping.set(value, ref);
    }
  }
  const { oneOf: _oneOf, anyOf: _anyOf, ...rest } = schema;
  const existingAllOf = Array.isArray(rest["allOf"]) ? rest["allOf"] : [];
  const required = Array.isArray(rest["required"]) ? rest["required"] : [];
  return {
    ...rest,
    required: [...new Set([...required, property])],
    allOf: [
      ...existingAllOf,
      { properties: { [property]: { enum: [...mapping.keys()] } } },
      ...[...mapping].map(([value, ref]): Json => ({
        if: { properties: { [property]: { const: value } }, required: [property] },
        then: { $ref: ref },
      })),
    ],
  };
}

function rewriteRef(ref: string, open: boolean): string {
  if (!ref.startsWith(COMPONENT_PREFIX)) return ref;
  const rest = ref.slice(COMPONENT_PREFIX.length);
  const isWholeComponent = !rest.includes("/");
  return `#/$defs/${open && isWholeComponent ? OPEN_PREFIX : ""}${rest}`;
}

function mapValues(
  object: { [key: string]: Json },
  transform: (value: Json) => Json,
): { [key: string]: Json } {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, transform(value)]));
}

/** `$defs` holding every component schema closed (`X`) and open (`open:X`). */
export function strictComponentDefs(components: unknown): SchemaObject {
  const schemas =
    isObject(components) && isObject(components["schemas"]) ? components["schemas"] : {};
  const defs: SchemaObject = {};
  for (const [name, schema] of Object.entries(schemas)) {
    defs[name] = strictSchema(schema);
    defs[`${OPEN_PREFIX}${name}`] = strictSchema(schema, true);
  }
  return defs;
}
