import { ClientValidationError, type RouteChecks } from "@rollcall/core";

// What the API would reject anyway, refused before sending (and before the key leaves the process).

type Fail = (field: string, message: string) => never;

/** Throws the ClientValidationError of `operation` for a bad field. */
export const failFor =
  (operation: string): Fail =>
  (field, message) => {
    throw new ClientValidationError({ vendor: "opsgenie", operation, field, message });
  };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const given = (value: unknown) => value !== undefined && value !== null;

function queryOf(init: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const params = init.params;
  return isRecord(params) && isRecord(params.query) ? params.query : {};
}

/** GET and DELETE /v1/json/user name the user by exactly one of `id` and `username`. */
function exactlyOneUser(operation: string) {
  const fail: Fail = failFor(operation);
  return (init: Readonly<Record<string, unknown>>) => {
    const { id, username } = queryOf(init);
    if (given(id) === given(username)) {
      fail(
        "params.query",
        `must give exactly one of id and username, not ${given(id) ? "both" : "neither"}`,
      );
    }
    const [field, value] = given(id) ? ["id", id] : ["username", username];
    if (typeof value !== "string" || !value.trim()) {
      fail(`params.query.${field}`, "must be a non-empty string");
    }
  };
}

function integerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

/** `limit` 1–100 and `offset` ≥ 0, as integers. */
export function checkListQuery(query: Record<string, unknown>, operation = "listUsers"): void {
  const fail: Fail = failFor(operation);
  if (given(query.limit) && !integerIn(query.limit, 1, 100)) {
    fail("params.query.limit", `must be an integer from 1 to 100, got ${String(query.limit)}`);
  }
  if (given(query.offset) && !integerIn(query.offset, 0, Number.MAX_SAFE_INTEGER)) {
    fail("params.query.offset", `must be an integer ≥ 0, got ${String(query.offset)}`);
  }
}

function nonEmptyString(value: unknown, max: number): boolean {
  return typeof value === "string" && !!value.trim() && value.length <= max;
}

/** POST /v1/json/user: a create (username, fullname, role) or an update (`id`, no username). */
function checkSaveUser(init: Readonly<Record<string, unknown>>): void {
  const fail: Fail = failFor("createOrUpdateUser");
  const body = init.body;
  if (!isRecord(body)) fail("body", "must be the user object");
  if (given(body.id)) {
    if (!nonEmptyString(body.id, 100)) fail("body.id", "must be a non-empty string");
    if (given(body.username))
      fail("body.username", "cannot change: an update names the user by id");
  } else {
    // A create: username is the login email (≤ 100), role "Owner", "Admin", "User" or a custom one.
    for (const [field, max] of [
      ["username", 100],
      ["fullname", 512],
      ["role", 512],
    ] as const) {
      if (!nonEmptyString(body[field], max))
        fail(`body.${field}`, `is required to create a user (1–${max} characters)`);
    }
  }
}

/** POST /v1/json/copyNotificationRules: who from, who to (at least one) and which kinds. */
function checkCopyRules(init: Readonly<Record<string, unknown>>): void {
  const fail: Fail = failFor("copyNotificationRules");
  const body = init.body;
  if (!isRecord(body)) fail("body", "must be the copy request object");
  if (!nonEmptyString(body.fromUser, 100)) fail("body.fromUser", "must be a username");
  for (const field of ["toUsers", "ruleTypes"] as const) {
    const list = body[field];
    if (!Array.isArray(list) || list.length === 0)
      fail(`body.${field}`, "must be a non-empty array");
  }
}

export const opsgenieRequestChecks: RouteChecks = {
  "GET /v1/json/user": exactlyOneUser("getUser"),
  "DELETE /v1/json/user": exactlyOneUser("deleteUser"),
  "GET /v1.2/json/user": (init) => checkListQuery(queryOf(init)),
  "POST /v1/json/user": checkSaveUser,
  "POST /v1/json/copyNotificationRules": checkCopyRules,
};
