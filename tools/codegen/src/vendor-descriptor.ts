import { isRecord, resolve, type Json } from "./json-document";
// The facts of a spec that the client runtime needs, read once by codegen into the vendor's
// generated descriptor (src/generated/vendor.ts). @rollcall/core interprets the descriptor; the
// `satisfies VendorDescriptor` in the generated file makes tsc hold the two to one shape.
import { CodegenError } from "./codegen-error";
import { rateLimits, type RateLimitFact } from "./rate-limit-facts";
import type { Vendor } from "./registry";

/** Upper-case methods in the order core lists them. */
const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
type Method = (typeof METHODS)[number];

/** core's ApiErrorKind values (tsc checks the generated descriptor against the real type). */
const ERROR_KINDS = ["bad-request", "authentication", "not-found", "rate-limit", "server", "other"];
const ARRAY_STYLES = ["form", "spaceDelimited", "pipeDelimited"];
const NAME = /^[a-z][a-z0-9-]*$/;
const OPTION = /^[A-Za-z_]\w*$/;

export interface CredentialFact {
  option: string;
  description?: string;
  /** Sent in a header: it must be Latin-1. */
  header?: boolean;
}

/** Where a credential goes, as the spec says; {@link toRuntimeAuth} turns these into the descriptor's. */
type Placement =
  | { type: "header"; name: string; credential: string; prefix?: string }
  | { type: "bearer"; credential: string }
  | { type: "basic"; username: string; password: string }
  | { type: "query" | "body"; name: string; credential: string; prefix?: undefined };

/** Which operations a placement is for: every one, or those of some methods and routes. */
interface Scope {
  methods?: Method[];
  /** `"METHOD /path"`: operations whose method's other operations authenticate otherwise. */
  routes?: string[];
}

type Templates = Record<string, string>;

/** core's AuthOptions, each value a template: `{apiKey}` is the `apiKey` credential's value. */
export interface AuthFact {
  headers?: Templates;
  scopedHeaders?: { headers: Templates } & Scope;
  query?: { params: Templates } & Scope;
  body?: { fields: Templates } & Scope;
}

export interface ErrorBodyShapeFact {
  at?: string;
  message?: string[];
  code?: string[];
  separator?: string;
}

/** What codegen writes into the descriptor beyond the registry row. */
export interface DescriptorFacts {
  regions?: Record<string, string>;
  defaultRegion?: string;
  credentials: CredentialFact[];
  auth: AuthFact;
  /** HTTP Basic: the user-name and password credentials. */
  basic?: [string, string];
  mediaType: string;
  headers: Templates;
  bodyHeaders?: Templates;
  querySerializer?: { array: { style: string; explode: boolean } };
  errorKinds?: Record<string, string>;
  errorBody?: ErrorBodyShapeFact[];
  rateLimits?: RateLimitFact[];
}

/** Reads and validates the descriptor facts of one bundled spec; a fault names spec and JSON path. */
export function describeVendor(vendor: Vendor, document: Json): DescriptorFacts {
  const problems: string[] = [];
  const fail = (path: string, message: string): undefined => {
    problems.push(`${vendor.spec}: ${path} ${message}`);
    return undefined;
  };
  const resolveRef = (value: unknown) => resolve(document, value);
  const operations = operationsOf(document, resolveRef);

  const json = mediaType(operations, fail);
  const facts: DescriptorFacts = {
    ...servers(vendor, document, fail),
    ...toRuntimeAuth(auth(document, operations, fail)),
    mediaType: json,
    headers: { Accept: json },
    // openapi-fetch labels bodies application/json by itself; another media type must be said.
    ...(json !== "application/json" && { bodyHeaders: { "Content-Type": json } }),
  };
  const query = querySerializer(operations, resolveRef, fail);
  if (query) facts.querySerializer = query;
  const kinds = errorKinds(document["x-rollcall-error-kinds"], fail);
  if (kinds) facts.errorKinds = kinds;
  const body = errorBody(document["x-rollcall-error-body"], fail);
  if (body) facts.errorBody = body;
  const routes = operations.map((operation) => operation.route);
  const limits = rateLimits(document["x-rollcall-rate-limits"], routes, fail);
  if (limits) facts.rateLimits = limits;
  // A scheme fault is found once per operation that uses it: report it once.
  if (problems.length > 0) throw new CodegenError([...new Set(problems)]);
  return facts;
}

interface Operation {
  /** JSON path of the operation, e.g. `paths./users.get`. */
  where: string;
  /** `"METHOD /path"`, as core's auth scopes and request checks name it. */
  route: string;
  method: Method;
  node: Json;
  parameters: unknown[];
}

function operationsOf(document: Json, resolve: (value: unknown) => unknown): Operation[] {
  const paths = isRecord(document.paths) ? document.paths : {};
  return Object.entries(paths).flatMap(([path, item]) => {
    if (!isRecord(item)) return [];
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    return METHODS.flatMap((method) => {
      const node = item[method.toLowerCase()];
      if (!isRecord(node)) return [];
      const own = Array.isArray(node.parameters) ? node.parameters : [];
      const parameters = [...shared, ...own].map(resolve);
      const where = `paths.${path}.${method.toLowerCase()}`;
      return [{ where, route: `${method} ${path}`, method, node, parameters }];
    });
  });
}

type Fail = (path: string, message: string) => undefined;

/** Named regions from `x-rollcall-region` on each server; the registry's base URL is the default. */
function servers(vendor: Vendor, document: Json, fail: Fail) {
  const list = Array.isArray(document.servers) ? document.servers : [];
  const regions: Record<string, string> = {};
  list.forEach((server, index) => {
    const where = `servers[${index}]`;
    if (!isRecord(server) || typeof server.url !== "string") return fail(where, "needs a url");
    const region = server["x-rollcall-region"];
    if (region === undefined) {
      if (list.length > 1) fail(where, "needs x-rollcall-region: the spec has several servers");
      return;
    }
    if (typeof region !== "string" || !NAME.test(region))
      return fail(`${where}.x-rollcall-region`, "must be a lower-case name such as us or eu");
    if (region in regions) return fail(`${where}.x-rollcall-region`, `repeats "${region}"`);
    regions[region] = server.url;
  });
  const urls = list.map((server) => (isRecord(server) ? server.url : undefined));
  if (!urls.includes(vendor.defaultBaseUrl))
    fail("servers", `lists no server with the registry's defaultBaseUrl ${vendor.defaultBaseUrl}`);
  if (Object.keys(regions).length === 0) return {};
  const defaultRegion = Object.keys(regions).find((r) => regions[r] === vendor.defaultBaseUrl);
  return { regions, ...(defaultRegion && { defaultRegion }) };
}

/**
 * Auth placements from the security schemes, `security` and x-rollcall-api-key-in-body: per method
 * where all its operations agree, else per operation (route).
 */
function auth(document: Json, operations: Operation[], fail: Fail) {
  const components = isRecord(document.components) ? document.components : {};
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
  const credentials: CredentialFact[] = [];
  const placements = new Map<string, Placement>();

  const credentialOf = (name: string, fallback: string): string | undefined => {
    const where = `components.securitySchemes.${name}.x-rollcall-credential`;
    const value = (schemes[name] as Json)["x-rollcall-credential"] ?? { option: fallback };
    if (!isRecord(value) || typeof value.option !== "string" || !OPTION.test(value.option))
      return fail(
        where,
        "must be { option: <option name>, description?: <text>, prefix?: <text> }",
      );
    if (value.description !== undefined && typeof value.description !== "string")
      return fail(`${where}.description`, "must be a string");
    if (value.prefix !== undefined && !prefixOf(value.prefix))
      return fail(`${where}.prefix`, 'must be a scheme word and one space, e.g. "GenieKey "');
    if (!credentials.some((c) => c.option === value.option))
      credentials.push({
        option: value.option,
        ...(typeof value.description === "string" && { description: value.description }),
      });
    return value.option;
  };

  /** The placement of a scheme by name, or undefined (after a failure) when it has none. */
  const placementOf = (name: string, where: string, inBody: boolean): Placement | undefined => {
    const scheme = schemes[name];
    if (!isRecord(scheme)) return fail(where, `names no scheme in components.securitySchemes`);
    const at = `components.securitySchemes.${name}`;
    if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "bearer") {
      const credential = credentialOf(name, "token");
      return credential === undefined ? undefined : { type: "bearer", credential };
    }
    if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "basic") {
      const value = scheme["x-rollcall-credential"] ?? {
        username: "username",
        password: "password",
      };
      if (
        !isRecord(value) ||
        typeof value.username !== "string" ||
        typeof value.password !== "string" ||
        !OPTION.test(value.username) ||
        !OPTION.test(value.password)
      )
        return fail(
          `${at}.x-rollcall-credential`,
          "must be { username: <option>, password: <option> }",
        );
      for (const option of [value.username, value.password])
        if (!credentials.some((c) => c.option === option)) credentials.push({ option });
      return { type: "basic", username: value.username, password: value.password };
    }
    if (scheme.type === "apiKey" && typeof scheme.name === "string") {
      const credential = credentialOf(name, "apiKey");
      if (credential === undefined) return undefined;
      if (inBody) return { type: "body", name: scheme.name, credential };
      const prefix = prefixOf((scheme["x-rollcall-credential"] as Json | undefined)?.prefix);
      if (scheme.in === "header")
        return { type: "header", name: scheme.name, credential, ...(prefix && { prefix }) };
      if (scheme.in === "query") return { type: "query", name: scheme.name, credential };
    }
    return fail(at, "is a kind of security scheme the client runtime cannot place");
  };

  const globalSecurity = document.security ?? [];
  const byMethod = new Map<Method, { key: string; route: string }[]>();
  for (const operation of operations) {
    const { node, where } = operation;
    const inBody = node["x-rollcall-api-key-in-body"];
    if (inBody !== undefined && inBody !== true)
      fail(`${where}.x-rollcall-api-key-in-body`, "must be true when present");
    let placement: Placement | undefined;
    if (inBody === true) {
      // The key of the spec-wide apiKey scheme, as a JSON body property of the scheme's name.
      const name = schemeNameOf(globalSecurity, "security", fail);
      placement = name === undefined ? undefined : placementOf(name, "security", true);
    } else {
      const security = node.security ?? globalSecurity;
      const at = node.security === undefined ? "security" : `${where}.security`;
      const name = schemeNameOf(security, at, fail);
      placement = name === undefined ? undefined : placementOf(name, at, false);
    }
    const key = placement ? JSON.stringify(placement) : "none";
    if (placement) placements.set(key, placement);
    const uses = byMethod.get(operation.method) ?? [];
    byMethod.set(operation.method, [...uses, { key, route: operation.route }]);
  }

  // A method whose operations all agree is placed per method; one whose operations differ (v1 and
  // v2 of one vendor) per route, which core matches by the path template a call names.
  const scopes = new Map<string, { methods: Method[]; routes: string[] }>();
  const scopeOf = (key: string) => {
    if (!scopes.has(key)) scopes.set(key, { methods: [], routes: [] });
    return scopes.get(key)!;
  };
  let split = false;
  for (const [method, uses] of byMethod) {
    if (new Set(uses.map((use) => use.key)).size === 1) scopeOf(uses[0]!.key).methods.push(method);
    else {
      split = true;
      for (const { key, route } of uses) scopeOf(key).routes.push(route);
    }
  }
  const everyMethod = [...byMethod.keys()];
  const auth: { placement: Placement; scope?: Scope }[] = [];
  for (const [key, { methods, routes }] of scopes) {
    const placement = placements.get(key);
    if (!placement) continue;
    if (!split && methods.length === everyMethod.length) {
      auth.push({ placement });
      continue;
    }
    if (placement.type === "basic") {
      fail(
        "security",
        "puts HTTP Basic credentials on some operations only; core sends them on all",
      );
      continue;
    }
    auth.push({
      placement,
      scope: { ...(methods.length > 0 && { methods }), ...(routes.length > 0 && { routes }) },
    });
  }
  const scopedHeaders = auth.filter(
    ({ placement, scope }) => scope && placement.type !== "query" && placement.type !== "body",
  );
  if (scopedHeaders.length > 1)
    fail("security", "scopes several header credentials to some operations; core places one");
  return { credentials, auth };
}

/** The placements as core's AuthOptions of templates, and which credentials go in headers. */
function toRuntimeAuth({
  credentials,
  auth,
}: {
  credentials: CredentialFact[];
  auth: { placement: Placement; scope?: Scope }[];
}) {
  const runtime: AuthFact = {};
  let basic: [string, string] | undefined;
  const inHeader = new Set<string>();
  for (const { placement, scope } of auth) {
    if (placement.type === "basic") basic = [placement.username, placement.password];
    else if (placement.type === "query" || placement.type === "body") {
      const values = { [placement.name]: `{${placement.credential}}` };
      if (placement.type === "query") runtime.query = { params: values, ...scope };
      else runtime.body = { fields: values, ...scope };
    } else {
      inHeader.add(placement.credential);
      const [name, value] =
        placement.type === "bearer"
          ? ["Authorization", `Bearer {${placement.credential}}`]
          : [placement.name, `${placement.prefix ?? ""}{${placement.credential}}`];
      if (scope) runtime.scopedHeaders = { headers: { [name]: value }, ...scope };
      else runtime.headers = { ...runtime.headers, [name]: value };
    }
  }
  return {
    credentials: credentials.map((c) => (inHeader.has(c.option) ? { ...c, header: true } : c)),
    auth: runtime,
    ...(basic && { basic }),
  };
}

/** A header credential's prefix (`x-rollcall-credential.prefix`), e.g. "GenieKey ", or undefined. */
function prefixOf(value: unknown): string | undefined {
  return typeof value === "string" && /^[A-Za-z][\w-]* $/.test(value) ? value : undefined;
}

/** The one scheme a security requirement list names, or undefined when it names none. */
function schemeNameOf(security: unknown, where: string, fail: Fail): string | undefined {
  if (!Array.isArray(security)) return fail(where, "must be a list of security requirements");
  const names = security.flatMap((requirement) =>
    isRecord(requirement) ? Object.keys(requirement) : [],
  );
  if (names.length > 1) return fail(where, "names several schemes; the client places only one");
  return names[0];
}

/** The one JSON media type of the request and response bodies (default application/json). */
function mediaType(operations: Operation[], fail: Fail): string {
  const types = new Set<string>();
  const collect = (content: unknown) => {
    if (!isRecord(content)) return;
    for (const type of Object.keys(content))
      if (type === "application/json" || /^application\/[\w.-]+\+json$/.test(type)) types.add(type);
  };
  // Bodies and responses are usually $refs into components: read them where they are.
  for (const { node } of operations) {
    collect(isRecord(node.requestBody) ? node.requestBody.content : undefined);
    for (const response of Object.values(isRecord(node.responses) ? node.responses : {}))
      collect(isRecord(response) ? response.content : undefined);
  }
  if (types.size > 1) fail("paths", `use several JSON media types (${[...types].join(", ")})`);
  return [...types][0] ?? "application/json";
}

/** openapi-fetch's array serialisation, from the query parameters' `style` and `explode`. */
function querySerializer(
  operations: Operation[],
  resolve: (value: unknown) => unknown,
  fail: Fail,
) {
  const seen = new Map<string, string>();
  for (const { where, parameters } of operations) {
    for (const parameter of parameters) {
      if (!isRecord(parameter) || parameter.in !== "query") continue;
      const schema = resolve(parameter.schema);
      if (!isRecord(schema) || schema.type !== "array") continue;
      const style = parameter.style ?? "form";
      const explode = parameter.explode ?? style === "form";
      const at = `${where} parameter ${String(parameter.name)}`;
      if (
        typeof style !== "string" ||
        !ARRAY_STYLES.includes(style) ||
        typeof explode !== "boolean"
      ) {
        fail(at, `has a style/explode the client cannot send (${String(style)})`);
        continue;
      }
      seen.set(JSON.stringify({ style, explode }), at);
    }
  }
  if (seen.size > 1) fail([...seen.values()].join(", "), "serialise arrays differently");
  const only = [...seen.keys()][0];
  const array =
    only === undefined ? undefined : (JSON.parse(only) as { style: string; explode: boolean });
  // form + explode is openapi-fetch's default: nothing to say.
  return !array || (array.style === "form" && array.explode) ? undefined : { array };
}

function errorKinds(value: unknown, fail: Fail): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const where = "x-rollcall-error-kinds";
  if (!isRecord(value)) return fail(where, "must map HTTP statuses to error kinds");
  for (const [status, kind] of Object.entries(value)) {
    if (!/^[45]\d\d$/.test(status)) fail(`${where}.${status}`, "is not a 4xx or 5xx status");
    if (typeof kind !== "string" || !ERROR_KINDS.includes(kind))
      fail(`${where}.${status}`, `must be one of ${ERROR_KINDS.join(", ")}`);
  }
  return value as Record<string, string>;
}

function errorBody(value: unknown, fail: Fail): ErrorBodyShapeFact[] | undefined {
  if (value === undefined) return undefined;
  const where = "x-rollcall-error-body";
  if (!Array.isArray(value)) return fail(where, "must be a list of error-body shapes");
  const strings = (list: unknown) =>
    Array.isArray(list) &&
    list.length > 0 &&
    list.every((item) => typeof item === "string" && item);
  value.forEach((shape, index) => {
    const at = `${where}[${index}]`;
    if (!isRecord(shape)) return fail(at, "must be an object");
    for (const key of Object.keys(shape))
      if (!["at", "message", "code", "separator"].includes(key))
        fail(`${at}.${key}`, "is not a shape field (at, message, code, separator)");
    if (shape.at !== undefined && (typeof shape.at !== "string" || !shape.at))
      fail(`${at}.at`, "must be a dotted path such as error or errors");
    for (const key of ["message", "code"] as const)
      if (shape[key] !== undefined && !strings(shape[key]))
        fail(`${at}.${key}`, "must be a non-empty list of field names");
    if (shape.message === undefined && shape.code === undefined)
      fail(at, "needs message or code fields");
    if (shape.separator !== undefined && typeof shape.separator !== "string")
      fail(`${at}.separator`, "must be a string");
  });
  return value as ErrorBodyShapeFact[];
}
