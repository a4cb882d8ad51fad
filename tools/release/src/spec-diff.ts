import { descriptiveChanges, findDocumentEdits } from "./descriptive-diff";
import { asArray, asObject, isObject, sameJson, type JsonObject } from "./json-values";
import { compareSchemas } from "./schema-diff";
import type { SpecChange } from "./spec-change";
import type { OpenApiDocument } from "./spec-loading";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The two forms of each spec version: refs inlined (for meaning) and as written (for prose). */
export interface SpecVersions {
  readonly before: { readonly dereferenced: OpenApiDocument; readonly raw: OpenApiDocument };
  readonly after: { readonly dereferenced: OpenApiDocument; readonly raw: OpenApiDocument };
}

/**
 * Classifies every difference between two versions of a spec. Breaking and additive changes come
 * from rules over the dereferenced documents; descriptive ones from the documents as written.
 * When no rule fires but the meaning changed anyway, each such edit is reported as breaking, so
 * the bump errs high and the changelog says where to look.
 */
export function diffSpecs({ before, after }: SpecVersions): SpecChange[] {
  const changes: SpecChange[] = [];
  compareServers(before.dereferenced, after.dereferenced, changes);
  compareSecuritySchemes(before.dereferenced, after.dereferenced, changes);
  compareOperations(before.dereferenced, after.dereferenced, changes);
  compareComponentNames(before.dereferenced, after.dereferenced, changes);
  changes.push(...descriptiveChanges(findDocumentEdits(before.raw, after.raw)));
  if (changes.every((change) => change.level === "descriptive")) {
    // Compared with refs inlined, so moving a schema into components is not an edit.
    for (const location of findDocumentEdits(before.dereferenced, after.dereferenced).other) {
      changes.push({
        level: "breaking",
        location,
        message: "changed (unclassified — review the bump)",
      });
    }
  }
  return changes;
}

function compareServers(before: JsonObject, after: JsonObject, changes: SpecChange[]): void {
  const urls = (doc: JsonObject) =>
    asArray(doc.servers).map((server) => String(asObject(server).url));
  const was = urls(before);
  const now = urls(after);
  for (const url of was.filter((url) => !now.includes(url))) {
    changes.push({ level: "breaking", location: `server ${url}`, message: "server removed" });
  }
  for (const url of now.filter((url) => !was.includes(url))) {
    changes.push({ level: "additive", location: `server ${url}`, message: "server added" });
  }
}

function compareSecuritySchemes(
  before: JsonObject,
  after: JsonObject,
  changes: SpecChange[],
): void {
  const was = asObject(asObject(before.components).securitySchemes);
  const now = asObject(asObject(after.components).securitySchemes);
  for (const name of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const location = `security scheme \`${name}\``;
    if (!(name in now)) changes.push({ level: "breaking", location, message: "removed" });
    else if (!(name in was)) changes.push({ level: "additive", location, message: "added" });
    else if (!sameJson(mechanics(was[name]), mechanics(now[name]))) {
      changes.push({ level: "breaking", location, message: "how credentials are sent changed" });
    }
  }
}

/** What a security scheme means on the wire, without its prose. */
function mechanics(scheme: unknown): unknown {
  const {
    type,
    scheme: httpScheme,
    in: where,
    name,
    bearerFormat,
    flows,
    openIdConnectUrl,
  } = asObject(scheme);
  return { type, httpScheme, where, name, bearerFormat, flows, openIdConnectUrl };
}

function compareOperations(before: JsonObject, after: JsonObject, changes: SpecChange[]): void {
  const wasPaths = asObject(before.paths);
  const nowPaths = asObject(after.paths);
  for (const path of new Set([...Object.keys(wasPaths), ...Object.keys(nowPaths)])) {
    const wasItem = asObject(wasPaths[path]);
    const nowItem = asObject(nowPaths[path]);
    for (const method of HTTP_METHODS) {
      const location = `${method.toUpperCase()} ${path}`;
      const wasOp = wasItem[method];
      const nowOp = nowItem[method];
      if (!isObject(wasOp) && !isObject(nowOp)) continue;
      if (!isObject(nowOp))
        changes.push({ level: "breaking", location, message: "operation removed" });
      else if (!isObject(wasOp))
        changes.push({ level: "additive", location, message: "new operation" });
      else {
        compareOperation(
          { doc: before, item: wasItem, op: wasOp },
          { doc: after, item: nowItem, op: nowOp },
          location,
          changes,
        );
      }
    }
  }
}

interface OperationContext {
  readonly doc: JsonObject;
  readonly item: JsonObject;
  readonly op: JsonObject;
}

function compareOperation(
  before: OperationContext,
  after: OperationContext,
  location: string,
  changes: SpecChange[],
): void {
  if (before.op.operationId !== after.op.operationId) {
    // openapi-typescript names `operations[...]` after it, so users' type references break.
    changes.push({ level: "breaking", location, message: "operationId changed" });
  }
  if (before.op.deprecated !== true && after.op.deprecated === true) {
    changes.push({ level: "additive", location, message: "operation deprecated" });
  }
  compareSecurity(before, after, location, changes);
  compareParameters(before, after, location, changes);
  compareRequestBody(before.op.requestBody, after.op.requestBody, location, changes);
  compareResponses(before.op.responses, after.op.responses, location, changes);
}

function compareSecurity(
  before: OperationContext,
  after: OperationContext,
  location: string,
  changes: SpecChange[],
): void {
  // Each requirement is one acceptable set of schemes; the client must satisfy at least one.
  const alternatives = ({ doc, op }: OperationContext) =>
    asArray(op.security ?? doc.security).map((requirement) =>
      Object.keys(asObject(requirement)).sort().join(" + "),
    );
  const was = alternatives(before);
  const now = alternatives(after);
  const describe = (requirement: string) => (requirement === "" ? "anonymous access" : requirement);
  if (was.length === 0 && now.length > 0) {
    changes.push({
      level: "breaking",
      location,
      message: `now requires ${now.map(describe).join(" or ")}`,
    });
    return;
  }
  for (const requirement of was.filter((r) => !now.includes(r))) {
    changes.push({
      level: "breaking",
      location,
      message: `no longer accepts ${describe(requirement)}`,
    });
  }
  if (was.length === 0) return;
  for (const requirement of now.filter((r) => !was.includes(r))) {
    changes.push({
      level: "additive",
      location,
      message: `now also accepts ${describe(requirement)}`,
    });
  }
}

/** Path-level parameters apply unless the operation redeclares the same `in` + `name`. */
function parametersOf({ item, op }: OperationContext): Map<string, JsonObject> {
  const byKey = new Map<string, JsonObject>();
  for (const parameter of [...asArray(item.parameters), ...asArray(op.parameters)]) {
    if (!isObject(parameter)) continue;
    byKey.set(`${String(parameter.in)} parameter \`${String(parameter.name)}\``, parameter);
  }
  return byKey;
}

function compareParameters(
  before: OperationContext,
  after: OperationContext,
  location: string,
  changes: SpecChange[],
): void {
  const was = parametersOf(before);
  const now = parametersOf(after);
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const at = `${location} › ${key}`;
    const wasParam = was.get(key);
    const nowParam = now.get(key);
    if (nowParam === undefined) {
      changes.push({ level: "breaking", location: at, message: "parameter removed" });
    } else if (wasParam === undefined) {
      const required = nowParam.required === true;
      changes.push({
        level: required ? "breaking" : "additive",
        location: at,
        message: `new ${required ? "required" : "optional"} parameter`,
      });
    } else {
      const wasRequired = wasParam.required === true;
      const nowRequired = nowParam.required === true;
      if (wasRequired !== nowRequired) {
        changes.push({
          level: nowRequired ? "breaking" : "additive",
          location: at,
          message: `parameter is now ${nowRequired ? "required" : "optional"}`,
        });
      }
      if (wasParam.style !== nowParam.style || wasParam.explode !== nowParam.explode) {
        changes.push({ level: "breaking", location: at, message: "serialization style changed" });
      }
      compareSchemas(wasParam.schema, nowParam.schema, "request", at, changes);
    }
  }
}

function compareRequestBody(
  before: unknown,
  after: unknown,
  location: string,
  changes: SpecChange[],
): void {
  const at = `${location} › request body`;
  if (!isObject(before) && !isObject(after)) return;
  if (!isObject(after)) {
    changes.push({ level: "breaking", location: at, message: "request body removed" });
    return;
  }
  const nowRequired = after.required === true;
  if (!isObject(before)) {
    changes.push({
      level: nowRequired ? "breaking" : "additive",
      location: at,
      message: `new ${nowRequired ? "required" : "optional"} request body`,
    });
    return;
  }
  if (before.required !== true && nowRequired) {
    changes.push({ level: "breaking", location: at, message: "request body is now required" });
  } else if (before.required === true && !nowRequired) {
    changes.push({ level: "additive", location: at, message: "request body is now optional" });
  }
  compareContent(before.content, after.content, "request", at, changes);
}

function compareResponses(
  before: unknown,
  after: unknown,
  location: string,
  changes: SpecChange[],
): void {
  const was = asObject(before);
  const now = asObject(after);
  for (const status of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const at = `${location} › ${status} response`;
    if (!(status in now))
      changes.push({ level: "breaking", location: at, message: "response removed" });
    else if (!(status in was))
      changes.push({ level: "additive", location: at, message: "new response" });
    else {
      compareContent(
        asObject(was[status]).content,
        asObject(now[status]).content,
        "response",
        at,
        changes,
      );
      compareHeaders(asObject(was[status]).headers, asObject(now[status]).headers, at, changes);
    }
  }
}

/** Response headers are typed for users too; names compare case-insensitively, as HTTP's do. */
function compareHeaders(
  before: unknown,
  after: unknown,
  location: string,
  changes: SpecChange[],
): void {
  const byName = (headers: unknown) =>
    new Map(Object.entries(asObject(headers)).map(([name, h]) => [name.toLowerCase(), h]));
  const was = byName(before);
  const now = byName(after);
  for (const name of new Set([...was.keys(), ...now.keys()])) {
    const at = `${location} › header \`${name}\``;
    if (!now.has(name)) {
      changes.push({ level: "breaking", location: at, message: "response header removed" });
    } else if (!was.has(name)) {
      changes.push({ level: "additive", location: at, message: "new response header" });
    } else {
      const schemaOf = (header: unknown) => asObject(header).schema;
      compareSchemas(schemaOf(was.get(name)), schemaOf(now.get(name)), "response", at, changes);
    }
  }
}

function compareContent(
  before: unknown,
  after: unknown,
  direction: "request" | "response",
  location: string,
  changes: SpecChange[],
): void {
  const was = asObject(before);
  const now = asObject(after);
  for (const mediaType of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const at = `${location} (${mediaType})`;
    if (!(mediaType in now)) {
      changes.push({ level: "breaking", location: at, message: "media type removed" });
    } else if (!(mediaType in was)) {
      changes.push({ level: "additive", location: at, message: "media type added" });
    } else {
      compareSchemas(
        asObject(was[mediaType]).schema,
        asObject(now[mediaType]).schema,
        direction,
        at,
        changes,
      );
    }
  }
}

/** Named schemas become `components["schemas"][name]` in the generated types users import. */
function compareComponentNames(before: JsonObject, after: JsonObject, changes: SpecChange[]): void {
  const was = asObject(asObject(before.components).schemas);
  const now = asObject(asObject(after.components).schemas);
  for (const name of Object.keys(was).filter((name) => !(name in now))) {
    changes.push({
      level: "breaking",
      location: `schema \`${name}\``,
      message: "named schema removed",
    });
  }
  for (const name of Object.keys(now).filter((name) => !(name in was))) {
    changes.push({
      level: "additive",
      location: `schema \`${name}\``,
      message: "named schema added",
    });
  }
}
