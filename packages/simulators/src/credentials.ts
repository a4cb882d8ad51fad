import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { REDACTED } from "./server/redaction";

/**
 * Credentials a simulator accepts. The secret is readable (tests pass it to a client) but never
 * printed: toJSON and util.inspect show it redacted.
 */
abstract class SecretHolder {
  protected abstract describe(): Record<string, string>;
  toJSON(): Record<string, string> {
    return this.describe();
  }
  [inspect.custom](): string {
    return `${this.constructor.name} ${inspect(this.describe())}`;
  }
}

export class ApiKeyCredentials extends SecretHolder {
  readonly #apiKey: string;
  constructor(apiKey: string) {
    super();
    this.#apiKey = apiKey;
  }
  get apiKey(): string {
    return this.#apiKey;
  }
  protected describe(): Record<string, string> {
    return { apiKey: REDACTED };
  }
}

export class BearerTokenCredentials extends SecretHolder {
  readonly #token: string;
  constructor(token: string) {
    super();
    this.#token = token;
  }
  get token(): string {
    return this.#token;
  }
  protected describe(): Record<string, string> {
    return { token: REDACTED };
  }
}

export class BasicCredentials extends SecretHolder {
  readonly username: string;
  readonly #password: string;
  constructor(username: string, password: string) {
    super();
    this.username = username;
    this.#password = password;
  }
  get password(): string {
    return this.#password;
  }
  /** The `Authorization` header value. */
  get authorization(): string {
    return `Basic ${Buffer.from(`${this.username}:${this.#password}`).toString("base64")}`;
  }
  protected describe(): Record<string, string> {
    return { username: this.username, password: REDACTED };
  }
}

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
