// Reads vendor credentials and base URLs from the environment. Values are never echoed: a
// message names the variable, not what it holds.
import { UsageError } from "./usage-error";
import type { Connector, ConnectorSettings } from "@rollcall/core";
import { CONNECTORS, type CliVendor } from "./vendors";

/** A vendor to reach over the network with the user's own credentials. */
export interface RealVendorConfig {
  readonly baseUrl: string;
  /** Setting values by the client's option names (`apiKey`, `region`, …). */
  readonly settings: ConnectorSettings;
}

export type VendorEnvironment = Partial<Record<CliVendor, RealVendorConfig>>;

type Env = Readonly<Record<string, string | undefined>>;

/** An unset or blank variable counts as absent. */
function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function baseUrlFrom(env: Env, name: string, fallback: string): string {
  const value = read(env, name);
  if (value === undefined) return fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${name} is not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`${name} must be an http:// or https:// URL`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new UsageError(`${name} must not carry credentials; use the vendor's own variables`);
  }
  return value.replace(/\/+$/, "");
}

/** A base URL alone would silently fall back to the simulator: almost surely a mistake. */
function requireCredentialFor(env: Env, baseUrlName: string, credentialName: string): void {
  if (read(env, baseUrlName) !== undefined) {
    throw new UsageError(`${baseUrlName} is set but ${credentialName} is not`);
  }
}

/** The variable that overrides a vendor's base URL: `<ID>_BASE_URL`. */
export function baseUrlVariable(vendor: CliVendor): string {
  return `${vendor.toUpperCase()}_BASE_URL`;
}

/** The settings the environment gives; a value outside a setting's choices is refused. */
function settingsFrom(env: Env, connector: Connector): Record<string, string> {
  const values: Record<string, string> = {};
  for (const setting of connector.settings) {
    const value = read(env, setting.env);
    if (value === undefined) continue;
    if (setting.choices === undefined) {
      values[setting.option] = value;
      continue;
    }
    const choice = value.toLowerCase();
    if (!setting.choices.includes(choice)) {
      const allowed = setting.choices.map((option) => `"${option}"`).join(" or ");
      throw new UsageError(`${setting.env} must be ${allowed}`);
    }
    values[setting.option] = choice;
  }
  return values;
}

function readVendor(env: Env, connector: Connector): RealVendorConfig | undefined {
  // Every setting is checked even without credentials, so a typo is caught before it matters.
  const settings = settingsFrom(env, connector);
  const required = connector.settings.filter((setting) => setting.required !== false);
  const given = required.filter((setting) => settings[setting.option] !== undefined);
  const baseUrlName = baseUrlVariable(connector.id);
  if (given.length === 0) {
    const names = required.map((setting) => setting.env).join(" and ");
    requireCredentialFor(env, baseUrlName, names);
    return undefined;
  }
  const missing = required.find((setting) => settings[setting.option] === undefined);
  if (missing !== undefined) {
    throw new UsageError(`${given[0]!.env} is set but ${missing.env} is not`);
  }
  return { baseUrl: baseUrlFrom(env, baseUrlName, connector.defaultBaseUrl(settings)), settings };
}

/**
 * The vendors the environment gives credentials for. Throws {@link UsageError} for a half-given
 * set (Uptrends user without password or the reverse), a value outside a setting's choices (an
 * OpsGenie region) or a malformed URL.
 */
export function readVendorEnvironment(
  env: Env,
  connectors: readonly Connector[] = CONNECTORS,
): VendorEnvironment {
  const config: VendorEnvironment = {};
  for (const connector of connectors) {
    const vendor = readVendor(env, connector);
    if (vendor !== undefined) config[connector.id] = vendor;
  }
  return config;
}
