import { specs, type VendorId } from "./generated/specs";
import type { OpenApiDocument } from "./spec/openapi-document";

/** The spec bundled into this package for a vendor (written by the codegen tool from specs/). */
export function bundledSpec(vendor: VendorId): OpenApiDocument {
  return specs[vendor] as OpenApiDocument;
}
