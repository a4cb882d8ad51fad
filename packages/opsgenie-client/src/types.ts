// Friendly names for the generated schemas the package's users meet most.
import type { components } from "./generated/schema";

type Schemas = components["schemas"];

/** An OpsGenie user (get answers the full user, list a summary). */
export type User = Schemas["User"];
/** One way to reach a user: email, sms, voice… */
export type Contact = Schemas["Contact"];
/** The body that creates a user (no `id`). */
export type UserCreate = Schemas["UserCreate"];
/** The body that updates a user (`id` required). */
export type UserUpdate = Schemas["UserUpdate"];
/** The kinds of notification rule copyNotificationRules copies. */
export type NotificationRuleType = Schemas["NotificationRuleType"];
