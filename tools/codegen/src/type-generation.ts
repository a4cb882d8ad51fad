import { createRequire } from "node:module";
import type { Config } from "@redocly/openapi-core";
import type { OpenAPI3, OpenAPITSOptions } from "openapi-typescript";
import { CodegenError } from "./codegen-error";
import type { BundledSpec } from "./spec-loading";

/**
 * openapi-typescript options, each chosen on purpose (README.md explains them at more length):
 * - alphabetize: keys sorted, so reordering a spec never churns the generated diff.
 * - rootTypes + rootTypesNoSchemaPrefix: `export type User = components["schemas"]["User"]`
 *   gives clients friendly names without hand-written aliases.
 * - exportType false: `interface paths` / `interface components` are cheaper for tsc and keep
 *   their names in hovers and errors.
 * - enum / enumValues false: schema.ts stays type-only (no runtime bytes in any bundle);
 *   string-literal unions are all openapi-fetch needs.
 * - immutable false: response data belongs to the caller once parsed; readonly would force
 *   copies in adapters for no safety gain on the wire format.
 * - emptyObjectsUnknown true: a schema that declares no properties becomes
 *   Record<string, unknown> (must be narrowed) rather than Record<string, never>.
 * - defaultNonNullable false: in a hand-written spec of someone else's API, `default` describes
 *   server behaviour, not a promise the field is always sent; only `required` makes it required.
 * - propertiesRequiredByDefault false: optional unless the spec says `required`.
 * - additionalProperties false: no index signatures, so a typo'd property is a compile error.
 * - pathParamsAsTypes false: openapi-fetch calls use the literal template ("/users/{id}").
 * - arrayLength false: minItems/maxItems tuples make request bodies awkward to build.
 * - excludeDeprecated false: deprecated operations (a whole deprecated API, even) stay usable.
 */
export const TYPE_OPTIONS = {
  alphabetize: true,
  rootTypes: true,
  rootTypesNoSchemaPrefix: true,
  exportType: false,
  enum: false,
  enumValues: false,
  immutable: false,
  emptyObjectsUnknown: true,
  defaultNonNullable: false,
  propertiesRequiredByDefault: false,
  additionalProperties: false,
  pathParamsAsTypes: false,
  arrayLength: false,
  excludeDeprecated: false,
} as const satisfies OpenAPITSOptions;

// openapi-typescript lints again before generating; the spec has already passed the real lint, so
// give it a config with no rules rather than pay for the same checks twice.
let noRules: Promise<Config> | undefined;
async function emptyRedoclyConfig(): Promise<Config> {
  const { createConfig } = await import("@redocly/openapi-core");
  return createConfig({ extends: [] });
}

// Names openapi-typescript already exports, or that the generated file itself uses (Record, Omit,
// its WithRequired helper): a root type alias of the same name would clash or shadow them.
const RESERVED_TYPE_NAMES = new Set([
  "paths",
  "webhooks",
  "components",
  "operations",
  "$defs",
  "Record",
  "Omit",
  "WithRequired",
]);

type OpenapiTypescript = typeof import("openapi-typescript");

// Through require, not import: openapi-typescript's CommonJS build requires TypeScript, whereas an
// ESM import of TypeScript's 9 MB CommonJS file makes Node sniff its format and lex it for export
// names first; that doubled the load (~1.1 s of CPU down to ~0.55 s).
let openapiTypescript: OpenapiTypescript | undefined;
const loadOpenapiTypescript = (): OpenapiTypescript =>
  (openapiTypescript ??= createRequire(import.meta.url)("openapi-typescript") as OpenapiTypescript);

/** TypeScript source (unformatted, without the header) for one bundled spec. */
export async function generateSchemaTypes(spec: BundledSpec): Promise<string> {
  checkSchemaNames(spec);
  const redocly = await (noRules ??= emptyRedoclyConfig());
  const { default: openapiTS, astToString } = loadOpenapiTypescript();
  try {
    const ast = await openapiTS(structuredClone(spec.document) as unknown as OpenAPI3, {
      ...TYPE_OPTIONS,
      redocly,
      silent: true,
    });
    const code = astToString(ast);
    checkAliasClashes(spec, code);
    return code;
  } catch (error) {
    if (error instanceof CodegenError) throw error;
    throw new CodegenError(
      `${spec.vendor.spec}: type generation failed (${(error as Error).message})`,
    );
  }
}

function checkSchemaNames(spec: BundledSpec): void {
  const components = spec.document["components"] as { schemas?: object } | undefined;
  const clashes = Object.keys(components?.schemas ?? {}).filter((name) =>
    RESERVED_TYPE_NAMES.has(name),
  );
  if (clashes.length > 0) {
    throw new CodegenError(
      clashes.map(
        (name) =>
          `${spec.vendor.spec}: components.schemas.${name} clashes with a type openapi-typescript exports; rename the schema`,
      ),
    );
  }
}

// rootTypesNoSchemaPrefix can map two components to one alias (schema "ResponseUser" and response
// "User"; schemas "user" and "User"): catch it here rather than as a tsc error in the client.
function checkAliasClashes(spec: BundledSpec, code: string): void {
  const seen = new Set<string>();
  const clashes = new Set<string>();
  for (const match of code.matchAll(/^export type (\S+) =/gm)) {
    const name = match[1] ?? "";
    if (seen.has(name)) clashes.add(name);
    seen.add(name);
  }
  if (clashes.size > 0) {
    throw new CodegenError(
      [...clashes].map(
        (name) =>
          `${spec.vendor.spec}: two components both produce the exported type ${name}; rename one`,
      ),
    );
  }
}
