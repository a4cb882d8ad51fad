// A Rootly user record for a test to put in the simulator's store: only the parts under test vary.
import { startRootly, type RootlySimulator } from "@rollcall/simulators";

export function rootlyUser(id: string, email: string, firstName: string) {
  return {
    id,
    email,
    first_name: firstName,
    last_name: "Smith",
    phone: null,
    phone_2: null,
    slack_id: null,
    team: null,
    time_zone: "Etc/UTC",
    created_at: "2024-01-01T00:00:00.000Z",
    updated_at: "2024-01-01T00:00:00.000Z",
    email_address_id: `9${id}`,
    role_id: null,
    on_call_role_id: null,
  };
}

/**
 * A Rootly simulator (not checking its answers against the spec) serving one user whose record has
 * no email: one record the adapter cannot read.
 */
export async function rootlyWithUserWithoutEmail(id: string): Promise<RootlySimulator> {
  const rootly = await startRootly({ seed: "demo", validateResponses: false });
  rootly.store.users.put({ ...rootlyUser(id, "", "No"), last_name: "Address" });
  return rootly;
}
