import type { Connector } from "@rollcall/core";
import { REGISTRY_VENDORS } from "./registry";

/**
 * The `connector` each registered vendor package exports, in registry order: the bench reads
 * everything it needs about a vendor from it, and names no vendor itself.
 */
export const CONNECTORS: readonly Connector[] = await Promise.all(
  REGISTRY_VENDORS.map(async (row) => {
    const { connector } = (await import(row.package)) as { connector?: Connector };
    if (connector?.id !== row.id)
      throw new Error(`${row.package} exports no connector for ${JSON.stringify(row.id)}`);
    return connector;
  }),
);
