import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import FindMyWay from "find-my-way";
import {
  escapePointerSegment,
  HTTP_METHODS,
  resolveLocal,
  type HttpMethod,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  type RequestBody,
  type Response,
} from "./openapi-document";

/** One problem found while checking a request or response against the spec. */
export interface ContractProblem {
  /** Where: `query.limit`, `path.id`, `header.x-api-key`, `body/data/type`, `response.status`... */
  location: string;
  message: string;
}

export interface ContractOperation {
  method: HttpMethod;
  /** The spec's path template, e.g. `/v1/incidents/{id}`. */
  pathTemplate: string;
  /** `METHOD /template` with placeholders blanked to `{}`: the stable key handlers register under. */
  routeKey: string;
  operationId: string | undefined;
  requestBodyMediaTypes: string[];
  requestBodyRequired: boolean;
}

export interface RouteMatch {
  operation: ContractOperation;
  pathParams: Record<string, string>;
}

export type RouteLookup =
  | { kind: "found"; match: RouteMatch }
  | { kind: "method-not-allowed"; allowed: HttpMethod[] }
  | { kind: "not-found" };

export interface RequestToCheck {
  operation: ContractOperation;
  pathParams: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** The media type sent, without parameters; undefined when there was no body. */
  mediaType: string | undefined;
  body: unknown;
}

interface CompiledOperation {
  operation: ContractOperation;
  parameters: Parameter[];
  validateParams: ValidateFunction;
  bodyValidators: Map<string, ValidateFunction>;
  responses: Map<string, CompiledResponse>;
}

interface CompiledResponse {
  /** Media type → validator; empty when the spec documents no body. */
  content: Map<string, ValidateFunction>;
}

/** `METHOD /a/{}/b`: a route key independent of how the spec names its path parameters. */
export function toRouteKey(method: string, pathTemplate: string): string {
  return `${method.toUpperCase()} ${pathTemplate.replace(/\{[^}]+\}/g, "{}")}`;
}

export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  return type === "" ? undefined : type;
}

function describeAjvError(prefix: string, error: ErrorObject): ContractProblem {
  const path = error.instancePath === "" ? prefix : `${prefix}${error.instancePath}`;
  let message = error.message ?? "is invalid";
  if (error.keyword === "additionalProperties") {
    message = `has unknown property "${String(error.params.additionalProperty)}"`;
  } else if (error.keyword === "required") {
    message = `is missing required property "${String(error.params.missingProperty)}"`;
  } else if (error.keyword === "enum") {
    message = `must be one of ${JSON.stringify(error.params.allowedValues)}`;
  }
  return { location: path, message };
}

/**
 * A validator compiled when it is first called. Compiling every schema of four specs up front cost
 * seconds at each start (`rollcall directory`'s demo starts four simulators), while a run reaches
 * a few operations; a spec's `$ref`s are checked when codegen bundles it, not here.
 */
function compiledOnFirstUse(ajv: Ajv2020, schema: object): ValidateFunction {
  let compiled: ValidateFunction | undefined;
  const validate = ((data: unknown) => {
    compiled ??= ajv.compile(schema);
    const valid = compiled(data);
    validate.errors = compiled.errors;
    return valid;
  }) as ValidateFunction;
  return validate;
}

/**
 * The spec compiled for serving: a router over its paths and ajv (JSON Schema 2020-12, the dialect
 * of OpenAPI 3.1) validators for every operation's parameters, request bodies and responses.
 */
/**
 * RFC 6531 addresses, which ajv-formats leaves out: one `@`, no spaces or controls, a dotted
 * domain. Any letters (é, ü, 中) are allowed; ASCII-only `email` stays ajv-formats' own check.
 */
const IDN_EMAIL = /^[^\s@\p{Cc}]+@[^\s@.\p{Cc}]+(?:\.[^\s@.\p{Cc}]+)+$/u;

export class Contract {
  readonly #document: OpenApiDocument;
  readonly #router = FindMyWay({ ignoreTrailingSlash: true });
  readonly #operations = new Map<string, CompiledOperation>();
  readonly #bodyAjv: Ajv2020;
  readonly #paramAjv: Ajv2020;

  constructor(document: OpenApiDocument, specId = "spec") {
    this.#document = document;
    // The spec is registered whole under an id so operation schemas are `$ref`s into it: no copying,
    // and component `$ref`s resolve as written. `discriminator` is left to oneOf's own semantics
    // because ajv's discriminator support rejects `mapping`.
    const options = { strict: false, allErrors: true, validateSchema: false } as const;
    this.#bodyAjv = new Ajv2020(options);
    this.#paramAjv = new Ajv2020({ ...options, coerceTypes: "array" });
    for (const ajv of [this.#bodyAjv, this.#paramAjv]) {
      addFormats(ajv);
      ajv.addFormat("idn-email", IDN_EMAIL);
      ajv.addSchema(document as object, specId);
    }
    for (const [pathTemplate, pathItem] of Object.entries(document.paths ?? {})) {
      if (!pathItem) continue;
      for (const method of HTTP_METHODS) {
        const operation = pathItem[method] as Operation | undefined;
        if (!operation) continue;
        const compiled = this.#compile(specId, pathTemplate, method, operation);
        this.#operations.set(compiled.operation.routeKey, compiled);
        const routerPath = pathTemplate.replace(/\{([^}]+)\}/g, ":$1");
        this.#router.on(method.toUpperCase() as "GET", routerPath, () => undefined, {
          routeKey: compiled.operation.routeKey,
        });
      }
    }
  }

  get operations(): ContractOperation[] {
    return [...this.#operations.values()].map((compiled) => compiled.operation);
  }

  lookup(method: string, path: string): RouteLookup {
    const found = this.#router.find(method.toUpperCase() as "GET", path);
    if (found) {
      const { routeKey } = found.store as { routeKey: string };
      const compiled = this.#operations.get(routeKey);
      if (compiled) {
        const pathParams: Record<string, string> = {};
        for (const [name, value] of Object.entries(found.params)) {
          if (value !== undefined) pathParams[name] = value;
        }
        return { kind: "found", match: { operation: compiled.operation, pathParams } };
      }
    }
    const allowed = HTTP_METHODS.filter(
      (other) =>
        other !== method.toLowerCase() && this.#router.find(other.toUpperCase() as "GET", path),
    );
    return allowed.length > 0 ? { kind: "method-not-allowed", allowed } : { kind: "not-found" };
  }

  checkRequest(request: RequestToCheck): ContractProblem[] {
    const compiled = this.#mustGet(request.operation.routeKey);
    const problems: ContractProblem[] = [];
    const params = this.#collectParams(compiled.parameters, request);
    if (!compiled.validateParams(params)) {
      for (const error of compiled.validateParams.errors ?? []) {
        problems.push(describeAjvError("", error));
      }
    }
    for (const problem of problems)
      problem.location = problem.location.replace(/^\//, "").replace("/", ".");

    const hasBody = request.mediaType !== undefined;
    if (!hasBody) {
      if (request.operation.requestBodyRequired) {
        problems.push({ location: "body", message: "is required" });
      }
      return problems;
    }
    const validateBody = compiled.bodyValidators.get(request.mediaType ?? "");
    if (!validateBody) {
      problems.push({ location: "header.content-type", message: this.#mediaTypeMessage(compiled) });
    } else if (!validateBody(request.body)) {
      for (const error of validateBody.errors ?? []) problems.push(describeAjvError("body", error));
    }
    return problems;
  }

  /** True when the operation documents a request body with this media type. */
  acceptsMediaType(operation: ContractOperation, mediaType: string | undefined): boolean {
    return mediaType !== undefined && operation.requestBodyMediaTypes.includes(mediaType);
  }

  checkResponse(
    operation: ContractOperation,
    status: number,
    mediaType: string | undefined,
    body: unknown,
    hasBody: boolean,
  ): ContractProblem[] {
    const compiled = this.#mustGet(operation.routeKey);
    const response =
      compiled.responses.get(String(status)) ??
      compiled.responses.get(`${String(status).charAt(0)}XX`) ??
      compiled.responses.get("DEFAULT");
    if (!response) {
      const documented = [...compiled.responses.keys()].join(", ");
      return [
        {
          location: "response.status",
          message: `${status} is not documented (documented: ${documented})`,
        },
      ];
    }
    if (response.content.size === 0) {
      return hasBody
        ? [{ location: "response.body", message: "must be empty: the spec documents no body" }]
        : [];
    }
    if (!hasBody) return [{ location: "response.body", message: "is missing" }];
    const validate = mediaType === undefined ? undefined : response.content.get(mediaType);
    if (!validate) {
      return [
        {
          location: "response.header.content-type",
          message: `"${mediaType}" is not documented (documented: ${[...response.content.keys()].join(", ")})`,
        },
      ];
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((error) => describeAjvError("response.body", error));
  }

  /** True when the spec lists this status (or its range, or a default) for the operation. */
  documentsStatus(operation: ContractOperation, status: number): boolean {
    const responses = this.#mustGet(operation.routeKey).responses;
    return (
      responses.has(String(status)) ||
      responses.has(`${String(status).charAt(0)}XX`) ||
      responses.has("DEFAULT")
    );
  }

  #mediaTypeMessage(compiled: CompiledOperation): string {
    return `must be one of ${compiled.operation.requestBodyMediaTypes.join(", ")}`;
  }

  #mustGet(routeKey: string): CompiledOperation {
    const compiled = this.#operations.get(routeKey);
    if (!compiled) throw new Error(`no operation ${routeKey} in the spec`);
    return compiled;
  }

  #collectParams(
    parameters: Parameter[],
    request: RequestToCheck,
  ): Record<string, Record<string, unknown>> {
    const collected: Record<string, Record<string, unknown>> = { path: {}, query: {}, header: {} };
    for (const parameter of parameters) {
      const bucket = collected[parameter.in];
      if (!bucket) continue;
      if (parameter.in === "path") {
        const value = request.pathParams[parameter.name];
        if (value !== undefined) bucket[parameter.name] = value;
      } else if (parameter.in === "header") {
        const value = request.headers[parameter.name.toLowerCase()];
        if (value !== undefined) bucket[parameter.name.toLowerCase()] = value;
      } else if (parameter.style === "deepObject") {
        const prefix = `${parameter.name}[`;
        const object: Record<string, string> = {};
        for (const [key, value] of request.query) {
          if (key.startsWith(prefix) && key.endsWith("]"))
            object[key.slice(prefix.length, -1)] = value;
        }
        if (Object.keys(object).length > 0) bucket[parameter.name] = object;
      } else {
        const values = request.query.getAll(parameter.name);
        if (values.length === 1) bucket[parameter.name] = values[0];
        else if (values.length > 1) bucket[parameter.name] = values;
      }
    }
    return collected;
  }

  #compile(
    specId: string,
    pathTemplate: string,
    method: HttpMethod,
    operation: Operation,
  ): CompiledOperation {
    const document = this.#document;
    const pathPointer = `/paths/${escapePointerSegment(pathTemplate)}`;
    const operationPointer = `${pathPointer}/${method}`;
    const pathItem = document.paths?.[pathTemplate];

    // Operation-level parameters override path-level ones with the same name and location.
    const byKey = new Map<string, { parameter: Parameter; pointer: string }>();
    const addAll = (list: unknown[] | undefined, pointer: string) =>
      (list ?? []).forEach((entry, index) => {
        const located = resolveLocal<Parameter>(document, {
          value: entry as Parameter,
          pointer: `${pointer}/parameters/${index}`,
        });
        byKey.set(`${located.value.in}:${located.value.name}`, {
          parameter: located.value,
          pointer: located.pointer,
        });
      });
    addAll(pathItem?.parameters, pathPointer);
    addAll(operation.parameters, operationPointer);

    const ignoredHeaders = new Set(["accept", "content-type", "authorization"]);
    const groups: Record<string, { properties: Record<string, unknown>; required: string[] }> = {
      path: { properties: {}, required: [] },
      query: { properties: {}, required: [] },
      header: { properties: {}, required: [] },
    };
    const parameters: Parameter[] = [];
    for (const { parameter, pointer } of byKey.values()) {
      const group = groups[parameter.in];
      if (!group) continue;
      const name = parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name;
      if (parameter.in === "header" && ignoredHeaders.has(name)) continue;
      parameters.push(parameter);
      group.properties[name] =
        parameter.schema === undefined ? {} : { $ref: `${specId}#${pointer}/schema` };
      if (parameter.required || parameter.in === "path") group.required.push(name);
    }
    const paramsSchema = {
      type: "object",
      properties: Object.fromEntries(
        Object.entries(groups).map(([location, group]) => [
          location,
          { type: "object", properties: group.properties, required: group.required },
        ]),
      ),
    };

    const bodyValidators = new Map<string, ValidateFunction>();
    let requestBodyRequired = false;
    if (operation.requestBody) {
      const body = resolveLocal<RequestBody>(document, {
        value: operation.requestBody,
        pointer: `${operationPointer}/requestBody`,
      });
      requestBodyRequired = body.value.required === true;
      for (const [mediaType, media] of Object.entries(body.value.content ?? {})) {
        const schema =
          media.schema === undefined
            ? {}
            : {
                $ref: `${specId}#${body.pointer}/content/${escapePointerSegment(mediaType)}/schema`,
              };
        bodyValidators.set(mediaType.toLowerCase(), compiledOnFirstUse(this.#bodyAjv, schema));
      }
    }

    const responses = new Map<string, CompiledResponse>();
    for (const [status, entry] of Object.entries(operation.responses ?? {})) {
      const response = resolveLocal<Response>(document, {
        value: entry,
        pointer: `${operationPointer}/responses/${escapePointerSegment(status)}`,
      });
      const content = new Map<string, ValidateFunction>();
      for (const [mediaType, media] of Object.entries(response.value.content ?? {})) {
        const schema =
          media.schema === undefined
            ? {}
            : {
                $ref: `${specId}#${response.pointer}/content/${escapePointerSegment(mediaType)}/schema`,
              };
        content.set(mediaType.toLowerCase(), compiledOnFirstUse(this.#bodyAjv, schema));
      }
      responses.set(status.toUpperCase(), { content });
    }

    return {
      operation: {
        method,
        pathTemplate,
        routeKey: toRouteKey(method, pathTemplate),
        operationId: operation.operationId,
        requestBodyMediaTypes: [...bodyValidators.keys()],
        requestBodyRequired,
      },
      parameters,
      validateParams: compiledOnFirstUse(this.#paramAjv, paramsSchema),
      bodyValidators,
      responses,
    };
  }
}
