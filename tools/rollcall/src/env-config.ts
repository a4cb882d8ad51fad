// Reads vendor credentials and base URLs from the environment. Values are never echoed: a
// message names the variable, not what it holds.
import { UsageError } from "./usage-error";
import { OPSGENIE_EU_BASE_URL, VENDOR_FACTS, type CliVendor } from "./vendors";

export type VendorCredentials =
  | { readonly vendor: "eagle"; readonly apiKey: string }
  | { readonly vendor: "rootly"; readonly token: string }
  | { readonly vendor: "opsgenie"; readonly apiKey: string; readonly region: "us" | "eu" }
  | { readonly vendor: "uptrends"; readonly username: string; readonly password: string };

/** A vendor to reach over the network with the user's own credentials. */
export interface RealVendorConfig {
  readonly baseUrl: string;
  readonly credentials: VendorCredentials;
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

function opsgenieRegion(env: Env): "us" | "eu" {
  const value = read(env, "OPSGENIE_REGION");
  if (value === undefined) return "us";
  const region = value.toLowerCase();
  if (region !== "us" && region !== "eu") {
    throw new UsageError(`OPSGENIE_REGION must be "us" or "eu"`);
  }
  return region;
}

/**
 * The vendors the environment gives credentials for. Throws {@link UsageError} for a half-given
 * pair (Uptrends user without password or the reverse), an invalid region or a malformed URL.
 */
export function readVendorEnvironment(env: Env): VendorEnvironment {
  const config: VendorEnvironment = {};

  const eagleKey = read(env, "EAGLE_API_KEY");
  if (eagleKey === undefined) requireCredentialFor(env, "EAGLE_BASE_URL", "EAGLE_API_KEY");
  else {
    config.eagle = {
      baseUrl: baseUrlFrom(env, "EAGLE_BASE_URL", VENDOR_FACTS.eagle.defaultBaseUrl),
      credentials: { vendor: "eagle", apiKey: eagleKey },
    };
  }

  const rootlyToken = read(env, "ROOTLY_API_TOKEN");
  if (rootlyToken === undefined) requireCredentialFor(env, "ROOTLY_BASE_URL", "ROOTLY_API_TOKEN");
  else {
    config.rootly = {
      baseUrl: baseUrlFrom(env, "ROOTLY_BASE_URL", VENDOR_FACTS.rootly.defaultBaseUrl),
      credentials: { vendor: "rootly", token: rootlyToken },
    };
  }

  // The region is checked even without a key, so a typo is caught before it matters.
  const region = opsgenieRegion(env);
  const opsgenieKey = read(env, "OPSGENIE_API_KEY");
  if (opsgenieKey === undefined) {
    requireCredentialFor(env, "OPSGENIE_BASE_URL", "OPSGENIE_API_KEY");
  } else {
    const regional = region === "eu" ? OPSGENIE_EU_BASE_URL : VENDOR_FACTS.opsgenie.defaultBaseUrl;
    config.opsgenie = {
      baseUrl: baseUrlFrom(env, "OPSGENIE_BASE_URL", regional),
      credentials: { vendor: "opsgenie", apiKey: opsgenieKey, region },
    };
  }

  const username = read(env, "UPTRENDS_USERNAME");
  const password = read(env, "UPTRENDS_PASSWORD");
  if (username !== undefined && password === undefined) {
    throw new UsageError("UPTRENDS_USERNAME is set but UPTRENDS_PASSWORD is not");
  }
  if (password !== undefined && username === undefined) {
    throw new UsageError("UPTRENDS_PASSWORD is set but UPTRENDS_USERNAME is not");
  }
  if (username === undefined || password === undefined) {
    requireCredentialFor(env, "UPTRENDS_BASE_URL", "UPTRENDS_USERNAME and UPTRENDS_PASSWORD");
  } else {
    config.uptrends = {
      baseUrl: baseUrlFrom(env, "UPTRENDS_BASE_URL", VENDOR_FACTS.uptrends.defaultBaseUrl),
      credentials: { vendor: "uptrends", username, password },
    };
  }
  return config;
}

/** Every secret the configuration holds, for scrubbing anything printed. */
export function secretsOf(credentials: VendorCredentials): string[] {
  switch (credentials.vendor) {
    case "eagle":
    case "opsgenie":
      return [credentials.apiKey];
    case "rootly":
      return [credentials.token];
    case "uptrends":
      return [
        `${credentials.username}:${credentials.password}`,
        credentials.password,
        Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64"),
      ];
  }
}
