// The fifth vendor's hand-written part, as `packages/acme-client/src/connector.ts` would hold it:
// its account adapter, its offboarding step, and the connector. Everything else — auth, media type,
// error bodies, parameter checks — comes from the code generated from its spec, passed in here
// because the test generates it into a temporary copy of the repo.
import {
  checksByRoute,
  createVendorClient,
  defineConnector,
  defineAccount,
  deletionExecutor,
  deletionPlanner,
  email,
  roleFrom,
  unwrap,
  type ApiClient,
  type OffboardingStep,
  type OperationRules,
  type VendorDescriptor,
} from "@rollcall/core";
import { operationChecks } from "@rollcall/core";

/** The generated modules of the vendor: `src/generated/vendor.ts` and `operations.ts`. */
export interface Generated {
  vendor: VendorDescriptor;
  operations: OperationRules;
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

export function acmeConnector({ vendor, operations }: Generated) {
  const checkRequest = checksByRoute(operationChecks(vendor.id, operations));
  const user = (userId: string) => ({ params: { path: { userId } } });
  return defineConnector<AcmeClient, AcmeDeleteUser>(vendor, {
    env: { apiKey: "ACME_API_KEY" },
    client: (options: { apiKey: string }) =>
      createVendorClient(vendor, options, {
        operation: "createAcmeClient",
        packageVersion: "0.0.0",
        checkRequest,
      }) as AcmeClient,
    async pullAccounts(client, options) {
      const { users } = unwrap(await client.GET("/users", {})) as { users: AcmeUser[] };
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
