// The incident of Rootly's assign_role_to_user document, read from the bundled spec's own example so
// the seed and the spec cannot drift apart. Embedded users and role assignments are rebuilt from the
// store, so the example's copies of them are dropped here.
import type { components } from "../../generated/rootly-schema";
import { responseExample } from "../../spec/spec-examples";
import type { RootlyIncidentRecord } from "./rootly-store";

const ROUTE = "POST /v1/incidents/{id}/assign_role_to_user";

function documentedIncident(): Pick<RootlyIncidentRecord, "id" | "attributes" | "relationships"> {
  const example = responseExample("rootly", ROUTE, "200", "documented") as {
    data?: Partial<components["schemas"]["Incident"]>;
  };
  const data = example.data;
  if (typeof data?.id !== "string" || data.attributes === undefined || !data.relationships) {
    throw new Error(`the Rootly spec's documented incident example (${ROUTE}) lost its incident`);
  }
  const { user: _user, started_by: _startedBy, ...attributes } = data.attributes;
  const { roles: _roles, ...relationships } = data.relationships;
  return { id: data.id, attributes, relationships };
}

const incident = documentedIncident();

export const docsIncidentId = incident.id;
export const docsIncidentAttributes = incident.attributes;
export const docsIncidentRelationships = incident.relationships;
