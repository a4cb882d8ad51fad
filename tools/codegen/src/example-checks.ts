import type { ErrorObject } from "ajv";
import { isObject, strictComponentDefs, strictSchema, type SchemaObject } from "./strict-schema";

/** One example to validate: where it is (for the message), its value and its schema. */
interface ExampleCase {
  readonly where: string;
  readonly value: unknown;
  readonly schema: unknown;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const SCHEMA_ID = "https://rollcall.invalid/spec.json";

/**
 * Validates every example in a bundled spec against its schema, strictly: a property the schema
 * does not declare is an error. Returns one message per failure, naming the spec, the operation,
 * the example and the path inside it.
 */
export async function findExampleFailures(
  specName: string,
  document: Record<string, unknown>,
): Promise<string[]> {
  const failures: string[] = [];
  const usedExamples = new Set<string>();
  const cases = [
    ...collectOperationExamples(document, usedExamples, failures),
    ...collectSchemaExamples(document),
  ];
  for (const name of Object.keys(componentsOf(document, "examples"))) {
    if (!usedExamples.has(name)) {
      failures.push(`components.examples.${name} is never used, so it cannot be checked`);
    }
  }

  const { Ajv2020, addFormats } = await loadAjv();
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false, // OpenAPI schemas routinely leave `type` implicit beside `properties`
    strictRequired: false,
    strictTuples: false,
    allowUnionTypes: true,
  });
  addFormats(ajv);
  // OpenAPI's numeric and hint formats; ajv rejects unknown formats, so name them explicitly.
  ajv.addFormat("int32", { type: "number", validate: (n: number) => isIntIn(n, 2 ** 31) });
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat("float", { type: "number", validate: () => true });
  ajv.addFormat("double", { type: "number", validate: () => true });
  ajv.addFormat("password", { type: "string", validate: () => true });
  // RFC 6531 addresses (ajv-formats leaves idn-email out): the simulators accept the same shape.
  ajv.addFormat("idn-email", /^[^\s@\p{Cc}]+@[^\s@.\p{Cc}]+(?:\.[^\s@.\p{Cc}]+)+$/u);

  const defs = strictComponentDefs(document["components"]);
  cases.forEach((example, index) => {
    defs[`case:${index}`] = strictSchema(example.schema as SchemaObject);
  });
  try {
    ajv.addSchema({ $id: SCHEMA_ID, $defs: defs });
  } catch (error) {
    return [...failures, `schemas cannot be compiled: ${(error as Error).message}`].map(
      (line) => `${specName}: ${line}`,
    );
  }
  cases.forEach((example, index) => {
    let validate;
    try {
      validate = ajv.getSchema(`${SCHEMA_ID}#/$defs/case:${index}`);
    } catch (error) {
      failures.push(`${example.where}: schema does not compile (${(error as Error).message})`);
      return;
    }
    if (validate === undefined || validate(example.value)) return;
    for (const error of validate.errors ?? []) {
      failures.push(`${example.where} at ${error.instancePath || "/"}: ${describe(error)}`);
    }
  });
  return failures.map((line) => `${specName}: ${line}`);
}

function collectOperationExamples(
  document: Record<string, unknown>,
  usedExamples: Set<string>,
  failures: string[],
): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const paths = isObject(document["paths"]) ? document["paths"] : {};
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const label = `${typeof operation["operationId"] === "string" ? operation["operationId"] : `${method.toUpperCase()} ${path}`}`;
      const parameters = [
        ...(Array.isArray(pathItem["parameters"]) ? pathItem["parameters"] : []),
        ...(Array.isArray(operation["parameters"]) ? operation["parameters"] : []),
      ];
      for (const raw of parameters) {
        const parameter = resolve(document, raw);
        if (!isObject(parameter)) continue;
        const where = `${label} parameter ${String(parameter["in"])} "${String(parameter["name"])}"`;
        cases.push(...examplesOf(document, parameter, parameter["schema"], where, usedExamples));
        cases.push(...contentExamples(document, parameter["content"], where, usedExamples));
      }
      const body = resolve(document, operation["requestBody"]);
      if (isObject(body)) {
        cases.push(...contentExamples(document, body["content"], `${label} request`, usedExamples));
      }
      const responses = isObject(operation["responses"]) ? operation["responses"] : {};
      for (const [status, rawResponse] of Object.entries(responses)) {
        const response = resolve(document, rawResponse);
        if (!isObject(response)) continue;
        const where = `${label} response ${status}`;
        cases.push(...contentExamples(document, response["content"], where, usedExamples));
        const headers = isObject(response["headers"]) ? response["headers"] : {};
        for (const [name, rawHeader] of Object.entries(headers)) {
          const header = resolve(document, rawHeader);
          if (!isObject(header)) continue;
          const at = `${where} header "${name}"`;
          cases.push(...examplesOf(document, header, header["schema"], at, usedExamples));
        }
      }
    }
  }
  if (cases.some((example) => example.schema === undefined)) {
    for (const example of cases.filter((c) => c.schema === undefined)) {
      failures.push(`${example.where}: has an example but no schema to check it against`);
    }
  }
  return cases.filter((example) => example.schema !== undefined);
}

function contentExamples(
  document: Record<string, unknown>,
  content: unknown,
  where: string,
  usedExamples: Set<string>,
): ExampleCase[] {
  if (!isObject(content)) return [];
  return Object.entries(content).flatMap(([mediaType, media]) =>
    isObject(media)
      ? examplesOf(document, media, media["schema"], `${where} ${mediaType}`, usedExamples)
      : [],
  );
}

/** `example` and each of `examples` (resolving component refs) from a media type/parameter. */
function examplesOf(
  document: Record<string, unknown>,
  holder: Record<string, unknown>,
  schema: unknown,
  where: string,
  usedExamples: Set<string>,
): ExampleCase[] {
  const cases: ExampleCase[] = [];
  if ("example" in holder)
    cases.push({ where: `${where} example`, value: holder["example"], schema });
  const examples = isObject(holder["examples"]) ? holder["examples"] : {};
  for (const [name, raw] of Object.entries(examples)) {
    const ref = isObject(raw) ? raw["$ref"] : undefined;
    if (typeof ref === "string") usedExamples.add(ref.slice(ref.lastIndexOf("/") + 1));
    const example = resolve(document, raw);
    if (isObject(example) && "value" in example) {
      cases.push({ where: `${where} example "${name}"`, value: example["value"], schema });
    }
  }
  return cases;
}

/** `examples` / `example` written on schemas themselves, anywhere under components.schemas. */
function collectSchemaExamples(document: Record<string, unknown>): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const visit = (schema: unknown, where: string): void => {
    if (!isObject(schema)) return;
    if (Array.isArray(schema["examples"])) {
      schema["examples"].forEach((value, index) =>
        cases.push({ where: `${where} examples[${index}]`, value, schema }),
      );
    }
    if ("example" in schema)
      cases.push({ where: `${where} example`, value: schema["example"], schema });
    for (const key of ["properties", "patternProperties", "$defs", "dependentSchemas"]) {
      const map = schema[key];
      if (isObject(map))
        for (const [name, sub] of Object.entries(map)) visit(sub, `${where}.${name}`);
    }
    for (const key of ["items", "additionalProperties", "contains", "not", "if", "then", "else"]) {
      visit(schema[key], `${where}.${key}`);
    }
    for (const key of ["allOf", "oneOf", "anyOf", "prefixItems"]) {
      const list = schema[key];
      if (Array.isArray(list)) list.forEach((sub, i) => visit(sub, `${where}.${key}[${i}]`));
    }
  };
  for (const [name, schema] of Object.entries(componentsOf(document, "schemas"))) {
    visit(schema, `schema ${name}`);
  }
  return cases;
}

function componentsOf(document: Record<string, unknown>, kind: string): Record<string, unknown> {
  const components = document["components"];
  const group = isObject(components) ? components[kind] : undefined;
  return isObject(group) ? group : {};
}

/** Follows internal refs (`#/components/...`) of a bundled document. */
function resolve(document: Record<string, unknown>, node: unknown, depth = 0): unknown {
  const ref = isObject(node) ? node["$ref"] : undefined;
  if (typeof ref !== "string" || !ref.startsWith("#/") || depth > 20) return node;
  let target: unknown = document;
  for (const segment of ref.slice(2).split("/")) {
    const key = segment.replace(/~1/g, "/").replace(/~0/g, "~");
    target = isObject(target) ? target[key] : undefined;
  }
  return resolve(document, target, depth + 1);
}

function describe(error: ErrorObject): string {
  if (error.keyword === "unevaluatedProperties") {
    return `has property "${String(error.params["unevaluatedProperty"])}" that the schema does not declare`;
  }
  if (error.keyword === "additionalProperties") {
    return `has property "${String(error.params["additionalProperty"])}" that the schema does not allow`;
  }
  return error.message ?? error.keyword;
}

function isIntIn(n: number, bound: number): boolean {
  return Number.isInteger(n) && n >= -bound && n < bound;
}

async function loadAjv() {
  const [{ Ajv2020 }, formats] = await Promise.all([
    import("ajv/dist/2020.js"),
    import("ajv-formats"),
  ]);
  const addFormats = (formats.default ?? formats) as unknown as typeof formats.default;
  return { Ajv2020, addFormats };
}
