import { randomUUID } from "node:crypto";
import type { Credentials } from "../../credentials";
import type { Simulator } from "../../server/simulator";
import {
  DEFAULT_ERROR_STATUS,
  type Handler,
  type SimResponse,
} from "../../server/vendor-definition";
import { newObjectId } from "../../store/identifiers";
import type { components } from "../../generated/eagle-schema";
import { declareSimulator, type CredentialOptions } from "../declare-simulator";
import type { VendorSimulatorOptions } from "../vendor-options";
import { EagleStore, type EagleGroupRecord, type EagleUserProfile } from "./eagle-store";

export interface EagleSimulatorOptions
  extends VendorSimulatorOptions, CredentialOptions<"apiKey"> {}

/** `credentials.apiKey`: the key it accepts (default: a random one; pass `apiKey` to choose). */
export type EagleSimulator = Simulator<EagleStore, Credentials<"apiKey">>;

const STATUS_BY_KIND = DEFAULT_ERROR_STATUS;

function eagleError(status: number, message: string): SimResponse {
  return { status, body: { error: { code: status, message } } };
}

// Request bodies reach a handler only after passing the spec's checks, hence the casts below.
type Schemas = components["schemas"];
type UserRequest = Schemas["AccountUserRequest"];
type GroupRequest = Schemas["GroupUpdate"];

/** Per-request rendering state: profiles created by this request come back with an activation URL. */
class Rendering {
  readonly created = new Set<string>();
  constructor(readonly store: EagleStore) {}

  /** Finds or creates the profile for a requested user; returns its email key. */
  ensureUser(request: UserRequest): string {
    const existing = this.store.user(request.user);
    if (existing) return existing.user;
    const { user, ...details } = request;
    this.store.users.put({ user, ...details });
    this.created.add(user.toLowerCase());
    return user;
  }

  user(email: string): Schemas["AccountUser"] {
    const profile: EagleUserProfile = this.store.user(email) ?? { user: email };
    const rendered: Schemas["AccountUser"] = { user: profile.user };
    if (profile.name) rendered.name = profile.name;
    // Rendered as stored, "" included: eagle.io's docs show "" for a user who never signed in.
    if (profile.lastLoginTime !== undefined) rendered.lastLoginTime = profile.lastLoginTime;
    if (this.created.has(email.toLowerCase())) {
      rendered.profileActivateUrl = `https://app.eagle.io/auth/setupprofile/${randomUUID()}`;
    }
    return rendered;
  }

  group(group: EagleGroupRecord): Schemas["Group"] {
    return {
      _id: group._id,
      name: group.name,
      users: group.users.map((email) => this.user(email)),
    };
  }

  owner(attr: string | null): Record<string, unknown> {
    const owner: Record<string, unknown> = {
      ...this.store.owner,
      administrators: this.store.administrators.map((email) => this.user(email)),
      groups: this.store.groups.list().map((group) => this.group(group)),
    };
    if (!attr) return owner;
    const wanted = new Set(attr.split(",").map((name) => name.trim()));
    return Object.fromEntries(Object.entries(owner).filter(([key]) => wanted.has(key)));
  }
}

function applyGroupUpdate(
  render: Rendering,
  group: EagleGroupRecord,
  request: GroupRequest,
): EagleGroupRecord {
  return render.store.groups.put({
    ...group,
    name: request.name ?? group.name,
    users: request.users ? request.users.map((user) => render.ensureUser(user)) : group.users,
  });
}

/** Handlers by route key; exported so tests can check every spec operation has one. */
export const eagleHandlers: Record<string, Handler<EagleStore>> = {
  "GET /api/v1/owners/account": ({ store, query }) => ({
    status: 200,
    body: new Rendering(store).owner(query.get("attr")),
  }),

  "PUT /api/v1/owners/account": ({ store, query, body }) => {
    const update = body as Schemas["OwnerUpdate"];
    const render = new Rendering(store);
    if (update.accountName !== undefined)
      store.owner = { ...store.owner, accountName: update.accountName };
    if (update.administrators) {
      // Replaces the whole list: anyone not sent stops being an administrator.
      store.administrators = update.administrators.map((user) => render.ensureUser(user));
    }
    if (update.groups) {
      // Merge by _id, else by name; create the rest; PERMANENTLY delete every group not matched.
      const kept = new Set<string>();
      for (const request of update.groups) {
        const match =
          ("_id" in request ? store.groups.get(request._id) : undefined) ??
          (request.name !== undefined
            ? store.groups.find((group) => group.name === request.name && !kept.has(group._id))
            : undefined);
        const group = match
          ? applyGroupUpdate(render, match, request)
          : applyGroupUpdate(
              render,
              { _id: newObjectId(), name: request.name ?? "", users: [] },
              request,
            );
        kept.add(group._id);
      }
      for (const group of store.groups.list())
        if (!kept.has(group._id)) store.groups.delete(group._id);
    }
    return { status: 200, body: render.owner(query.get("attr")) };
  },

  "POST /api/v1/owners/account/groups": ({ store, body }) => {
    const render = new Rendering(store);
    for (const request of body as Schemas["GroupCreate"][]) {
      applyGroupUpdate(render, { _id: newObjectId(), name: request.name, users: [] }, request);
    }
    return { status: 201, body: store.groups.list().map((group) => render.group(group)) };
  },

  "PUT /api/v1/owners/account/groups/{}": ({ store, pathParams, body }) => {
    const group = store.groups.get(pathParams.id ?? "");
    if (!group) return eagleError(404, "Resource not found");
    const render = new Rendering(store);
    return {
      status: 200,
      body: render.group(applyGroupUpdate(render, group, body as GroupRequest)),
    };
  },

  "DELETE /api/v1/owners/account/groups/{}": ({ store, pathParams }) => {
    if (!store.groups.delete(pathParams.id ?? "")) return eagleError(404, "Resource not found");
    return { status: 200, body: { status: { code: 200, message: "Group deleted" } } };
  },

  "GET /api/v1/owners/account/usage": ({ store }) => ({ status: 200, body: store.usage }),
};

/** eagle.io's Owners API: an `X-Api-Key` header, as its spec says. */
export const eagleSimulator = declareSimulator<"apiKey", EagleStore, EagleSimulatorOptions>({
  id: "eagle",
  behaviour: (options) => ({
    store: new EagleStore(options.seed ?? "both"),
    errorResponse: (kind, message, status) => eagleError(status ?? STATUS_BY_KIND[kind], message),
    // eagle.io sends no rate-limit headers and no Retry-After (the default).
    handlers: eagleHandlers,
    maxQueryBytes: 4096,
  }),
});

/** Starts a fake eagle.io Owners API on 127.0.0.1. */
export const startEagle = (options: EagleSimulatorOptions = {}): Promise<EagleSimulator> =>
  eagleSimulator.start(options);
