// Core is vendor-neutral: a vendor is a spec, a registry row and its package's connector, so
// nothing in core's source — code, types or comments — may name one. A fifth vendor then needs
// no core change, and no vendor's fact can hide here.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const SOURCE = join(REPO, "packages/core/src");

async function vendorNames(): Promise<string[]> {
  const registry = JSON.parse(await readFile(join(REPO, "specs/vendors.json"), "utf8")) as {
    vendors: { id: string; title: string }[];
  };
  return registry.vendors.flatMap((vendor) => [vendor.id, vendor.title]);
}

function mentionsOf(names: readonly string[]): RegExp {
  const escaped = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`\\b(?:${escaped.join("|")})`, "i");
}

it("names no vendor of the registry anywhere in packages/core/src", async () => {
  const names = await vendorNames();
  expect(names.length).toBeGreaterThanOrEqual(8);
  const mentions = mentionsOf(names);
  // The pattern finds each name as a word, in any case, so the scan below can fail.
  for (const name of names) expect(mentions.test(`see ${name.toUpperCase()}'s docs`)).toBe(true);

  const found: string[] = [];
  const files = await readdir(SOURCE, { recursive: true, withFileTypes: true });
  const sources = files.filter((entry) => entry.isFile() && entry.name.endsWith(".ts"));
  expect(sources.length).toBeGreaterThan(20);
  for (const entry of sources) {
    const path = join(entry.parentPath, entry.name);
    const lines = (await readFile(path, "utf8")).split("\n");
    lines.forEach((line, index) => {
      if (mentions.test(line))
        found.push(`${path.slice(REPO.length)}:${index + 1}: ${line.trim()}`);
    });
  }
  expect(found).toEqual([]);
});
