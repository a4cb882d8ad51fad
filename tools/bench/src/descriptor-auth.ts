import type { ConnectorDescriptor } from "@rollcall/core";

// The bare baselines put credentials where the vendor's documentation says, read from the
// generated descriptor rather than from Rollcall's runtime, so no baseline runs our own code.

/**
 * Where a GET carries the credentials, read from the descriptor as its documentation defines it:
 * `{option}` templates in header and query values, and HTTP Basic (RFC 7617) from its two options.
 */
export function credentialsOf(descriptor: ConnectorDescriptor, settings: Record<string, string>) {
  const fill = (templates: Readonly<Record<string, string>> = {}) =>
    Object.fromEntries(
      Object.entries(templates).map(([name, template]) => [
        name,
        template.replace(/\{(\w+)\}/g, (_, option: string) => settings[option] ?? ""),
      ]),
    );
  const { auth = {}, basic } = descriptor;
  const headers = fill(auth.headers);
  if (basic) {
    const pair = `${settings[basic[0]]}:${settings[basic[1]]}`;
    headers.Authorization = `Basic ${Buffer.from(pair).toString("base64")}`;
  }
  const query =
    auth.query && (auth.query.methods?.includes("GET") ?? true) ? auth.query : undefined;
  return { headers, query: fill(query?.params) };
}
