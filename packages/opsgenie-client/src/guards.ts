import { ClientValidationError, type RouteChecks } from "@rollcall/core";

// What the API would reject anyway, refused before sending (and before the key leaves the process).
// The spec's parameter limits are checked from the generated operations; these are the body rules.

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
  "POST /v1/json/user": checkSaveUser,
  "POST /v1/json/copyNotificationRules": checkCopyRules,
};
