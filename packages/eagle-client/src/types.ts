// Friendly names for the generated schemas the package's users meet most.
import type { components } from "./generated/schema";

type Schemas = components["schemas"];

/** The eagle.io account behind the API key. */
export type Owner = Schemas["Owner"];
/** A user group of the owner (the spec's `Group`). */
export type OwnerGroup = Schemas["Group"];
/** Billing usage of the owner and its managed accounts (the spec's `AccountUsage`). */
export type OwnerUsage = Schemas["AccountUsage"];
/** An administrator or group member. */
export type AccountUser = Schemas["AccountUser"];
/** The body of PUT /api/v1/owners/account. */
export type OwnerUpdate = Schemas["OwnerUpdate"];
/** A group in an owner update: by `_id`, or by `name`. */
export type OwnerGroupRequest = Schemas["OwnerGroupRequest"];
