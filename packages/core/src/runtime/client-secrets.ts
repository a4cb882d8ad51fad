import type { ApiClientOptions, VendorConfig } from "./client-options";
import { isSensitiveName, secretsInHeaderValue } from "./redaction";

/** Stage 2: every credential the client was given: auth placements, sensitive headers, `secrets`. */
export function secretsOf(vendor: VendorConfig, options: ApiClientOptions): string[] {
  const {
    query: authQuery,
    body: authBody,
    headers: authHeaders,
    scopedHeaders,
  } = vendor.auth ?? {};
  const secrets: unknown[] = [
    ...(vendor.secrets ?? []),
    ...Object.values(authQuery?.params ?? {}),
    ...Object.values(authBody?.fields ?? {}),
  ];
  for (const [headers, all] of [
    [authHeaders, true],
    [scopedHeaders?.headers, true],
    [vendor.headers, false],
    [options.headers, false],
  ] as const) {
    for (const [name, value] of Object.entries(headers ?? {}))
      if (all || (typeof value === "string" && isSensitiveName(name)))
        secrets.push(...secretsInHeaderValue(value));
  }
  return secrets as string[];
}
