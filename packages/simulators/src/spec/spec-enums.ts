import type { VendorId } from "../generated/specs";
import { bundledSpec } from "../vendor-specs";

/**
 * The values of a named enum schema of a vendor's bundled spec, typed by the caller from the
 * generated schema types (`schemaEnum<Schemas["SortOrder"]>("opsgenie", "SortOrder")`), so a
 * simulator lists a spec's enumeration without re-typing it. A spec that loses it fails here.
 */
export function schemaEnum<Value extends string>(vendor: VendorId, schema: string): Value[] {
  const values = (bundledSpec(vendor).components?.["schemas"]?.[schema] as { enum?: unknown })
    ?.enum;
  if (!Array.isArray(values) || !values.every((value) => typeof value === "string")) {
    throw new Error(`the ${vendor} spec lost its enum schema ${schema}`);
  }
  return [...values] as Value[];
}
