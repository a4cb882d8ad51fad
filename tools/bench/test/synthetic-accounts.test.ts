import { buildDirectory, normalizeEmail } from "@rollcall/core";
import { describe, expect, it } from "vitest";
import { syntheticAccounts } from "../src/synthetic-accounts";

describe("syntheticAccounts", () => {
  const accounts = syntheticAccounts(5000);

  it("is the same population for the same seed, and another for another seed", () => {
    expect(syntheticAccounts(200)).toEqual(syntheticAccounts(200));
    expect(syntheticAccounts(200, 7)).not.toEqual(syntheticAccounts(200));
  });

  it("normalises addresses exactly as core's email() would", () => {
    for (const account of accounts.slice(0, 500)) {
      for (const address of account.emails) {
        expect(address.normalized).toBe(normalizeEmail(address.value));
      }
    }
  });

  it("spreads people across vendors, with unjoinable and malformed records among them", () => {
    const directory = buildDirectory(accounts);
    const multiVendor = directory.people.filter((person) => person.vendors.length >= 2);
    expect(new Set(accounts.map((a) => a.source.vendor))).toEqual(
      new Set(["opsgenie", "rootly", "uptrends", "eagle"]),
    );
    expect(multiVendor.length / directory.people.length).toBeGreaterThan(0.3);
    expect(directory.people.length).toBeLessThan(accounts.length / 1.5);
    expect(directory.issues.length).toBeGreaterThan(0);
  });
});
