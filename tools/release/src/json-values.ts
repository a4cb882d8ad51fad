/** Small, total helpers for walking parsed OpenAPI documents, whose shapes are not trusted. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Order-independent JSON for comparing small values (sets of scheme names, enum members). */
export function canonicalJson(value: unknown, seen = new WeakSet<object>()): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "undefined";
  if (seen.has(value)) return '"[cycle]"';
  seen.add(value);
  const text = Array.isArray(value)
    ? `[${value.map((item) => canonicalJson(item, seen)).join(",")}]`
    : `{${Object.keys(value)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as JsonObject)[key], seen)}`)
        .join(",")}}`;
  seen.delete(value);
  return text;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
