import type { VendorId } from "../generated/specs";
import { bundledSpec } from "../vendor-specs";

/**
 * A named response example of a vendor's bundled spec (`"GET /Operator"`, status, example name),
 * deep-copied so a store can change it while the spec stays as written. Docs seeds read the
 * vendor documents' records this way instead of copying them; a spec that loses the example fails
 * here, naming it.
 */
export function responseExample(
  vendor: VendorId,
  route: string,
  status: string,
  name: string,
): unknown {
  const [method = "", path = ""] = route.split(" ");
  const response = (
    bundledSpec(vendor).paths?.[path]?.[method.toLowerCase()] as
      | { responses?: Record<string, { content?: Record<string, { examples?: unknown }> }> }
      | undefined
  )?.responses?.[status];
  const examples = Object.values(response?.content ?? {}).map(
    (content) => (content.examples as Record<string, { value?: unknown }> | undefined)?.[name],
  );
  const example = examples.find((candidate) => candidate?.value !== undefined);
  if (example === undefined) {
    throw new Error(`the ${vendor} spec lost its example ${route} ${status} ${name}`);
  }
  return structuredClone(example.value);
}
