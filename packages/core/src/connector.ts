// What a vendor package gives the tools that work across vendors (the `rollcall` CLI, the bench,
// a user's own sync job): everything needed to reach the vendor, read its accounts and remove one,
// so that no tool and nothing in core has to know which vendors exist.
import type { AdapterResult } from "./identity/account";
import type { PullOptions } from "./identity/adapter-contract";
import type {
  OffboardingExecutor,
  OffboardingPlanner,
  OffboardingStep,
} from "./identity/offboarding";
import type { VendorId } from "./identity/vendors";
import type { ApiClientOptions } from "./runtime/client-options";
import { basicAuthorization } from "./runtime/redaction";
import type { VendorDescriptor } from "./runtime/vendor-descriptor";

/** One credential or setting a connector's client takes, and where a tool reads it from. */
export interface ConnectorSetting {
  /** The client option it fills, e.g. `apiKey`; simulators name their credentials the same way. */
  readonly option: string;
  /** The environment variable the `rollcall` CLI reads it from, e.g. `ACME_API_KEY`. */
  readonly env: string;
  /** A credential: scrubbed from everything a tool prints, never echoed in a message. */
  readonly secret: boolean;
  /** Needed for a client (default true); an optional setting falls back to the client's default. */
  readonly required?: boolean;
  /** The values allowed, lower case (given values are compared case-insensitively). */
  readonly choices?: readonly string[];
}

/** Setting values by option name, e.g. `{ apiKey: "…", region: "eu" }`. */
export type ConnectorSettings = Readonly<Record<string, string>>;

/**
 * A vendor, as the cross-vendor tools see it. Each vendor package exports one (`connector`); core
 * and the tools iterate a list of them instead of naming vendors.
 */
export interface Connector<Client = unknown, Step extends OffboardingStep = OffboardingStep> {
  /** The vendor id on every account, step and error (the registry id, e.g. in specs/vendors.json). */
  readonly id: VendorId;
  /** The vendor's name as people write it. */
  readonly title: string;
  /** The npm package the connector comes from. */
  readonly packageName: string;
  /**
   * The generated descriptor the connector was defined from: the spec's wire facts (auth templates,
   * `Accept`, media type) for a tool that talks to the vendor without this client, e.g. the bench's
   * bare openapi-fetch baseline. {@link defineConnector} sets it; a hand-written connector may not.
   */
  readonly descriptor?: ConnectorDescriptor;
  /** Credentials first, then optional settings, in the order a person would give them. */
  readonly settings: readonly ConnectorSetting[];
  /** Where the real service is for these settings (a region picks its own), without a `baseUrl`. */
  defaultBaseUrl(settings: ConnectorSettings): string;
  /**
   * Forms of the secrets the vendor sees besides the values themselves (e.g. HTTP Basic's
   * `user:password` and its base64), so tools can scrub them too. See {@link connectorSecrets}.
   */
  wireSecrets?(settings: ConnectorSettings): readonly string[];
  /** A client; throws the client's own `ClientValidationError` for a missing or bad setting. */
  createClient(settings: ConnectorSettings, options?: ApiClientOptions): Client;
  /** Every account the vendor has, normalised; records it cannot read are reported, not thrown. */
  pullAccounts(client: Client, options?: PullOptions<unknown>): Promise<AdapterResult>;
  /** The steps that remove one of this vendor's accounts (`planOffboarding`'s planner). */
  readonly planOffboarding: OffboardingPlanner<Step>;
  /** Carries out this vendor's steps with `client` (`executeOffboarding`'s executor). */
  offboardingExecutor(client: Client): OffboardingExecutor<Step>;
}

/** Every form `settings`' secrets take: the secret values and the connector's wire forms. */
export function connectorSecrets(connector: Connector, settings: ConnectorSettings): string[] {
  const values = connector.settings
    .filter((setting) => setting.secret)
    .map((setting) => settings[setting.option])
    .filter((value): value is string => typeof value === "string" && value !== "");
  return [...values, ...(connector.wireSecrets?.(settings) ?? [])];
}

/** What a vendor package writes of its connector; the rest comes from its generated descriptor. */
export interface ConnectorParts<Client, Step extends OffboardingStep> extends Pick<
  Connector<Client, Step>,
  "pullAccounts" | "planOffboarding" | "offboardingExecutor"
> {
  /** The environment variable of each credential option, and of `region` where there are regions. */
  readonly env: Readonly<Record<string, string>>;
  /** The client factory (`create<Vendor>Client`): the settings arrive among its options. */
  readonly client: (options: never) => Client;
}

/** A vendor descriptor as {@link defineConnector} reads it: the facts it needs, and any others. */
export type ConnectorDescriptor = DescriptorFacts & Partial<VendorDescriptor>;

type DescriptorFacts = Pick<
  VendorDescriptor,
  | "id"
  | "title"
  | "packageName"
  | "defaultBaseUrl"
  | "credentials"
  | "regions"
  | "defaultRegion"
  | "basic"
>;

/** The connector's settings: the spec's credentials (all secret but a Basic user name), then its region. */
function settingsOf(vendor: DescriptorFacts, env: Readonly<Record<string, string>>) {
  const envOf = (option: string): string => {
    const name = env[option];
    if (name === undefined)
      throw new Error(`${vendor.id} connector: no environment variable for ${option}`);
    return name;
  };
  const settings: ConnectorSetting[] = vendor.credentials.map(({ option }) => ({
    option,
    env: envOf(option),
    secret: option !== vendor.basic?.[0],
  }));
  if (vendor.regions !== undefined) {
    const choices = Object.keys(vendor.regions);
    settings.push({
      option: "region",
      env: envOf("region"),
      secret: false,
      required: false,
      choices,
    });
  }
  return settings;
}

/**
 * A connector from the vendor's generated descriptor and its hand-written parts. The descriptor
 * gives the id, title and package, the settings (its credential options, and a `region` setting
 * whose choices are the spec's regions), the default base URL per region and, for HTTP Basic, the
 * wire forms of the credentials. Mark the call `@__PURE__` and give the parts only functions and
 * literals, so a bundle that never uses the connector drops it, and the code it names.
 */
export function defineConnector<Client, Step extends OffboardingStep>(
  vendor: ConnectorDescriptor,
  { env, client, ...parts }: ConnectorParts<Client, Step>,
): Connector<Client, Step> {
  const { regions, defaultRegion, basic } = vendor;
  return {
    ...parts,
    id: vendor.id,
    title: vendor.title,
    packageName: vendor.packageName,
    descriptor: vendor,
    settings: settingsOf(vendor, env),
    // The client checks its settings itself (a missing credential, an unknown region).
    createClient: (settings, options) => client({ ...options, ...settings } as never),
    // No region given: the spec's default one; an unknown one (tools check `choices` first) or a
    // vendor without regions: the registry's base URL.
    defaultBaseUrl: (values) => regions?.[values.region ?? defaultRegion!] ?? vendor.defaultBaseUrl,
    ...(basic === undefined
      ? {}
      : {
          wireSecrets: (values: ConnectorSettings) => {
            const [user, password] = [values[basic[0]] ?? "", values[basic[1]] ?? ""];
            return [
              `${user}:${password}`,
              basicAuthorization(user, password).slice("Basic ".length),
            ];
          },
        }),
  };
}
