import { randomBytes, randomUUID } from "node:crypto";

/** A fresh 24-hex MongoDB-style ObjectId, as eagle.io uses. */
export function newObjectId(): string {
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, "0");
  return seconds + randomBytes(8).toString("hex");
}

export function newUuid(): string {
  return randomUUID();
}

/** A deterministic UUID-shaped id for generated record `index` (cheap, stable across resets). */
export function generatedUuid(prefix: number, index: number): string {
  const hex = index.toString(16).padStart(12, "0");
  return `${prefix.toString(16).padStart(8, "0")}-0000-4000-8000-${hex}`;
}
