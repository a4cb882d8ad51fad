/** The parts of an OpenAPI 3.1 document the simulators read; everything else passes through untouched. */
export interface OpenApiDocument {
  openapi: string;
  info?: { title?: string; version?: string };
  servers?: { url: string }[];
  paths?: Record<string, PathItem | undefined>;
  components?: Record<string, Record<string, unknown> | undefined>;
  [key: string]: unknown;
}

export type HttpMethod = "get" | "put" | "post" | "delete" | "patch" | "head" | "options";
export const HTTP_METHODS: readonly HttpMethod[] = [
  "get",
  "put",
  "post",
  "delete",
  "patch",
  "head",
  "options",
];

export interface PathItem {
  parameters?: (Parameter | Reference)[];
  [method: string]: unknown;
}

export interface Operation {
  operationId?: string;
  parameters?: (Parameter | Reference)[];
  requestBody?: RequestBody | Reference;
  responses?: Record<string, Response | Reference>;
}

export interface Parameter {
  name: string;
  in: "query" | "header" | "path" | "cookie";
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema?: unknown;
  content?: Record<string, { schema?: unknown }>;
}

export interface RequestBody {
  required?: boolean;
  content?: Record<string, { schema?: unknown }>;
}

export interface Response {
  content?: Record<string, { schema?: unknown }>;
  headers?: Record<string, unknown>;
}

export interface Reference {
  $ref: string;
}

function isReference(value: unknown): value is Reference {
  return (
    typeof value === "object" && value !== null && typeof (value as Reference).$ref === "string"
  );
}

/** JSON Pointer (RFC 6901) segment escaping, for building `$ref`s into the document. */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** A value inside the document together with the JSON Pointer that reaches it. */
export interface Located<T> {
  value: T;
  pointer: string;
}

/**
 * Follows local `$ref`s on non-schema objects (parameters, bodies, responses), returning the target
 * and its pointer so schemas beneath it can be referenced by ajv without copying the document.
 */
export function resolveLocal<T>(
  document: OpenApiDocument,
  located: Located<T | Reference>,
): Located<T> {
  let current: Located<unknown> = located;
  for (let hops = 0; isReference(current.value); hops++) {
    if (hops > 20) throw new Error(`$ref cycle at ${located.pointer}`);
    const ref = current.value.$ref;
    if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported, got "${ref}"`);
    let target: unknown = document;
    for (const segment of ref.slice(2).split("/").map(unescapePointerSegment)) {
      target =
        typeof target === "object" && target !== null
          ? (target as Record<string, unknown>)[segment]
          : undefined;
    }
    if (target === undefined) throw new Error(`unresolved $ref "${ref}" at ${current.pointer}`);
    current = { value: target, pointer: ref.slice(1) };
  }
  return current as Located<T>;
}
