import type { ErrorBodyInfo } from "../runtime/client-options";
import { isRecord, joined, textOf, type ErrorBodyShape } from "../runtime/error-body";

// Beside operationChecks and paginator: an interpreter of what codegen emits per vendor (the
// spec's `x-rollcall-error-body`), used by the generated client factories.

/** A non-empty trimmed text, or a number: what a vendor's error code may be. */
const trimmedCode = (value: unknown): string | number | undefined =>
  typeof value === "number" ? value : textOf(value);

/**
 * The error-body reader the shapes describe: the first shape that yields a message or a code
 * wins; undefined when none does, so the common reader gets a try.
 */
export function errorBodyReader(
  shapes: readonly ErrorBodyShape[],
): (body: unknown) => ErrorBodyInfo | undefined {
  return (body) => {
    for (const { at, message = [], code = [], separator = "; " } of shapes) {
      let node: unknown = body;
      for (const key of at ? at.split(".") : []) node = isRecord(node) ? node[key] : undefined;
      const entries = (Array.isArray(node) ? node : [node]).filter(isRecord);
      const text = joined(
        entries.map((entry) =>
          joined(
            message.map((field) => textOf(entry[field])),
            ": ",
          ),
        ),
        separator,
      );
      const found = entries
        .map((entry) => code.map((field) => trimmedCode(entry[field])).find((c) => c !== undefined))
        .find((c) => c !== undefined);
      if (text !== undefined || found !== undefined) return { message: text, code: found };
    }
    return undefined;
  };
}
