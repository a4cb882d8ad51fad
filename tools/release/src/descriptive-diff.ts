import { isObject, sameJson } from "./json-values";
import { DESCRIPTIVE_KEYWORDS } from "./schema-diff";
import type { SpecChange } from "./spec-change";

/** Keys whose children are names chosen by the spec author, not OpenAPI keywords. */
const NAME_MAPS = new Set([
  "paths",
  "webhooks",
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "responses",
  "schemas",
  "parameters",
  "requestBodies",
  "headers",
  "content",
  "securitySchemes",
  "links",
  "callbacks",
  "variables",
  "encoding",
  "mapping",
]);

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** Every edit between two documents, located and sorted into documentation or not. */
export interface DocumentEdits {
  /** Edits to prose only: descriptions, summaries, examples, tags, `info`, `x-` extensions. */
  readonly documentation: string[];
  /** Everything else, by location; the caller decides whether its rules already explain them. */
  readonly other: string[];
}

/** Walks two documents (cycles allowed: dereferenced recursive schemas) and sorts each edit. */
export function findDocumentEdits(before: unknown, after: unknown): DocumentEdits {
  const edits: DocumentEdits = { documentation: [], other: [] };
  walk(before, after, [], edits, new WeakMap());
  return edits;
}

/** The descriptive changes between two specs, as changelog entries. */
export function descriptiveChanges(edits: DocumentEdits): SpecChange[] {
  return edits.documentation.map((location) => ({
    level: "descriptive",
    location,
    message: "documentation changed",
  }));
}

function walk(
  before: unknown,
  after: unknown,
  path: string[],
  edits: DocumentEdits,
  seen: WeakMap<object, WeakSet<object>>,
): void {
  if (before === after) return;
  if (
    typeof before === "object" &&
    before !== null &&
    typeof after === "object" &&
    after !== null
  ) {
    const pairs = seen.get(before) ?? new WeakSet<object>();
    if (pairs.has(after)) return;
    pairs.add(after);
    seen.set(before, pairs);
  }
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      walk(before[key], after[key], [...path, key], edits, seen);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const keyed = (items: unknown[]) =>
      new Map(items.map((item, i) => [elementKey(item, i), item]));
    const was = keyed(before);
    const now = keyed(after);
    for (const key of new Set([...was.keys(), ...now.keys()])) {
      walk(was.get(key), now.get(key), [...path, key], edits, seen);
    }
    return;
  }
  if (sameJson(before, after)) return;
  (isDocumentation(path) ? edits.documentation : edits.other).push(render(path));
}

/** Array members that carry an identity are matched by it, so reordering is not an edit. */
function elementKey(item: unknown, index: number): string {
  if (!isObject(item)) return JSON.stringify(item) ?? String(index);
  if (typeof item.name === "string" && typeof item.in === "string")
    return `${item.in}:${item.name}`;
  if (typeof item.url === "string") return item.url;
  if (typeof item.$ref === "string") return item.$ref;
  return String(index);
}

function isDocumentation(path: readonly string[]): boolean {
  if (path[0] === "info") return true;
  let namePosition = false;
  for (const segment of path) {
    if (!namePosition && (DESCRIPTIVE_KEYWORDS.has(segment) || segment.startsWith("x-"))) {
      return true;
    }
    namePosition = !namePosition && NAME_MAPS.has(segment);
  }
  return false;
}

/** `GET /users › responses.200.description`, or a dotted path outside operations. */
function render(path: readonly string[]): string {
  const [root, route, method, ...rest] = path;
  if (root === "paths" && route !== undefined && method !== undefined && HTTP_METHODS.has(method)) {
    const operation = `${method.toUpperCase()} ${route}`;
    return rest.length === 0 ? operation : `${operation} › ${rest.join(".")}`;
  }
  return path.join(".");
}
