// Nothing secret reaches the store: every string of what a vendor returned passes through the
// scrubber before it is written, so a vendor that echoes a credential back (in a record, a name,
// an error) stores "[REDACTED]" instead.
import type { SecretScrubber } from "../secret-scrubber";

/** A copy of a JSON-like value with every string (keys too) scrubbed. */
export function redactDeep(value: unknown, scrubber: SecretScrubber): unknown {
  if (typeof value === "string") return scrubber.scrub(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, scrubber));
  if (typeof value === "object" && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[scrubber.scrub(key)] = redactDeep(item, scrubber);
    }
    return copy;
  }
  return value;
}
