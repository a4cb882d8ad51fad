import type { ApiClientOptions, VendorConfig } from "./client-options";
import type { Redactor } from "./redaction";
import type { Fail } from "./vendor-config-check";

/** Stage 3: the base URL every call goes to (the user's over the vendor's), refused unless http(s). */
export function resolveBaseUrl(
  vendor: VendorConfig,
  options: ApiClientOptions,
  redactor: Redactor,
  fail: Fail,
): string {
  const baseUrl = options.baseUrl ?? vendor.baseUrl;
  const field = options.baseUrl === undefined ? "vendor.baseUrl" : "options.baseUrl";
  const parsed =
    typeof baseUrl === "string" && URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (!parsed || !/^https?:$/.test(parsed.protocol))
    fail(
      field,
      `must be an absolute http(s) URL, got ${JSON.stringify(redactor.url(String(baseUrl)))}`,
    );
  if (parsed!.username || parsed!.password)
    fail(field, "must not carry credentials; pass them to the client's auth options");
  return baseUrl;
}
