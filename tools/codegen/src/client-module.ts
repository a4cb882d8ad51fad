import { isRecord, type Json } from "./json-document";
// The source of a vendor's `src/generated/client.ts`: the client type, its options, the factory,
// the error-body reader, one listing per paged operation and the friendly type names. Everything
// here follows from the registry row, the descriptor and the spec's x-rollcall-* extensions
// (specs/README.md), so no vendor package writes it by hand.
import { CodegenError } from "./codegen-error";
import type { Listing } from "./operation-rules";
import type { Vendor } from "./registry";
import type { DescriptorFacts } from "./vendor-descriptor";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** A module beside `src/generated/`, e.g. `guards` for `src/guards.ts`. */
const MODULE = /^[a-z][\w-]*(\/[a-z][\w-]*)*$/;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `acme` → `Acme`, `big-co` → `BigCo`: the stem of the vendor's exported names. */
const vendorStem = (id: string) => id.split("-").map(capitalised).join("");

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

/** A credential template of the descriptor (`"Bearer {token}"`) as an expression over `credentials`. */
function templateExpression(template: string): string {
  const parts = template.split(/\{(\w+)\}/);
  const terms = parts.flatMap((part, i) =>
    i % 2 ? [`credentials.${part}`] : part ? [JSON.stringify(part)] : [],
  );
  return terms.length === 1 && parts.length === 3 && !parts[0] && !parts[2]
    ? terms[0]!
    : terms.join(" + ");
}

/** A value as source: strings through `string`, everything else as JSON. */
function source(value: unknown, string: (text: string) => string = JSON.stringify): string {
  if (typeof value === "string") return string(value);
  if (Array.isArray(value)) return `[${value.map((item) => source(item, string)).join(", ")}]`;
  if (value && typeof value === "object")
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${source(item, string)}`)
      .join(", ")} }`;
  return JSON.stringify(value);
}

/**
 * The factory's body: the options checked and split (region, credentials, the rest for core's
 * createApiClient), and the vendor config written out for this vendor only — so a client bundle
 * carries no interpreter of the descriptor, only what this vendor uses.
 */
function factoryBody(vendor: Vendor, facts: DescriptorFacts, factory: string): string[] {
  const { credentials, regions, basic } = facts;
  const names = credentials.map((c) => c.option);
  const given = (option: string) => `${option}Option`;
  const picked = [...(regions ? ["region"] : []), ...names];
  const lines = [
    `  const site = { vendor: ${JSON.stringify(vendor.id)}, operation: ${JSON.stringify(factory)} };`,
    `  requireOptionsObject(options, site, ${JSON.stringify(`an object with at least { ${names.join(", ")} }`)});`,
    `  const { ${picked.map((name) => `${name}: ${given(name)}`).join(", ")}, ...rest } = options;`,
  ];
  let baseUrl = JSON.stringify(vendor.defaultBaseUrl);
  if (regions) {
    const choices = Object.keys(regions).map((name) => JSON.stringify(name));
    lines.push(
      `  const region: unknown = ${given("region")} ?? ${JSON.stringify(facts.defaultRegion)};`,
      `  const regions = ${source(regions)};`,
      '  if (typeof region !== "string" || !Object.hasOwn(regions, region)) {',
      "    throw new ClientValidationError({",
      "      ...site,",
      '      field: "options.region",',
      `      message: \`must be ${choices.join(" or ").replace(/`/g, "\\`")}, got \${JSON.stringify(String(region)).slice(0, 40)}\`,`,
      "    });",
      "  }",
    );
    baseUrl = "regions[region as keyof typeof regions]";
  }
  // Checked in the spec's order, so the first bad credential is the one reported.
  lines.push("  const credentials = {");
  for (const { option, description, header } of credentials) {
    const where = {
      field: `options.${option}`,
      ...(description && { description }),
      ...(header && { header }),
    };
    lines.push(
      `    ${option}: requireCredential(${given(option)}, { ...site, ${source(where).slice(2)}),`,
    );
  }
  lines.push("  };");
  // Credential templates become expressions ("\0" marks code); methods and routes stay strings.
  const expressions = (templates: Record<string, string> = {}) =>
    Object.fromEntries(
      Object.entries(templates).map(([name, text]) => [name, `\0${templateExpression(text)}`]),
    );
  const { headers: authHeaders, scopedHeaders, query, body } = facts.auth;
  const auth: Record<string, unknown> = {
    ...(authHeaders && { headers: expressions(authHeaders) }),
    ...(scopedHeaders && {
      scopedHeaders: { ...scopedHeaders, headers: expressions(scopedHeaders.headers) },
    }),
    ...(query && { query: { ...query, params: expressions(query.params) } }),
    ...(body && { body: { ...body, fields: expressions(body.fields) } }),
  };
  let secrets = "";
  if (basic) {
    const [username, password] = basic;
    lines.push(
      "  // RFC 7617: the user-id cannot contain a colon (the server would split the pair there).",
      `  if (credentials.${username}.includes(":")) {`,
      "    throw new ClientValidationError({",
      "      ...site,",
      `      field: "options.${username}",`,
      '      message: "must not contain a colon (HTTP Basic separates user name and password with one)",',
      "    });",
      "  }",
    );
    auth.headers = {
      ...(auth.headers as object),
      Authorization: `\0basicAuthorization(credentials.${username}, credentials.${password})`,
    };
    // The header value and its base64 part are registered by core; the bare password too.
    secrets = `    secrets: [credentials.${password}],`;
  }
  const config = [
    `    vendor: ${JSON.stringify(vendor.id)},`,
    `    packageName: ${JSON.stringify(vendor.package)},`,
    "    packageVersion: version,",
    `    baseUrl: ${baseUrl},`,
    `    auth: ${source(auth, (text) => (text.startsWith("\0") ? text.slice(1) : JSON.stringify(text)))},`,
    ...(secrets ? [secrets] : []),
    `    headers: ${source(facts.headers)},`,
    ...(facts.bodyHeaders ? [`    bodyHeaders: ${source(facts.bodyHeaders)},`] : []),
    ...(facts.querySerializer ? [`    querySerializer: ${source(facts.querySerializer)},`] : []),
    ...(facts.errorKinds ? [`    errorKinds: ${source(facts.errorKinds)},`] : []),
    ...(facts.errorBody ? ["    parseErrorBody: readErrorBody,"] : []),
    ...(facts.rateLimits ? ["    rateLimiter: paceToLimits,"] : []),
    "    checkRequest,",
  ];
  lines.push(
    `  return createApiClient<paths, ${JSON.stringify(facts.mediaType)}>(`,
    "    {",
    ...config.map((line) => `  ${line}`),
    "    },",
    "    rest,",
    "  );",
  );
  return lines;
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
  const media = JSON.stringify(facts.mediaType);
  const docs = credentialDocs(document);
  const coreValues = [
    "checksByRoute",
    "createApiClient",
    "operationChecks",
    "requireCredential",
    "requireOptionsObject",
  ];
  if (facts.regions || facts.basic) coreValues.push("ClientValidationError");
  if (facts.basic) coreValues.push("basicAuthorization");
  if (facts.errorBody) coreValues.push("errorBodyReader");
  if (facts.rateLimits) coreValues.push("rateLimiter");
  if (listings.length) coreValues.push("paginator");
  const schemaTypes = aliases.length ? "components, paths" : "paths";
  const regionType = Object.keys(facts.regions ?? {})
    .map((name) => JSON.stringify(name))
    .join(" | ");

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
    ...(facts.rateLimits ? ['import { rateLimits } from "./vendor";'] : []),
    "",
    `/** The typed ${vendor.title} client: openapi-fetch's methods over the spec's paths. */`,
    `export type ${client} = ApiClient<paths, ${media}>;`,
    "",
  ];
  if (facts.regions) {
    lines.push(
      `/** Where the ${vendor.title} account is hosted: the spec's servers, by \`x-rollcall-region\`. */`,
      `export type ${stem}Region = ${regionType};`,
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
  const tables = [
    `/* @__PURE__ */ operationChecks(${JSON.stringify(vendor.id)}, operations)`,
    ...(checks ? [checks.export] : []),
  ];
  lines.push(
    "}",
    "",
    "// Built once: the checks are the same for every client.",
    `const checkRequest = /* @__PURE__ */ checksByRoute(${tables.join(", ")});`,
    "",
  );
  if (facts.errorBody) {
    lines.push(
      "// Pure: a bundle that neither builds a client nor parses an error drops it.",
      `const readErrorBody = /* @__PURE__ */ errorBodyReader(${source(facts.errorBody)});`,
      "",
    );
  }
  if (facts.rateLimits) {
    lines.push(
      "// The vendor's published request limits (`x-rollcall-rate-limits`): every client with one",
      "// credential paces itself to them, so a bulk job waits for a token instead of meeting a 429.",
      "const paceToLimits = /* @__PURE__ */ rateLimiter(rateLimits);",
      "",
    );
  }
  lines.push(
    "/**",
    ` * A typed ${vendor.title} client: auth, media type, error bodies and parameter checks from`,
    ` * ${vendor.spec}; timeouts, retries and typed errors from @rollcall/core.`,
    " */",
    `export function ${factory}(options: ${client}Options): ${client} {`,
    ...factoryBody(vendor, facts, factory),
    "}",
    "",
  );
  if (facts.errorBody) {
    lines.push(
      `/** Reads ${vendor.title}${vendor.title.endsWith("s") ? "'" : "'s"} error bodies as the client does (\`x-rollcall-error-body\`); undefined otherwise. */`,
      `export function parse${stem}Error(body: unknown) {`,
      "  return readErrorBody(body);",
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
