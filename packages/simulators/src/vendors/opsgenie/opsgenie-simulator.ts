import type { Credentials } from "../../credentials";
import type { Simulator } from "../../server/simulator";
import {
  DEFAULT_ERROR_STATUS,
  type ErrorKind,
  type Handler,
  type SimResponse,
} from "../../server/vendor-definition";
import { newUuid } from "../../store/identifiers";
import type { components } from "../../generated/opsgenie-schema";
import { schemaEnum } from "../../spec/spec-enums";
import { declareSimulator, type CredentialOptions } from "../declare-simulator";
import type { VendorSimulatorOptions } from "../vendor-options";
import { opsgenieV2Handlers } from "./opsgenie-v2-handlers";
import {
  newOpsgenieUser,
  OpsgenieStore,
  type OpsgenieRuleType,
  type OpsgenieUserRecord,
} from "./opsgenie-store";

export interface OpsgenieSimulatorOptions
  extends VendorSimulatorOptions, CredentialOptions<"apiKey"> {
  /** Extra users `user000001@generated.example`…, created lazily on first read (for paging tests). */
  generatedUsers?: number;
}

/** `credentials.apiKey`: the key it accepts (default: a random one; pass `apiKey` to choose). */
export type OpsgenieSimulator = Simulator<OpsgenieStore, Credentials<"apiKey">>;

type Schemas = components["schemas"];
type NotificationRuleType = Schemas["NotificationRuleType"];

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  ...DEFAULT_ERROR_STATUS,
  "method-not-allowed": 404,
};

const ALL_RULE_TYPES = schemaEnum<NotificationRuleType>("opsgenie", "NotificationRuleType").filter(
  (type): type is OpsgenieRuleType => type !== "all",
);

function opsgenieError(status: number, message: string): SimResponse {
  return { status, body: { error: message, code: status } };
}

/** The fields the list answer carries (get answers the full user). */
function summary(user: OpsgenieUserRecord): Schemas["User"] {
  const {
    id,
    username,
    fullname,
    role,
    timezone,
    locale,
    createdAt,
    skypeUsername,
    blocked,
    verified,
  } = user;
  return {
    createdAt,
    role,
    blocked,
    skypeUsername,
    timezone,
    verified,
    id,
    fullname,
    locale,
    username,
  };
}

function full(user: OpsgenieUserRecord): Schemas["User"] {
  const { notificationRules: _rules, blocked: _blocked, verified: _verified, ...rest } = user;
  return rest;
}

/** Finds the user named by `id` or `username`, or explains what is wrong in OpsGenie's words. */
function findUser(store: OpsgenieStore, query: URLSearchParams): OpsgenieUserRecord | SimResponse {
  const id = query.get("id");
  const username = query.get("username");
  if (!id && !username) return opsgenieError(400, "One of id or username should be provided");
  const user = id ? store.users.get(id) : store.userByUsername(username ?? "");
  return user ?? opsgenieError(404, "User does not exist");
}

/** Handlers by route key; exported so tests can check every spec operation has one. */
export const opsgenieHandlers: Record<string, Handler<OpsgenieStore>> = {
  "POST /v1/json/user": ({ store, body }) => {
    // The request passed the spec's checks, so it is a UserCreate or a UserUpdate.
    const request = body as Schemas["UserSaveRequest"];
    if ("id" in request) {
      // The presence of `id` makes it an update; username cannot change.
      const { id, apiKey: _apiKey, ...changes } = request;
      if (!store.users.update(id, changes)) return opsgenieError(404, "User does not exist");
      return { status: 200, body: { id, status: "successful", code: 200 } };
    }
    if (store.userByUsername(request.username)) {
      return opsgenieError(400, "User already exists");
    }
    const { apiKey: _apiKey, ...fields } = request;
    const user = newOpsgenieUser({ id: newUuid(), ...fields });
    store.users.put(user);
    return { status: 200, body: { id: user.id, status: "successful", code: 200 } };
  },

  "GET /v1/json/user": ({ store, query }) => {
    const user = findUser(store, query);
    return "status" in user && "body" in user
      ? user
      : { status: 200, body: full(user as OpsgenieUserRecord) };
  },

  "DELETE /v1/json/user": ({ store, query }) => {
    const found = findUser(store, query);
    if ("body" in found) return found as SimResponse;
    const user = found as OpsgenieUserRecord;
    if (user.role === "Owner" && store.users.filter((other) => other.role === "Owner").length < 2) {
      return opsgenieError(400, "Owner users can be deleted only if there are at least 2 owners");
    }
    store.users.delete(user.id);
    return { status: 200, body: { status: "successful", code: 200 } };
  },

  "GET /v1.2/json/user": ({ store, query }) => {
    const limit = Number(query.get("limit") ?? 10);
    const offset = Number(query.get("offset") ?? 0);
    // Sorting 50,000 users for every page would dominate a paging test: the view is cached.
    const field = query.get("sortField") === "fullName" ? "fullName" : "username";
    const users = store.users.sorted(
      field,
      (user) => (field === "fullName" ? user.fullname : user.username).toLowerCase(),
      query.get("sortOrder") === "DESC",
    );
    return { status: 200, body: { users: users.slice(offset, offset + limit).map(summary) } };
  },

  "POST /v1/json/copyNotificationRules": ({ store, body }) => {
    const request = body as Schemas["CopyNotificationRulesRequest"];
    const from = store.userByUsername(request.fromUser);
    if (!from) return opsgenieError(404, "User does not exist");
    const types = new Set<NotificationRuleType>(
      request.ruleTypes.includes("all") ? ALL_RULE_TYPES : request.ruleTypes,
    );
    const everyone = request.toUsers.includes("all");
    const names = new Set(request.toUsers.map((name) => name.toLowerCase()));
    const targets = store.users.filter(
      (user) =>
        user.id !== from.id &&
        (everyone ||
          names.has(user.username.toLowerCase()) ||
          user.groups.some((group) => names.has(group.toLowerCase()))),
    );
    // OpsGenie first deletes the targets' rules of those types, then copies the template's.
    const copied = from.notificationRules.filter((rule) => types.has(rule.type));
    for (const target of targets) {
      store.users.update(target.id, {
        notificationRules: [
          ...target.notificationRules.filter((rule) => !types.has(rule.type)),
          ...copied.map((rule) => ({ ...rule })),
        ],
      });
    }
    return { status: 200, body: { status: "process started", code: 200 } };
  },

  ...opsgenieV2Handlers,
};

/**
 * OpsGenie's User API v1 (the key in the query, or in the JSON body where the spec marks it) and
 * its v2 access surface (the key in `Authorization: GenieKey …`).
 */
export const opsgenieSimulator = declareSimulator<
  "apiKey",
  OpsgenieStore,
  OpsgenieSimulatorOptions
>({
  id: "opsgenie",
  behaviour: (options) => ({
    store: new OpsgenieStore(options.seed ?? "both", options.generatedUsers ?? 0),
    errorResponse: (kind, message, status) => {
      const code = status ?? STATUS_BY_KIND[kind];
      return opsgenieError(code, kind === "unauthorized" ? "Could not authenticate" : message);
    },
    // Which bucket refused the call: the configuration domain's is the account's.
    rateLimitHeaders: (verdict): Record<string, string> =>
      verdict?.allowed === false ? { "x-ratelimit-reason": "ACCOUNT" } : {},
    handlers: opsgenieHandlers,
  }),
});

/** Starts a fake OpsGenie (User API v1 and the v2 access surface) on 127.0.0.1. */
export const startOpsgenie = (options: OpsgenieSimulatorOptions = {}): Promise<OpsgenieSimulator> =>
  opsgenieSimulator.start(options);
