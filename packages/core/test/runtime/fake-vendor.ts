import { createApiClient, type ApiClientOptions, type VendorConfig } from "../../src/runtime";
import type { paths } from "./scripted-server";

export const API_KEY = "sk_live_SECRET-4f9a2b7c";

/** A fake vendor config like the vendor packages write (header auth, no sleeping between retries). */
export function fakeVendor(overrides: Partial<VendorConfig> = {}): VendorConfig {
  return {
    vendor: "fakevendor",
    packageName: "@rollcall/fake-client",
    packageVersion: "1.2.3",
    baseUrl: "https://api.fake.invalid",
    auth: { headers: { "X-Api-Key": API_KEY } },
    ...overrides,
  };
}

/** Records the waits the runtime asks for instead of sleeping. */
export function recordingSleep() {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
}

export function fakeClient(
  baseUrl: string,
  options: ApiClientOptions = {},
  vendor?: Partial<VendorConfig>,
) {
  return createApiClient<paths>(fakeVendor(vendor), { baseUrl, ...options });
}
