// The fifth vendor's hand-written part, as `packages/acme-client/src/connector.ts` would hold it:
// where its user records keep each account field, and the connector. Everything else — the client
// factory with its auth, media type, error bodies and parameter checks, the listing, and the
// offboarding step with its planner and executor — is generated from its spec, passed in here
// because the test generates it into a temporary copy.
import {
  adaptRecords,
  defineConnector,
  type ApiClient,
  type ListOptions,
  type OffboardingExecutor,
  type OffboardingPlanner,
  type OffboardingStep,
  type OperationRules,
  type RecordFields,
  type VendorDescriptor,
} from "@rollcall/core";

interface AcmeUser {
  id: string;
  email: string;
  role: string;
}

export interface AcmeDeleteUser extends OffboardingStep {
  readonly action: "acme.deleteUser";
  readonly userId: string;
}

// The generated `paths` types live in the temporary copy; the test needs no more than `any` here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AcmeClient = ApiClient<any>;

/** What the test loads of the vendor's generated modules. */
export interface Generated {
  vendor: VendorDescriptor;
  operations: OperationRules;
  createAcmeClient: (options: { apiKey: string }) => AcmeClient;
  listAllUsers: (client: AcmeClient, options?: ListOptions) => AsyncIterable<AcmeUser>;
  offboarding: {
    OFFBOARDED_KIND: string;
    offboardingPlanner: OffboardingPlanner<AcmeDeleteUser>;
    offboardingExecutor: (client: AcmeClient) => OffboardingExecutor<AcmeDeleteUser>;
  };
}

export function acmeConnector({ vendor, createAcmeClient, listAllUsers, offboarding }: Generated) {
  const userFields: RecordFields<AcmeUser> = {
    vendor: vendor.id,
    kind: offboarding.OFFBOARDED_KIND,
    noun: "user",
    id: "id",
    emails: [["email", "login"]],
    role: ["role", { admin: "admin", member: "member" }],
  };
  return defineConnector<AcmeClient, AcmeDeleteUser>(vendor, {
    env: { apiKey: "ACME_API_KEY" },
    client: createAcmeClient,
    async pullAccounts(client, options) {
      const users: AcmeUser[] = [];
      for await (const record of listAllUsers(client, { pageSize: 2 })) users.push(record);
      options?.onPage?.({ vendor: vendor.id, page: 1, items: users });
      return adaptRecords(userFields, users);
    },
    planOffboarding: offboarding.offboardingPlanner,
    offboardingExecutor: offboarding.offboardingExecutor,
  });
}
