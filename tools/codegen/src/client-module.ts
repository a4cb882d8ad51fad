// The source of a vendor's `src/generated/client.ts`: the client type, its options, the factory,
// the error-body reader, one listing per paged operation and the friendly type names. Everything
// here follows from the registry row, the descriptor and the spec's x-rollcall-* extensions
// (specs/README.md), so no vendor package writes it by hand.
import { CodegenError } from "./codegen-error";
import type { Listing } from "./operation-rules";
import type { Vendor } from "./registry";
import type { DescriptorFacts } from "./vendor-descriptor";

type Json = Record<string, unknown>;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** A module beside `src/generated/`, e.g. `guards` for `src/guards.ts`. */
const MODULE = /^[a-z][\w-]*(\/[a-z][\w-]*)*$/;

const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `acme` → `Acme`, `big-co` → `BigCo`: the stem of the vendor's exported names. */
export const vendorStem = (id: string) => id.split("-").map(capitalised).join("");

/** A JSDoc block at `indent`, wrapped at the repo's print width (Prettier leaves comments be). */
function doc(text: string, indent = ""): string {
  const words = text.trim().replace(/\*\//g, "*\\/").split(/\s+/);
  const one = `${indent}/** ${words.join(" ")} */`;
  if (one.length <= 100) return one;
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && indent.length + 3 + line.length + 1 + word.length > 100) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return [`${indent}/**`, ...lines.map((l) => `${indent} * ${l}`), `${indent} */`].join("\n");
}

/** `x-rollcall-request-checks`: a hand-written RouteChecks table run after the spec's checks. */
interface RequestChecks {
  module: string;
  export: string;
}

/** The root extensions the client module reads; a malformed one names spec and JSON path. */
function clientExtensions(vendor: Vendor, document: Json) {
  const problems: string[] = [];
  const fail = (where: string, message: string) =>
    void problems.push(`${vendor.spec}: ${where} ${message}`);
  const schemas = isRecord(document.components) ? document.components.schemas : undefined;

  let checks: RequestChecks | undefined;
  const rawChecks = document["x-rollcall-request-checks"];
  if (rawChecks !== undefined) {
    if (
      !isRecord(rawChecks) ||
      typeof rawChecks.module !== "string" ||
      !MODULE.test(rawChecks.module) ||
      typeof rawChecks.export !== "string" ||
      !IDENTIFIER.test(rawChecks.export)
    )
      fail("x-rollcall-request-checks", "must be { module: <file under src/>, export: <name> }");
    else checks = { module: rawChecks.module, export: rawChecks.export };
  }

  const aliases: [string, string][] = [];
  const rawAliases = document["x-rollcall-type-aliases"];
  if (rawAliases !== undefined) {
    if (!isRecord(rawAliases)) fail("x-rollcall-type-aliases", "must map type names to schemas");
    else
      for (const [name, schema] of Object.entries(rawAliases)) {
        const where = `x-rollcall-type-aliases.${name}`;
        if (!IDENTIFIER.test(name)) fail(where, "must be a TypeScript identifier");
        else if (isRecord(schemas) && name in schemas)
          fail(where, "is already a schema's own name (generated in schema.ts)");
        else if (typeof schema !== "string" || !isRecord(schemas) || !isRecord(schemas[schema]))
          fail(where, "must name a schema of components.schemas");
        else aliases.push([name, schema]);
      }
  }
  if (problems.length) throw new CodegenError(problems);
  return { checks, aliases };
}

/** Each credential option's documentation: its security scheme's description. */
function credentialDocs(document: Json): Map<string, string> {
  const components = isRecord(document.components) ? document.components : {};
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
  const docs = new Map<string, string>();
  for (const scheme of Object.values(schemes)) {
    if (!isRecord(scheme) || typeof scheme.description !== "string") continue;
    const named = isRecord(scheme["x-rollcall-credential"]) ? scheme["x-rollcall-credential"] : {};
    if (String(scheme.scheme).toLowerCase() === "basic") {
      docs.set(
        String(named.username ?? "username"),
        `User name (HTTP Basic). ${scheme.description}`,
      );
      docs.set(
        String(named.password ?? "password"),
        `Password (HTTP Basic). ${scheme.description}`,
      );
    } else {
      const fallback = scheme.type === "http" ? "token" : "apiKey";
      docs.set(String(named.option ?? fallback), scheme.description);
    }
  }
  return docs;
}

/** The source of `src/generated/client.ts`, after the marker line. */
export function clientSource(
  vendor: Vendor,
  document: Json,
  facts: DescriptorFacts,
  listings: readonly Listing[],
): string {
  const { checks, aliases } = clientExtensions(vendor, document);
  const stem = vendorStem(vendor.id);
  const client = `${stem}Client`;
  const factory = `create${client}`;
  const media = "typeof vendor.mediaType";
  const docs = credentialDocs(document);
  const coreValues = ["checksByRoute", "createVendorClient", "operationChecks"];
  if (facts.errorBody) coreValues.push("errorBodyReader");
  if (listings.length) coreValues.push("paginator");
  const schemaTypes = aliases.length ? "components, paths" : "paths";

  const lines = [
    "import {",
    ...coreValues.sort().map((name) => `  ${name},`),
    "  type ApiClient,",
    "  type ApiClientOptions,",
    '} from "@rollcall/core";',
    // tsdown inlines the version, so the User-Agent follows `changeset version`.
    'import { version } from "../../package.json";',
    ...(checks ? [`import { ${checks.export} } from "../${checks.module}";`] : []),
    'import { operations } from "./operations";',
    `import type { ${schemaTypes} } from "./schema";`,
    'import { vendor } from "./vendor";',
    "",
    `/** The typed ${vendor.title} client: openapi-fetch's methods over the spec's paths. */`,
    `export type ${client} = ApiClient<paths, ${media}>;`,
    "",
  ];
  if (facts.regions) {
    lines.push(
      `/** Where the ${vendor.title} account is hosted: the spec's servers, by \`x-rollcall-region\`. */`,
      `export type ${stem}Region = keyof typeof vendor.regions;`,
      "",
    );
  }
  lines.push(
    `/** Options of {@link ${factory}}: its credentials plus every core runtime option. */`,
    `export interface ${client}Options extends ApiClientOptions {`,
  );
  for (const { option, description } of facts.credentials) {
    const text = docs.get(option) ?? (description ? `${capitalised(description)}.` : undefined);
    if (text) lines.push(doc(text, "  "));
    lines.push(`  ${option}: string;`);
  }
  if (facts.regions) {
    lines.push(
      `  /** Where the account is hosted (default ${JSON.stringify(facts.defaultRegion)}); \`baseUrl\` overrides it. */`,
      `  region?: ${stem}Region;`,
    );
  }
  const tables = ["operationChecks(vendor.id, operations)", ...(checks ? [checks.export] : [])];
  lines.push(
    "}",
    "",
    "// Built once: the checks are the same for every client.",
    `const checkRequest = checksByRoute(${tables.join(", ")});`,
    "",
    "/**",
    ` * A typed ${vendor.title} client: auth, media type, error bodies and parameter checks from`,
    ` * ${vendor.spec}; timeouts, retries and typed errors from @rollcall/core.`,
    " */",
    `export function ${factory}(options: ${client}Options): ${client} {`,
    `  return createVendorClient<paths, ${media}>(vendor, options, {`,
    `    operation: ${JSON.stringify(factory)},`,
    "    packageVersion: version,",
    "    checkRequest,",
    "  });",
    "}",
    "",
  );
  if (facts.errorBody) {
    lines.push(
      `/** Reads ${vendor.title}'s error bodies as the client does (\`x-rollcall-error-body\`); undefined otherwise. */`,
      "// A function, not a reader built when the module loads, so a bundle without it drops it.",
      `export function parse${stem}Error(body: unknown) {`,
      "  return errorBodyReader(vendor.errorBody)(body);",
      "}",
      "",
    );
  }
  for (const { route, name, options } of listings) {
    const type = `${capitalised(name)}Options`;
    lines.push(
      "/**",
      ` * Every item of ${route}, fetched lazily page by page (\`x-rollcall-pagination\`):`,
      ` * \`for await (const item of ${name}(client)) …\`. Bad options throw a ClientValidationError`,
      " * before anything is sent.",
      " */",
      // Pure: a bundle that does not list drops the listing (and core's paginator) entirely.
      `export const ${name} = /* @__PURE__ */ paginator<paths>()(`,
      `  operations,`,
      `  ${JSON.stringify(route)},`,
      `  ${JSON.stringify(name)},`,
      ...(Object.keys(options).length ? [`  ${JSON.stringify(options)},`] : []),
      ");",
      "",
      `/** Options of {@link ${name}}: \`pageSize\`, \`maxPages\`, \`call\` and the named query parameters. */`,
      `export type ${type} = NonNullable<Parameters<typeof ${name}>[1]>;`,
      "",
    );
  }
  for (const [name, schema] of aliases) {
    lines.push(
      `/** The spec's \`${schema}\` (\`x-rollcall-type-aliases\`). */`,
      `export type ${name} = components["schemas"][${JSON.stringify(schema)}];`,
      "",
    );
  }
  return lines.join("\n");
}
