// A vendor simulator is its spec plus its behaviour: the spec gives the base path, media type,
// credentials and secrets (spec-facts.ts); the vendor module gives only handlers, store and its own
// error bodies and headers.
import { vendors, type VendorId } from "../generated/specs";
import {
  SimulatorCredentials,
  header,
  randomSecret,
  type CredentialField,
  type Credentials,
  type WireForms,
} from "../credentials";
import { serveSimulator, type Simulator } from "../server/simulator";
import type { AuthMaterial, ResettableStore, VendorDefinition } from "../server/vendor-definition";
import { specFacts, type CredentialPlacement } from "../spec/spec-facts";
import { bundledSpec } from "../vendor-specs";
import { checkVendorOptions, type VendorSimulatorOptions } from "./vendor-options";

/** What a vendor module writes by hand: the simulator's behaviour, none of the spec's facts. */
export type VendorBehaviour<Store extends ResettableStore> = Pick<
  VendorDefinition<Store, unknown>,
  "store" | "errorResponse" | "commonHeaders" | "handlers" | "maxQueryBytes"
> &
  Partial<Pick<VendorDefinition<Store, unknown>, "rateLimitHeaders" | "maxBodyBytes">>;

/** The options naming the credentials to accept, as the vendor client's options name them. */
export type CredentialOptions<Name extends string> = { [K in Name]?: string };

export interface SimulatorDeclaration<Store extends ResettableStore, Options> {
  id: VendorId;
  /** The behaviour of one run, built from the caller's options. */
  behaviour(options: Options): VendorBehaviour<Store>;
}

export interface DeclaredSimulator<
  Name extends string,
  Store extends ResettableStore,
  Options extends VendorSimulatorOptions,
  Wire = unknown,
> {
  readonly id: VendorId;
  readonly title: string;
  /** Starts one simulator on 127.0.0.1. */
  start(
    options?: Options & CredentialOptions<Name>,
  ): Promise<Simulator<Store, Credentials<Name> & Wire>>;
  /** Fixed, published credentials for a developer's local runs (the command line uses them). */
  developmentCredentials(): CredentialOptions<Name>;
}

/** `Basic base64(user:password)`, the form a Basic credential takes on the wire. */
function basicToken(credentials: Record<string, string>): string {
  return Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64");
}

function presented(material: AuthMaterial, placement: CredentialPlacement): string | undefined {
  switch (placement.in) {
    case "header":
      return header(material.headers, placement.name);
    case "query":
      return material.query.get(placement.name) ?? undefined;
    case "body": {
      const value = (material.body as Record<string, unknown> | undefined)?.[placement.name];
      return typeof value === "string" ? value : undefined;
    }
    default:
      return header(material.headers, "authorization");
  }
}

function expected(placement: CredentialPlacement, credentials: Record<string, string>): string {
  switch (placement.in) {
    case "bearer":
      return `Bearer ${credentials.token}`;
    case "basic":
      return `Basic ${basicToken(credentials)}`;
    case "header":
      return `${placement.prefix ?? ""}${credentials.apiKey ?? ""}`;
    default:
      return credentials.apiKey ?? "";
  }
}

/** How the credentials travel: the Authorization header and any encoding of a secret. */
function wireForms(placements: CredentialPlacement[], values: Record<string, string>): WireForms {
  if (placements.some((placement) => placement.in === "basic")) {
    const token = basicToken(values);
    return { authorization: `Basic ${token}`, encodedSecrets: [token] };
  }
  if (placements.some((placement) => placement.in === "bearer")) {
    return { authorization: `Bearer ${values.token}`, encodedSecrets: [] };
  }
  return { encodedSecrets: [] };
}

function credentialValues(
  id: string,
  fields: readonly CredentialField[],
  given: Record<string, unknown>,
): Record<string, string> {
  return Object.fromEntries(
    fields.map(({ name, secret }) => {
      const value = given[name];
      if (typeof value === "string") return [name, value];
      return [name, secret ? randomSecret(id) : `api-${randomSecret(id).slice(-8)}`];
    }),
  );
}

/**
 * Declares a vendor's simulator from its bundled spec and its hand-written behaviour. `Name` names
 * the credentials for TypeScript (a test checks the spec derives the same); `Wire` adds the
 * `authorization` getter's type for vendors on HTTP auth.
 */
export function declareSimulator<
  Name extends string,
  Store extends ResettableStore,
  Options extends VendorSimulatorOptions,
  Wire = unknown,
>(
  declaration: SimulatorDeclaration<Store, Options>,
): DeclaredSimulator<Name, Store, Options, Wire> {
  const { id } = declaration;
  const title = vendors[id].title;
  return {
    id,
    title,
    async start(options = {} as Options & CredentialOptions<Name>) {
      checkVendorOptions(title, options);
      const spec = options.spec ?? bundledSpec(id);
      const facts = specFacts(spec);
      const values = credentialValues(id, facts.credentials, options);
      const wire = wireForms([...facts.placements.values()].flat(), values);
      const credentials = new SimulatorCredentials(
        facts.credentials,
        values,
        wire,
      ) as Credentials<Name> & Wire;
      const behaviour = declaration.behaviour(options);
      const definition: VendorDefinition<Store, Credentials<Name> & Wire> = {
        rateLimitHeaders: () => ({}),
        maxBodyBytes: 5 * 1024 * 1024,
        ...behaviour,
        id,
        title,
        spec,
        basePath: facts.basePath,
        jsonMediaType: facts.jsonMediaType,
        credentials,
        secrets: credentials.secretValues(),
        secretFields: facts.secretFields,
        rateLimits: facts.rateLimits,
        authenticate: (material) =>
          (facts.placements.get(material.operation.routeKey) ?? []).some(
            (placement) => presented(material, placement) === expected(placement, values),
          ),
      };
      return serveSimulator(definition, options);
    },
    developmentCredentials() {
      const fields = specFacts(bundledSpec(id)).credentials;
      return Object.fromEntries(
        fields.map(({ name, secret }) => [
          name,
          secret ? `rollcall-dev-${id}-${name.toLowerCase()}` : "rollcall-dev",
        ]),
      ) as CredentialOptions<Name>;
    },
  };
}
