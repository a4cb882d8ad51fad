import { CodegenError } from "./codegen-error";
import { isRecord, resolve, type Json } from "./json-document";
import type { BundledSpec } from "./spec-loading";

// A vendor whose offboarding deletes one record per account says so on its DELETE operation with
// `x-rollcall-offboarding` (specs/README.md); codegen writes the step type, its planner and its
// executor into src/generated/offboarding.ts, on core's deletionPlanner and deletionExecutor.

const KEYS = ["kind", "action", "step", "readBack", "describe"];
const IDENTIFIER = /^[A-Za-z_]\w*$/;

/** What codegen needs of one deletion offboarding. */
export interface OffboardingFacts {
  kind: string;
  action: string;
  /** The step's field holding the record id (also the plan's JSON). */
  step: string;
  /** "Delete Rootly user {login} (id {id})." — {login} falls back to the id. */
  describe: string;
  path: string;
  /** The DELETE's one path parameter. */
  parameter: string;
  /** `format: uuid`, or a `pattern`, of that parameter. */
  format?: { uuid: true } | { pattern: string };
}

/** The spec's deletion offboarding, or undefined; a malformed extension is a CodegenError. */
export function offboardingFacts(spec: BundledSpec): OffboardingFacts | undefined {
  const { document } = spec;
  const problems: string[] = [];
  const found: OffboardingFacts[] = [];
  const paths = isRecord(document.paths) ? document.paths : {};
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isRecord(pathItem)) continue;
    for (const [method, operation] of Object.entries(pathItem)) {
      const extension = isRecord(operation) ? operation["x-rollcall-offboarding"] : undefined;
      if (extension === undefined) continue;
      const where = `${spec.vendor.spec}: paths["${path}"].${method}["x-rollcall-offboarding"]`;
      const problem = (message: string) => problems.push(`${where} ${message}`);
      if (method !== "delete") problem("is only for DELETE operations");
      if (!isRecord(extension)) {
        problem(`must be an object with ${KEYS.join(", ")}`);
        continue;
      }
      for (const key of KEYS.filter((k) => typeof extension[k] !== "string"))
        problem(`.${key} must be a string`);
      for (const key of Object.keys(extension).filter((k) => !KEYS.includes(k)))
        problem(`.${key} is not an offboarding key (known: ${KEYS.join(", ")})`);
      const { kind, action, step, readBack, describe } = extension as Record<string, string>;
      if (typeof action === "string" && !action.startsWith(`${spec.vendor.id}.`))
        problem(`.action must start with "${spec.vendor.id}."`);
      if (typeof step === "string" && !IDENTIFIER.test(step))
        problem(".step must be an identifier");
      if (typeof describe === "string" && !describe.includes("{id}"))
        problem(".describe must name the record as {id}");
      const read = isRecord(pathItem.get) ? pathItem.get : undefined;
      if (read?.operationId !== readBack)
        problem(".readBack must be the operationId of the GET on the same path");
      const parameters = [pathItem.parameters, isRecord(operation) && operation.parameters]
        .flatMap((list) => (Array.isArray(list) ? list : []))
        .map((entry) => resolve(document, entry))
        .filter((entry): entry is Json => isRecord(entry) && entry.in === "path");
      if (parameters.length !== 1) {
        problem("needs a DELETE with exactly one path parameter");
        continue;
      }
      const schema = resolve(document, parameters[0]!.schema);
      const format = !isRecord(schema)
        ? undefined
        : schema.format === "uuid"
          ? { uuid: true as const }
          : typeof schema.pattern === "string"
            ? { pattern: schema.pattern }
            : undefined;
      found.push({
        kind,
        action,
        step,
        describe,
        path,
        parameter: parameters[0]!.name as string,
        ...(format && { format }),
      } as OffboardingFacts);
    }
  }
  if (found.length > 1) problems.push(`${spec.vendor.spec}: more than one x-rollcall-offboarding`);
  if (problems.length) throw new CodegenError(problems);
  return found[0];
}

const pascal = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The source of `src/generated/offboarding.ts`, after the marker line. */
export function offboardingSource(spec: BundledSpec, mediaType: string): string {
  const facts = offboardingFacts(spec);
  if (facts === undefined) {
    return [
      `// ${spec.vendor.title}'s spec has no x-rollcall-offboarding: its offboarding does more than`,
      "// delete one record per account, so its package writes it by hand.",
      "export {};",
      "",
    ].join("\n");
  }
  const { vendor } = spec;
  const stepType = `${pascal(vendor.id)}${pascal(facts.action.slice(vendor.id.length + 1))}`;
  const text = (template: string) =>
    "`" +
    template
      .replace(/[`\\]/g, "\\$&")
      .replace(/\$\{/g, "\\${")
      .replace("{login}", "${login ?? source.id}")
      .replace("{id}", "${source.id}") +
    "`";
  const format =
    facts.format === undefined
      ? ""
      : "uuid" in facts.format
        ? ", format: UUID_FORMAT"
        : `, format: { pattern: new RegExp(${JSON.stringify(facts.format.pattern)}, "u"), description: ${JSON.stringify(`an id matching /${facts.format.pattern}/`)} }`;
  const imports = [
    "deletionExecutor",
    "deletionPlanner",
    ...(facts.format && "uuid" in facts.format ? ["UUID_FORMAT"] : []),
    "type ApiClient",
    "type OffboardingExecutor",
    "type OffboardingStep",
  ];
  const route = JSON.stringify(facts.path);
  return [
    `import { ${imports.join(", ")} } from "@rollcall/core";`,
    'import type { paths } from "./schema";',
    "",
    `/** The kind of account ${vendor.title}'s offboarding removes (\`x-rollcall-offboarding\`). */`,
    `export const OFFBOARDED_KIND = ${JSON.stringify(facts.kind)};`,
    "",
    `/** Delete one ${vendor.title} record: \`DELETE ${facts.path}\`. */`,
    `export interface ${stepType} extends OffboardingStep {`,
    `  readonly action: ${JSON.stringify(facts.action)};`,
    `  readonly ${facts.step}: string;`,
    "}",
    "",
    `/** The steps that remove one ${vendor.title} account: a \`${facts.action}\` for each \`${facts.kind}\`. */`,
    `export const offboardingPlanner = /* @__PURE__ */ deletionPlanner<${stepType}>({`,
    `  kind: OFFBOARDED_KIND,`,
    `  action: ${JSON.stringify(facts.action)},`,
    `  step: ({ source }, login) => ({ ${facts.step}: source.id, description: ${text(facts.describe)} }),`,
    "});",
    "",
    "/**",
    ` * Carries out \`${facts.action}\` steps: \`DELETE ${facts.path}\`, then \`GET\` it back: done only when`,
    ` * ${vendor.title} answers 404. A record already gone counts as done, so a re-run plan succeeds;`,
    " * a malformed id is refused before sending.",
    " */",
    `export function offboardingExecutor(client: ApiClient<paths, ${JSON.stringify(mediaType)}>): OffboardingExecutor<${stepType}> {`,
    `  const target = (step: ${stepType}) => ({ params: { path: { ${JSON.stringify(facts.parameter)}: step.${facts.step} } } });`,
    `  return deletionExecutor<${stepType}>({`,
    `    vendor: ${JSON.stringify(vendor.id)},`,
    `    action: ${JSON.stringify(facts.action)},`,
    `    target: (step) => ({ field: ${JSON.stringify(facts.step)}, value: step.${facts.step}${format} }),`,
    `    remove: (step) => client.DELETE(${route}, target(step)),`,
    `    readBack: (step) => client.GET(${route}, target(step)),`,
    "  });",
    "}",
    "",
  ].join("\n");
}
