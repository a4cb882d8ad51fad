// The incident of Rootly's assign_role_to_user document, read from the bundled spec's own example so
// the seed and the spec cannot drift apart. Embedded users and role assignments are rebuilt from the
// store, so the example's copies of them are dropped here.
import { bundledSpec } from "../../vendor-specs";

type Relationships = Record<string, { data: { id: string; type: string }[] }>;

interface DocumentedIncident {
  id: string;
  attributes: Record<string, unknown>;
  relationships: Relationships;
}

const EXAMPLE_PATH = [
  "paths",
  "/v1/incidents/{id}/assign_role_to_user",
  "post",
  "responses",
  "200",
  "content",
  "application/vnd.api+json",
  "examples",
  "documented",
  "value",
  "data",
];

function documentedIncident(): DocumentedIncident {
  let node: unknown = bundledSpec("rootly");
  for (const key of EXAMPLE_PATH) node = (node as Record<string, unknown> | undefined)?.[key];
  const data = node as Partial<DocumentedIncident> | undefined;
  if (typeof data?.id !== "string" || data.attributes === undefined || !data.relationships) {
    throw new Error(
      `the Rootly spec lost its documented incident example (${EXAMPLE_PATH.join(" › ")})`,
    );
  }
  const { user: _user, started_by: _startedBy, ...attributes } = data.attributes;
  const { roles: _roles, ...relationships } = data.relationships;
  return { id: data.id, attributes, relationships };
}

const incident = documentedIncident();

export const docsIncidentId = incident.id;
export const docsIncidentAttributes: Record<string, unknown> = incident.attributes;
export const docsIncidentRelationships: Relationships = incident.relationships;
