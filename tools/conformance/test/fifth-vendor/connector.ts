// The fifth vendor's hand-written part, as `packages/acme-client/src/connector.ts` would hold it:
// its account adapter, its offboarding step, and the connector. Everything else — the client
// factory with its auth, media type, error bodies and parameter checks, and the listing — is
// generated from its spec, passed in here because the test generates it into a temporary copy.
import {
  defineConnector,
  defineAccount,
  deletionExecutor,
  deletionPlanner,
  email,
  roleFrom,
  type ApiClient,
  type ListOptions,
  type OffboardingStep,
  type OperationRules,
  type VendorDescriptor,
} from "@rollcall/core";

/** What the test loads of the vendor's generated modules: vendor.ts, operations.ts, client.ts. */
export interface Generated {
  vendor: VendorDescriptor;
  operations: OperationRules;
  createAcmeClient: (options: { apiKey: string }) => AcmeClient;
  listAllUsers: (client: AcmeClient, options?: ListOptions) => AsyncIterable<AcmeUser>;
}

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

export function acmeConnector({ vendor, createAcmeClient, listAllUsers }: Generated) {
  const user = (userId: string) => ({ params: { path: { userId } } });
  return defineConnector<AcmeClient, AcmeDeleteUser>(vendor, {
    env: { apiKey: "ACME_API_KEY" },
    client: createAcmeClient,
    async pullAccounts(client, options) {
      const users: AcmeUser[] = [];
      for await (const record of listAllUsers(client, { pageSize: 2 })) users.push(record);
      options?.onPage?.({ vendor: vendor.id, page: 1, items: users });
      const accounts = users.map((record) =>
        defineAccount({
          source: { vendor: vendor.id, kind: "acme.user", id: record.id },
          raw: record,
          emails: [email(record.email, "login")],
          role: roleFrom(record.role, { admin: "admin", member: "member" }),
        }),
      );
      return { accounts, issues: [] };
    },
    planOffboarding: deletionPlanner<AcmeDeleteUser>({
      kind: "acme.user",
      action: "acme.deleteUser",
      step: ({ source }, login) => ({
        userId: source.id,
        description: `Delete Acme Ops user ${login ?? source.id} (id ${source.id}).`,
      }),
    }),
    offboardingExecutor: (client) =>
      deletionExecutor<AcmeDeleteUser>({
        vendor: vendor.id,
        action: "acme.deleteUser",
        target: (step) => ({ field: "userId", value: step.userId }),
        remove: (step) => client.DELETE("/users/{userId}", user(step.userId)),
        readBack: (step) => client.GET("/users/{userId}", user(step.userId)),
      }),
  });
}
