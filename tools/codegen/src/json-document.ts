// Reading a bundled spec as plain JSON: the checks every codegen reader of it shares.

export type Json = Record<string, unknown>;

/** True for a plain object (not null, not an array). */
export const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Follows internal `$ref`s (bundled specs have no others), with JSON Pointer escapes. */
export function resolve(document: Json, value: unknown, seen = 0): unknown {
  if (!isRecord(value) || typeof value.$ref !== "string" || seen > 20) return value;
  const target = value.$ref
    .replace(/^#\//, "")
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), document);
  return resolve(document, target, seen + 1);
}
