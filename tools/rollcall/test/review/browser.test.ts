// The review as an auditor sees it: Debian's Chromium, driven by playwright-core, opens the page
// over file:// with the network cut off, finds every section and the privilege badges, and a
// full-page screenshot is decoded to check that something coloured was actually drawn.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AccessChanges } from "@rollcall/core";
import { chromium, type Browser } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewInputFromPull } from "../../src/commands/review";
import { readVendorEnvironment } from "../../src/env-config";
import { writeReview, type ReviewInput } from "../../src/review/index";
import { SecretScrubber } from "../../src/secret-scrubber";
import { withDirectory } from "../../src/session";
import { printer } from "../../src/terminal";
import { CLI_VENDORS } from "../../src/vendors";
import { demoPerson, expectedPeople } from "../demo-roster";
import { useDemoSimulators } from "../demo-simulators";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const BROWSER_TIMEOUT = 120_000;

const demo = useDemoSimulators();
const ava = demoPerson("ava-chen");
const grace = demoPerson("grace-kim");
const ben = demoPerson("ben-okafor");

/** What a diff of two snapshots might have said; Uptrends was not fully read in one of them. */
const CHANGES: AccessChanges = {
  unknownVendors: ["uptrends"],
  changes: [
    {
      type: "person-joined",
      vendor: null,
      person: { key: grace.workEmail, displayName: "Grace Kim" },
    },
    {
      type: "privilege-changed",
      vendor: "opsgenie",
      person: { key: ben.workEmail, displayName: "Ben Okafor" },
      account: { vendor: "opsgenie", kind: "opsgenie.user", id: "ben" },
      entitlement: { kind: "role", id: "Admin", name: "Admin" },
      from: "member",
      to: "admin",
    },
    {
      type: "account-removed",
      vendor: "uptrends",
      person: { key: "ghost@harbourline.example", displayName: "Ghost Uptrends" },
    },
  ],
};

/** The demo organisation pulled as `rollcall review` pulls it, plus the changes above. */
async function demoReviewInput(): Promise<ReviewInput> {
  const scrubber = new SecretScrubber();
  const quiet = printer(
    { writeOut: () => {}, writeErr: () => {}, outIsTty: false, errIsTty: false, env: demo.env },
    { out: (text) => text, err: (text) => text },
  );
  let input: ReviewInput | undefined;
  const source = { vendors: CLI_VENDORS, simulate: false };
  await withDirectory(source, readVendorEnvironment(demo.env), quiet, scrubber, async (session) => {
    input = reviewInputFromPull(session.pulled, new Date("2026-11-30T09:00:00Z"));
    return 0;
  });
  return { ...input!, changes: CHANGES, previousTakenAt: new Date("2026-08-31T09:00:00Z") };
}

function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is needed for the review's browser test and is not at ${CHROMIUM}. Install ` +
        "Debian's package: `apt-get update && apt-get install -y --no-install-recommends " +
        "chromium` (as root), or set CHROMIUM_PATH to a Chromium binary.",
    );
  }
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}

/** Pixels that are not white, and how many distinct colours the image has. */
function inkOf(png: Buffer): { nonWhite: number; total: number; colours: Map<string, number> } {
  const image = PNG.sync.read(png);
  const colours = new Map<string, number>();
  let nonWhite = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
    if (r < 245 || g < 245 || b < 245) nonWhite++;
    const key = `${r},${g},${b}`;
    colours.set(key, (colours.get(key) ?? 0) + 1);
  }
  return { nonWhite, total: image.width * image.height, colours };
}

describe("the review in a real browser", () => {
  let dir = "";
  let browser: Browser | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rollcall-review-browser-"));
    browser = await launchChromium();
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    "shows every section and the badges offline, and draws a coloured page",
    async () => {
      await writeReview(await demoReviewInput(), dir);
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
      // Everything but the file itself is cut off, and every attempt is recorded.
      const attempted: string[] = [];
      context.on("request", (request) => {
        if (!request.url().startsWith("file:")) attempted.push(request.url());
      });
      await context.route(
        (url) => url.protocol !== "file:",
        (route) => {
          attempted.push(route.request().url());
          return route.abort();
        },
      );
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(dir, "review.html")).href, { waitUntil: "load" });

      for (const heading of [
        "Summary",
        "People and their access",
        "Changes since the snapshot of 2026-08-31 09:00 UTC",
        "Dormant accounts: no login in 90 days",
        "Orphaned accounts and grants",
        "Leavers still holding access",
      ]) {
        await expect(
          page.getByRole("heading", { name: heading, exact: true }).isVisible(),
        ).resolves.toBe(true);
      }
      const people = page.locator(".tile", { hasText: "people" }).locator(".count");
      expect(await people.innerText()).toBe(String(expectedPeople().size));

      // The matrix starts with the owners; Grace Kim is an admin of eagle.io, its first column.
      const rows = page.locator("#matrix tbody tr");
      expect(await rows.first().locator("td.person").innerText()).toContain(ava.workEmail);
      const graceEagle = rows.filter({ hasText: grace.workEmail }).locator("td").nth(1);
      const badge = graceEagle.locator(".badge");
      expect(await badge.isVisible()).toBe(true);
      expect(await badge.innerText()).toBe("admin");
      expect(await badge.evaluate((node) => getComputedStyle(node).backgroundColor)).toBe(
        "rgb(192, 57, 43)",
      );

      const changes = page.locator("#changes");
      expect(
        await changes.getByRole("heading", { name: "Privilege changes (1)" }).isVisible(),
      ).toBe(true);
      expect(await changes.innerText()).toContain("Not compared: Uptrends");
      expect(await changes.innerText()).not.toContain("Ghost Uptrends");

      const shot = inkOf(await page.screenshot({ fullPage: true }));
      expect(shot.total).toBeGreaterThan(1280 * 1500);
      expect(shot.nonWhite / shot.total).toBeGreaterThan(0.05);
      expect(shot.colours.size).toBeGreaterThan(100);
      // The admin badges' red fill is drawn, not just laid out.
      expect(shot.colours.get("192,57,43") ?? 0).toBeGreaterThan(500);

      expect(attempted).toEqual([]);
      await context.close();
    },
    BROWSER_TIMEOUT,
  );
});
