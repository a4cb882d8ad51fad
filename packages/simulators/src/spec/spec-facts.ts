// What a simulator learns from its vendor's spec instead of having it re-typed: the base path
// (from `servers`), the JSON media type (from the operations' content), where credentials go (from
// `securitySchemes`, `security` and `x-rollcall-api-key-in-body`) and which fields are secret.
import type { CredentialField } from "../credentials";
import type { RateLimitRule } from "../server/rate-limits";
import { toRouteKey } from "./contract";
import {
  HTTP_METHODS,
  resolveLocal,
  type OpenApiDocument,
  type Operation,
  type Reference,
  type RequestBody,
  type Response,
} from "./openapi-document";

/** Where a request may carry the credential: a header, the query, the JSON body, or HTTP auth. */
export type CredentialPlacement =
  | { in: "header" | "query" | "body"; name: string; prefix?: string }
  | { in: "bearer" }
  | { in: "basic" };

export interface SpecFacts {
  /** The path the first server URL carries (`/v4` for Uptrends), or "". */
  basePath: string;
  /** The one media type the operations' bodies use (`application/vnd.api+json` for Rootly). */
  jsonMediaType: string;
  /** The credentials, named as the vendor client's options name them. */
  credentials: readonly CredentialField[];
  /** Per route key (`POST /v1/json/user`), where the credential may be sent. */
  placements: ReadonlyMap<string, readonly CredentialPlacement[]>;
  /** Query and body field names that carry secrets (a query key, `format: password` properties). */
  secretFields: readonly string[];
  /** The vendor's request limits (`x-rollcall-rate-limits`). */
  rateLimits: readonly RateLimitRule[];
}

interface SecurityScheme {
  type?: string;
  in?: string;
  name?: string;
  scheme?: string;
  /** `prefix`: what the header value starts with before the key, e.g. "GenieKey ". */
  "x-rollcall-credential"?: { prefix?: unknown };
}

type SecurityRequirement = Record<string, unknown>;

/** Extension marking an operation whose API key rides in the JSON body (OpsGenie's POSTs). */
const KEY_IN_BODY = "x-rollcall-api-key-in-body";

class SpecFactError extends Error {
  constructor(spec: OpenApiDocument, message: string) {
    super(`${spec.info?.title ?? "spec"}: ${message}`);
    this.name = "SpecFactError";
  }
}

function placementOf(spec: OpenApiDocument, schemeName: string): CredentialPlacement {
  const scheme = spec.components?.securitySchemes?.[schemeName] as SecurityScheme | undefined;
  if (scheme?.type === "apiKey" && (scheme.in === "header" || scheme.in === "query")) {
    const prefix = scheme["x-rollcall-credential"]?.prefix;
    return {
      in: scheme.in,
      name: scheme.name ?? "",
      ...(scheme.in === "header" && typeof prefix === "string" && { prefix }),
    };
  }
  if (scheme?.type === "http" && (scheme.scheme === "bearer" || scheme.scheme === "basic")) {
    return { in: scheme.scheme };
  }
  throw new SpecFactError(
    spec,
    `security scheme ${JSON.stringify(schemeName)} is not one the simulators can check`,
  );
}

// The client options that carry each kind of credential; the vendor clients use the same names.
function credentialsFor(placement: CredentialPlacement): CredentialField[] {
  switch (placement.in) {
    case "bearer":
      return [{ name: "token", secret: true }];
    case "basic":
      return [
        { name: "username", secret: false },
        { name: "password", secret: true },
      ];
    default:
      return [{ name: "apiKey", secret: true }];
  }
}

function placementsOf(spec: OpenApiDocument, requirements: unknown): CredentialPlacement[] {
  if (!Array.isArray(requirements)) return [];
  return (requirements as SecurityRequirement[]).flatMap((requirement) =>
    Object.keys(requirement).map((name) => placementOf(spec, name)),
  );
}

function* operationsOf(
  spec: OpenApiDocument,
): Generator<[string, Operation & Record<string, unknown>]> {
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method] as (Operation & Record<string, unknown>) | undefined;
      if (operation) yield [toRouteKey(method, path), operation];
    }
  }
}

function mediaTypesOf(spec: OpenApiDocument, operation: Operation, where: string): string[] {
  const bodies: { value: RequestBody | Response | Reference; pointer: string }[] = [];
  if (operation.requestBody) bodies.push({ value: operation.requestBody, pointer: where });
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    bodies.push({ value: response, pointer: `${where}/responses/${status}` });
  }
  return bodies.flatMap((body) =>
    Object.keys(resolveLocal<RequestBody | Response>(spec, body).value.content ?? {}),
  );
}

function secretProperties(node: unknown, found: Set<string>): void {
  if (typeof node !== "object" || node === null) return;
  const properties = (node as { properties?: unknown }).properties;
  if (typeof properties === "object" && properties !== null) {
    for (const [name, schema] of Object.entries(properties)) {
      if ((schema as { format?: unknown } | null)?.format === "password") found.add(name);
    }
  }
  for (const child of Object.values(node)) secretProperties(child, found);
}

/** Reads the simulator-relevant facts out of a bundled spec; throws naming what it cannot read. */
export function specFacts(spec: OpenApiDocument): SpecFacts {
  const server = spec.servers?.[0]?.url;
  const basePath = server ? new URL(server).pathname.replace(/\/+$/, "") : "";

  const defaults = placementsOf(spec, spec.security);
  const placements = new Map<string, CredentialPlacement[]>();
  const jsonTypes = new Set<string>();
  for (const [routeKey, operation] of operationsOf(spec)) {
    const own = placementsOf(spec, operation.security);
    const accepted = operation.security === undefined ? [...defaults] : own;
    if (operation[KEY_IN_BODY] === true) {
      const key = defaults.find((placement) => placement.in === "query");
      if (!key || !("name" in key)) {
        throw new SpecFactError(spec, `${routeKey} has ${KEY_IN_BODY} but no apiKey scheme`);
      }
      accepted.push({ in: "body", name: key.name });
    }
    placements.set(routeKey, accepted);
    for (const type of mediaTypesOf(spec, operation, routeKey)) {
      if (type.endsWith("json")) jsonTypes.add(type);
    }
  }
  if (jsonTypes.size !== 1) {
    throw new SpecFactError(
      spec,
      `expected one JSON media type across the operations, found ${[...jsonTypes].join(", ") || "none"}`,
    );
  }

  const credentials = new Map<string, CredentialField>();
  for (const placement of [...placements.values()].flat()) {
    for (const field of credentialsFor(placement)) credentials.set(field.name, field);
  }
  const secretFields = new Set<string>();
  for (const placement of [...placements.values()].flat()) {
    if (placement.in === "query" || placement.in === "body") secretFields.add(placement.name);
  }
  secretProperties(spec.components?.schemas, secretFields);

  return {
    basePath,
    jsonMediaType: [...jsonTypes][0] ?? "application/json",
    credentials: [...credentials.values()],
    placements,
    secretFields: [...secretFields],
    rateLimits: rateLimitRules(spec),
  };
}

const EXTENSION = "x-rollcall-rate-limits";

/** The spec's x-rollcall-rate-limits as rules (codegen has validated the committed specs). */
function rateLimitRules(spec: Record<string, unknown>): RateLimitRule[] {
  const limits = spec[EXTENSION];
  if (!Array.isArray(limits)) return [];
  return limits.map((limit: Record<string, unknown>) => {
    const scope = (limit.scope ?? {}) as { methods?: string[]; routes?: string[] };
    const headers = limit.headers as Record<string, string> | undefined;
    return {
      id: String(limit.id),
      keyedBy: limit.keyedBy === "ip" ? "ip" : "credential",
      requests: Number(limit.requests),
      windowMs: Number(limit.windowSeconds) * 1000,
      ...(scope.methods && { methods: scope.methods.map((method) => method.toUpperCase()) }),
      ...(scope.routes && {
        routes: scope.routes.map((route) => {
          const [method = "", path = ""] = route.split(" ");
          return toRouteKey(method, path);
        }),
      }),
      ...(headers && {
        headers: Object.fromEntries(
          Object.entries(headers).map(([role, name]) => [
            role,
            role === "resetIn" ? name : name.toLowerCase(),
          ]),
        ),
      }),
    };
  });
}
