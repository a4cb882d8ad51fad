import { unwrap, type ApiClientOptions } from "@rollcall/core";
import type { FaultScenarioOptions } from "@rollcall/core/testing";
import { createEagleClient } from "@rollcall/eagle-client";
import { createOpsgenieClient, listAllUsers as listOpsgenieUsers } from "@rollcall/opsgenie-client";
import { createRootlyClient, listAllUsers as listRootlyUsers } from "@rollcall/rootly-client";
import {
  startEagle,
  startOpsgenie,
  startRootly,
  startUptrends,
  type LoggedRequest,
  type SeedChoice,
  type SimulatedVendor,
} from "@rollcall/simulators";
import { createUptrendsClient } from "@rollcall/uptrends-client";

/** A credential as a test hands it to a harness: the secret, and a user name where there is one. */
export interface Credential {
  secret: string;
  username?: string;
}

/** A call a test makes: `options` carries per-call settings such as `timeoutMs`. */
type Call = (client: never, options?: { timeoutMs?: number }) => Promise<unknown>;

/** Simulator facts the suite reads, whichever vendor it is. */
export interface AnySimulator {
  url: string;
  reset(): void;
  close(): Promise<void>;
  assertNoContractViolations(): void;
  requestCount(route?: string): number;
  faults: import("@rollcall/simulators").FaultScript;
  requests: readonly LoggedRequest[];
  clearRequests(): void;
}

/** What the conformance suite needs to know about one vendor client. Add a row per vendor. */
export interface VendorHarness {
  vendor: SimulatedVendor;
  /** Where the credential sits on the wire, for test names. */
  placement: string;
  /** True when the credential travels as a raw header value (so fetch must be able to send it). */
  rawHeader: boolean;
  /** True when the credential rides in the query string of GETs. */
  inQuery: boolean;
  /** What the vendor's simulator does that changes the fault scenarios' expectations. */
  faultScenarioOptions?: FaultScenarioOptions;
  /** A credential the hostile servers are given (they accept anything). */
  testCredential: Credential;
  start(options?: { generatedUsers?: number; seed?: SeedChoice }): Promise<AnySimulator>;
  /** The credential the simulator accepts. */
  credentialOf(sim: AnySimulator): Credential;
  /** The vendor's client factory, as users call it. */
  factory(options: never): unknown;
  /** The factory options carrying `credential`, and the option that holds the secret. */
  credentialOptions(credential: Credential): Record<string, string | undefined>;
  secretField: string;
  /** Every form of the credential that must never appear in an error, hook payload or other origin. */
  secretForms(credential: Credential): string[];
  /** An idempotent GET (simulator `route` for fault injection); `check` asserts its data. */
  get: { route: string; call: Call; check(data: unknown): void };
  /** A non-idempotent POST. */
  post: { route: string; call: Call };
  /** A call the simulator answers 404. */
  notFound: Call;
  /** A POST with a body the API rejects (400/422, or refused before sending). */
  rejectedPost: Call;
  /** An error body in the vendor's format whose message is `text` (a server echoing it). */
  errorBody(text: string): unknown;
  /** The vendor's `listAllUsers`, when the vendor paginates; `cursorParams` carry the page. */
  listing?: {
    cursorParams: string[];
    /** The largest page the API serves: one more is refused before sending. */
    maxPageSize: number;
    list(client: never, pageSize: number): AsyncIterable<unknown>;
  };
}

const basic = ({ username, secret }: Credential) =>
  Buffer.from(`${username}:${secret}`).toString("base64");

const JOHN = "ac463592-dbd2-4ca3-a651-48fdf5e5c871";
const THIRD_OPERATOR = "d2782d76-62e7-4946-a41c-fc7f86c96300";
const INCIDENT = "af96c85d-324d-4189-9138-d393d9a12fb9";
const ROLE = "f8e941d9-1172-4544-afdc-b40f4eb20c77";
const expectThat = (ok: boolean, what: string) => {
  if (!ok) throw new Error(`unexpected data: ${what}`);
};

type Eagle = ReturnType<typeof createEagleClient>;
type Rootly = ReturnType<typeof createRootlyClient>;
type Opsgenie = ReturnType<typeof createOpsgenieClient>;
type Uptrends = ReturnType<typeof createUptrendsClient>;
export type { Rootly as RootlyClient, Opsgenie as OpsgenieClient, Uptrends as UptrendsClient };

const ROWS: Omit<VendorHarness, "create">[] = [
  {
    vendor: "eagle",
    placement: "X-Api-Key header",
    rawHeader: true,
    inQuery: false,
    testCredential: { secret: "eagle-conformance-key-0123456789" },
    start: (options) => startEagle({ seed: "docs", ...options }),
    credentialOf: (sim) => ({ secret: (sim as never as EagleSim).credentials.apiKey }),
    factory: createEagleClient,
    credentialOptions: ({ secret }) => ({ apiKey: secret }),
    secretField: "options.apiKey",
    secretForms: ({ secret }) => [secret],
    get: {
      route: "GET /api/v1/owners/account/usage",
      call: async (client: Eagle, o) => unwrap(await client.GET("/api/v1/owners/account/usage", o)),
      check: (data) => expectThat(typeof data === "object" && data !== null, "eagle usage"),
    },
    post: {
      route: "POST /api/v1/owners/account/groups",
      call: async (client: Eagle, o) =>
        unwrap(
          await client.POST("/api/v1/owners/account/groups", {
            body: [{ name: "Conformance group", users: [] }],
            ...o,
          }),
        ),
    },
    notFound: async (client: Eagle) =>
      unwrap(
        await client.PUT("/api/v1/owners/account/groups/{id}", {
          params: { path: { id: "0123456789abcdef01234567" } },
          body: { name: "Nope" },
        }),
      ),
    rejectedPost: async (client: Eagle) =>
      unwrap(await client.POST("/api/v1/owners/account/groups", { body: [{}] as never })),
    errorBody: (text) => ({ error: { code: 429, message: text } }),
  },
  {
    vendor: "rootly",
    placement: "Authorization: Bearer header",
    rawHeader: true,
    inQuery: false,
    // Rootly's plain 429 carries X-RateLimit-Reset a minute away: handed back, not retried.
    faultScenarioOptions: { rateLimitNamesLongWait: true },
    testCredential: { secret: "rootly_conformance_token_0123456789" },
    start: (options) => startRootly({ seed: "docs", ...options }),
    credentialOf: (sim) => ({ secret: (sim as never as RootlySim).credentials.token }),
    factory: createRootlyClient,
    credentialOptions: ({ secret }) => ({ token: secret }),
    secretField: "options.token",
    secretForms: ({ secret }) => [secret],
    get: {
      route: "GET /v1/users/{}",
      call: async (client: Rootly, o) =>
        unwrap(await client.GET("/v1/users/{id}", { params: { path: { id: "317" } }, ...o })),
      check: (data) => expectThat((data as { data: { id: string } }).data.id === "317", "user 317"),
    },
    post: {
      route: "POST /v1/incidents/{}/assign_role_to_user",
      call: async (client: Rootly, o) =>
        unwrap(
          await client.POST("/v1/incidents/{id}/assign_role_to_user", {
            params: { path: { id: INCIDENT } },
            body: {
              data: { type: "incidents", attributes: { user_id: "317", incident_role_id: ROLE } },
            },
            ...o,
          }),
        ),
    },
    notFound: async (client: Rootly) =>
      unwrap(await client.GET("/v1/users/{id}", { params: { path: { id: "999999" } } })),
    rejectedPost: async (client: Rootly) =>
      unwrap(
        await client.POST("/v1/incidents/{id}/assign_role_to_user", {
          params: { path: { id: INCIDENT } },
          body: {} as never,
        }),
      ),
    errorBody: (text) => ({ error: text }),
    listing: {
      cursorParams: ["page[number]"],
      maxPageSize: 1000,
      list: (client: Rootly, pageSize) => listRootlyUsers(client, { pageSize }),
    },
  },
  {
    vendor: "opsgenie",
    placement:
      "apiKey in the query (v1 GET, DELETE) and JSON body (POST), Authorization: GenieKey (v2)",
    rawHeader: true,
    inQuery: true,
    testCredential: { secret: "opsgenie-conformance-key-0123456789" },
    start: (options) => startOpsgenie({ seed: "docs", ...options }),
    credentialOf: (sim) => ({ secret: (sim as never as OpsgenieSim).credentials.apiKey }),
    factory: createOpsgenieClient,
    credentialOptions: ({ secret }) => ({ apiKey: secret }),
    secretField: "options.apiKey",
    secretForms: ({ secret }) => [secret, encodeURIComponent(secret)],
    get: {
      route: "GET /v1/json/user",
      call: async (client: Opsgenie, o) =>
        unwrap(await client.GET("/v1/json/user", { params: { query: { id: JOHN } }, ...o })),
      check: (data) => expectThat((data as { id: string }).id === JOHN, "John Smith"),
    },
    post: {
      route: "POST /v1/json/user",
      call: async (client: Opsgenie, o) =>
        unwrap(
          await client.POST("/v1/json/user", {
            body: { username: "fault@example.com", fullname: "Fault Case", role: "User" },
            ...o,
          }),
        ),
    },
    notFound: async (client: Opsgenie) =>
      unwrap(
        await client.GET("/v1/json/user", {
          params: { query: { id: "00000000-0000-4000-8000-000000000000" } },
        }),
      ),
    rejectedPost: async (client: Opsgenie) =>
      unwrap(await client.POST("/v1/json/user", { body: {} as never })),
    errorBody: (text) => ({ message: text }),
    listing: {
      cursorParams: ["offset"],
      maxPageSize: 100,
      list: (client: Opsgenie, pageSize) => listOpsgenieUsers(client, { pageSize }),
    },
  },
  {
    vendor: "uptrends",
    placement: "Authorization: Basic header",
    rawHeader: false,
    inQuery: false,
    testCredential: { username: "conformance-api", secret: "uptrends-conformance-pass-0123" },
    start: (options) => startUptrends({ seed: "docs", ...options }),
    credentialOf: (sim) => {
      const { username, password } = (sim as never as UptrendsSim).credentials;
      return { username, secret: password };
    },
    factory: createUptrendsClient,
    credentialOptions: ({ username, secret }) => ({ username, password: secret }),
    secretField: "options.password",
    secretForms: (credential) => [credential.secret, basic(credential)],
    get: {
      route: "GET /Operator/{}",
      call: async (client: Uptrends, o) =>
        unwrap(
          await client.GET("/Operator/{operatorGuid}", {
            params: { path: { operatorGuid: THIRD_OPERATOR } },
            ...o,
          }),
        ),
      check: (data) =>
        expectThat((data as { OperatorGuid: string }).OperatorGuid === THIRD_OPERATOR, "operator"),
    },
    post: {
      route: "POST /Operator",
      call: async (client: Uptrends, o) =>
        unwrap(
          await client.POST("/Operator", {
            body: { FullName: "Retry Probe", Email: "retry.probe@acme.test" },
            ...o,
          }),
        ),
    },
    notFound: async (client: Uptrends) =>
      unwrap(
        await client.GET("/Operator/{operatorGuid}", {
          params: { path: { operatorGuid: "00000000-0000-4000-8000-000000000000" } },
        }),
      ),
    rejectedPost: async (client: Uptrends) =>
      unwrap(await client.POST("/Operator", { body: {} as never })),
    errorBody: (text) => ({ Messages: [{ Message: text }] }),
  },
];

type EagleSim = Awaited<ReturnType<typeof startEagle>>;
export type RootlySim = Awaited<ReturnType<typeof startRootly>>;
export type OpsgenieSim = Awaited<ReturnType<typeof startOpsgenie>>;
export type UptrendsSim = Awaited<ReturnType<typeof startUptrends>>;

/** Every vendor, with `create(baseUrl, credential, options)` building its client through its factory. */
export const VENDORS = ROWS.map((row) => ({
  ...row,
  create: (baseUrl: string, credential: Credential, options: ApiClientOptions = {}) =>
    row.factory({ ...options, ...row.credentialOptions(credential), baseUrl } as never),
}));
