// The one list of vendors the CLI knows: each vendor package's connector, in the order their
// columns appear. Everything else in the CLI reads a vendor's settings, clients and offboarding
// from its connector.
import type { Connector, VendorId } from "@rollcall/core";
import { connector as eagle } from "@rollcall/eagle-client";
import { connector as opsgenie } from "@rollcall/opsgenie-client";
import { connector as rootly } from "@rollcall/rootly-client";
import { connector as uptrends } from "@rollcall/uptrends-client";

export type CliVendor = VendorId;

export const CONNECTORS: readonly Connector[] = [eagle, rootly, opsgenie, uptrends];

export const CLI_VENDORS: readonly CliVendor[] = CONNECTORS.map((connector) => connector.id);

export function isCliVendor(value: string): value is CliVendor {
  return CLI_VENDORS.includes(value);
}
