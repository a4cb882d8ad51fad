import { diffSpecs } from "../../src/spec-diff";
import { dereferenceSpec, parseSpec } from "../../src/spec-loading";
import type { SpecChange } from "../../src/spec-change";

type Json = Record<string, unknown>;

/** A minimal valid OpenAPI 3.1 document with the given paths and components. */
export function spec(paths: Json, extra: Json = {}): Json {
  return { openapi: "3.1.0", info: { title: "Fixture", version: "1" }, paths, ...extra };
}

/** One JSON response, the commonest fixture shape. */
export function jsonResponse(schema: Json, status = "200"): Json {
  return { [status]: { description: "ok", content: { "application/json": { schema } } } };
}

export function jsonBody(schema: Json, required = true): Json {
  return { required, content: { "application/json": { schema } } };
}

/** Runs the classifier on two fixture specs exactly as the CLI would (from source text). */
export async function classify(before: Json, after: Json): Promise<SpecChange[]> {
  const load = async (doc: Json, label: string) => {
    const text = JSON.stringify(doc, null, 2);
    return { dereferenced: await dereferenceSpec(text, label), raw: await parseSpec(text, label) };
  };
  return diffSpecs({
    before: await load(before, "before.yaml"),
    after: await load(after, "after.yaml"),
  });
}

export function levels(changes: readonly SpecChange[]): string[] {
  return changes.map((change) => change.level);
}
