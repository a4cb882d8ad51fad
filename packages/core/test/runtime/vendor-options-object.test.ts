// Options that are not an object are refused naming the descriptor's credentials, unless the
// vendor says what it expects: the user learns which options to pass, whatever the vendor.
import { describe, expect, it } from "vitest";
import { createVendorClient, type VendorDescriptor } from "../../src/runtime";

const descriptor = {
  id: "fakevendor",
  title: "Fake",
  packageName: "@rollcall/fake-client",
  defaultBaseUrl: "https://api.fake.invalid",
  credentials: [{ option: "username" }, { option: "password" }],
  auth: {},
  basic: ["username", "password"],
  mediaType: "application/json",
  headers: { Accept: "application/json" },
} as const satisfies VendorDescriptor;

const site = { operation: "createFakeClient", packageVersion: "1.2.3" };

describe("createVendorClient with options that are not an object", () => {
  it.each([undefined, "secret", ["username"]])("refuses %j, naming every credential", (options) => {
    expect(() => createVendorClient(descriptor, options, site)).toThrow(
      expect.objectContaining({
        name: "ClientValidationError",
        vendor: "fakevendor",
        operation: "createFakeClient",
        field: "options",
        message:
          "fakevendor createFakeClient: options must be an object with at least { username, password }",
      }),
    );
  });

  it("says what the vendor expects when it says so", () => {
    expect(() =>
      createVendorClient(descriptor, null, { ...site, expected: "a Fake options object" }),
    ).toThrow("fakevendor createFakeClient: options must be a Fake options object");
  });
});
