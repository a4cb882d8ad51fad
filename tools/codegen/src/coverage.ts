import { isObject } from "./strict-schema";

/** specs/coverage/<vendor>.json: what the spec engineers promise the spec covers. */
export interface CoverageManifest {
  readonly vendor: string;
  readonly source: string;
  readonly endpoints: readonly string[];
  readonly schemas: Readonly<Record<string, readonly string[]>>;
}

const ENDPOINT_PATTERN = /^(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) (\/\S*)$/;

/** Checks the manifest's shape; the message names the file and the field that is wrong. */
export function parseCoverageManifest(raw: unknown, file: string): CoverageManifest {
  if (!isObject(raw)) throw new Error(`${file}: must be a JSON object`);
  for (const key of ["vendor", "source"] as const) {
    if (typeof raw[key] !== "string" || raw[key] === "") {
      throw new Error(`${file}: "${key}" must be a non-empty string`);
    }
  }
  const endpoints = raw["endpoints"];
  if (!Array.isArray(endpoints)) throw new Error(`${file}: "endpoints" must be an array`);
  endpoints.forEach((endpoint, index) => {
    if (typeof endpoint !== "string" || !ENDPOINT_PATTERN.test(endpoint)) {
      throw new Error(`${file}: endpoints[${index}] must look like "GET /path"`);
    }
  });
  const schemas = raw["schemas"];
  if (!isObject(schemas)) throw new Error(`${file}: "schemas" must be an object`);
  for (const [name, properties] of Object.entries(schemas)) {
    if (!Array.isArray(properties) || properties.some((p) => typeof p !== "string")) {
      throw new Error(`${file}: schemas.${name} must be an array of property names`);
    }
  }
  return raw as unknown as CoverageManifest;
}

/** One line per endpoint, schema or property the manifest lists but the spec lacks. */
export function findCoverageGaps(
  manifest: CoverageManifest,
  document: Record<string, unknown>,
): string[] {
  const gaps: string[] = [];
  const paths = isObject(document["paths"]) ? document["paths"] : {};
  // Path parameter names may differ between the vendor's docs and the spec ({id} vs {userId}).
  const byShape = new Map<string, Record<string, unknown>>();
  for (const [path, item] of Object.entries(paths)) {
    if (isObject(item)) byShape.set(pathShape(path), item);
  }
  for (const endpoint of manifest.endpoints) {
    const [, method = "", path = ""] = ENDPOINT_PATTERN.exec(endpoint) ?? [];
    if (!isObject(byShape.get(pathShape(path))?.[method.toLowerCase()])) {
      gaps.push(`endpoint ${endpoint} is not in the spec`);
    }
  }
  const components = isObject(document["components"]) ? document["components"] : {};
  const schemas = isObject(components["schemas"]) ? components["schemas"] : {};
  for (const [name, properties] of Object.entries(manifest.schemas)) {
    if (!(name in schemas)) {
      gaps.push(`schema ${name} is not in components.schemas`);
      continue;
    }
    const declared = declaredProperties(schemas[name], schemas, new Set());
    for (const property of properties) {
      if (!declared.has(property))
        gaps.push(`schema ${name} does not declare property "${property}"`);
    }
  }
  return gaps;
}

function pathShape(path: string): string {
  return path.replace(/\{[^}]*\}/g, "{}");
}

/** Property names a schema declares, through allOf/oneOf/anyOf and component $refs. */
function declaredProperties(
  schema: unknown,
  schemas: Record<string, unknown>,
  seen: Set<unknown>,
): Set<string> {
  const names = new Set<string>();
  if (!isObject(schema) || seen.has(schema)) return names;
  seen.add(schema);
  const ref = schema["$ref"];
  if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
    const target = schemas[ref.slice("#/components/schemas/".length)];
    for (const name of declaredProperties(target, schemas, seen)) names.add(name);
  }
  if (isObject(schema["properties"]))
    for (const name of Object.keys(schema["properties"])) names.add(name);
  for (const key of ["allOf", "oneOf", "anyOf"]) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    for (const sub of list)
      for (const name of declaredProperties(sub, schemas, seen)) names.add(name);
  }
  return names;
}
