import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { REDACTED } from "./server/redaction";

/** One credential a simulator accepts, named as the vendor client's option that carries it. */
export interface CredentialField<Name extends string = string> {
  name: Name;
  /** Keys, tokens and passwords are secret; a Basic user name is not. */
  secret: boolean;
}

/**
 * The credentials a simulator accepts, as properties named like the vendor client's options
 * (`apiKey`, `token`, `username` + `password`), so `{ ...options, apiKey: sim.credentials.apiKey }`
 * reads naturally. Values are readable but never printed: toJSON and util.inspect redact the secret
 * ones, and the properties are not enumerable, so a spread or `Object.entries` shows none.
 */
export class SimulatorCredentials<Name extends string = string> {
  readonly #values: ReadonlyMap<Name, string>;
  readonly #fields: readonly CredentialField<Name>[];
  readonly #wire: WireForms;

  constructor(
    fields: readonly CredentialField<Name>[],
    values: Readonly<Record<Name, string>>,
    wire: WireForms = { encodedSecrets: [] },
  ) {
    this.#fields = fields;
    this.#values = new Map(fields.map((field) => [field.name, values[field.name]]));
    this.#wire = wire;
    for (const { name } of fields) {
      Object.defineProperty(this, name, { get: () => this.#values.get(name), enumerable: false });
    }
  }

  /** The `Authorization` header value, for a vendor authenticated by HTTP Basic or Bearer. */
  get authorization(): string | undefined {
    return this.#wire.authorization;
  }

  /** The credential names, in the order the spec's security scheme gives them. */
  get names(): readonly Name[] {
    return this.#fields.map((field) => field.name);
  }

  /** The names whose values are secret (what a CLI or a log must scrub). */
  get secretNames(): readonly Name[] {
    return this.#fields.filter((field) => field.secret).map((field) => field.name);
  }

  /** The secret values and every encoding they travel in (Basic's base64), for a scrubber. */
  secretValues(): string[] {
    const values = this.secretNames.map((name) => this.#values.get(name) ?? "");
    return [...values, ...this.#wire.encodedSecrets];
  }

  /** Every credential as `name=value`, secrets included: only for fixed development credentials. */
  describeForDevelopment(): string {
    return this.names.map((name) => `${name}=${this.#values.get(name) ?? ""}`).join(" ");
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries(
      this.#fields.map(({ name, secret }) => [
        name,
        secret ? REDACTED : (this.#values.get(name) ?? ""),
      ]),
    );
  }

  [inspect.custom](): string {
    return `SimulatorCredentials ${inspect(this.toJSON())}`;
  }
}

/** How the credentials look on the wire, where that differs from the values themselves. */
export interface WireForms {
  authorization?: string;
  /** Secrets as encoded on the wire (the base64 of `user:password`). */
  encodedSecrets: readonly string[];
}

/** Credentials whose properties TypeScript knows: `Credentials<"apiKey">` has `.apiKey`. */
export type Credentials<Name extends string> = SimulatorCredentials<Name> &
  Readonly<Record<Name, string>>;

/** A random secret for one simulator run, so tests never depend on a fixed key. */
export function randomSecret(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString("hex")}`;
}

export function header(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
