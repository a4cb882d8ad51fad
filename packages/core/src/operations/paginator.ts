import type { CallOptions } from "../runtime/client-options";
import type { ApiClient } from "../runtime/create-api-client";
import { ClientValidationError, ResponseParseError } from "../runtime/errors";
import { pages, type FetchedPage } from "../runtime/pagination";
import { parallelPages } from "../runtime/parallel-pages";
import { unwrap } from "../runtime/unwrap";
import {
  ruleProblem,
  type OperationRule,
  type OperationRules,
  type PaginationRule,
} from "./operation-rules";

/** Pages in flight at once for a listing that states its total or pages by offset. */
const DEFAULT_CONCURRENCY = 4;

/** A list operation as codegen emits it: an {@link OperationRule} with its pagination. */
export type ListOperation = OperationRule & { readonly pagination: PaginationRule };

/** Options every listing takes. */
export interface ListOptions {
  /** Items per request, within the spec's limits for the size parameter (default: the spec's). */
  pageSize?: number;
  /** Runaway guard passed to core's pagination driver (default 10 000 pages). */
  maxPages?: number;
  /**
   * Pages in flight at once, for a listing whose pages state its total or that pages by offset
   * (default 4; 1 walks one page at a time). Items still come in order. Without a stated total,
   * an offset listing fetches further ahead with each full page, up to this many, and cancels the
   * at most `concurrency - 1` requests it sent past the end (hooks see them as aborted calls).
   */
  concurrency?: number;
  /** Per-request timeout and retry settings for every page. */
  call?: CallOptions;
}

type GetOf<Paths, Path> = Path extends keyof Paths
  ? Paths[Path] extends { get: infer Operation }
    ? Operation
    : never
  : never;
type BodyOf<Operation> = Operation extends {
  responses: { 200: { content: infer Content } };
}
  ? Content[keyof Content]
  : never;
type QueryOf<Operation> = Operation extends { parameters: { query?: infer Query } }
  ? NonNullable<Query>
  : never;
type PathOf<Operation> = Operation extends { parameters: { path: infer Path } }
  ? Path extends Record<string, unknown>
    ? keyof Path extends never
      ? {}
      : { path: Path }
    : {}
  : {};
type ItemOf<Body, Field> = Field extends keyof Body
  ? NonNullable<Body[Field]> extends readonly (infer Item)[]
    ? Item
    : never
  : never;

/** Option name → the query parameter it fills, e.g. `{ email: "filter[email]" }`. */
export type OptionParameters = Readonly<Record<string, string>>;

/**
 * A listing's options: {@link ListOptions} plus the named query parameters, typed from `paths`,
 * and `path` (its path parameters) for a listing under a parent, such as a schedule's rotations.
 */
export type ListingOptions<Query, Named extends OptionParameters, Path = {}> = ListOptions &
  Path & {
    [Option in keyof Named]?: Named[Option] extends keyof Query ? Query[Named[Option]] : never;
  };

/** A page as {@link Listing.pages} yields it: core's page plus the whole response body. */
export type ListedPage<Item, Body> = FetchedPage<Item, number> & { body: Body };

/** What {@link Listing.pages} takes besides the options (for adapters built on the listing). */
export interface PagesExtras<Query> {
  /** The operation named in a refusal (default: the listing's name). */
  operation?: string;
  /** More query parameters for every page, e.g. `{ include: "role" }`. */
  query?: Partial<Query>;
}

/**
 * Every item of a list operation, fetched lazily page by page; re-iterable (each loop walks
 * afresh). Bad options throw a ClientValidationError at the call, before anything is sent.
 */
export interface Listing<Paths extends {}, Path, Items, Named extends OptionParameters> {
  (
    client: ApiClient<Paths, any>,
    options?: ListingOptions<QueryOf<GetOf<Paths, Path>>, Named, PathOf<GetOf<Paths, Path>>>,
  ): AsyncIterable<ItemOf<BodyOf<GetOf<Paths, Path>>, Items>>;
  /** The same listing page by page, with progress counters and each page's response body. */
  pages(
    client: ApiClient<Paths, any>,
    options?: ListingOptions<QueryOf<GetOf<Paths, Path>>, Named, PathOf<GetOf<Paths, Path>>>,
    extras?: PagesExtras<QueryOf<GetOf<Paths, Path>>>,
  ): AsyncGenerator<
    ListedPage<ItemOf<BodyOf<GetOf<Paths, Path>>, Items>, BodyOf<GetOf<Paths, Path>>>,
    void,
    undefined
  >;
}

const at = (body: unknown, path: string | undefined): unknown =>
  path === undefined
    ? undefined
    : path
        .split(".")
        .reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], body);

/**
 * A listing for one list operation of the generated `operations`, like AWS's `createPaginator`:
 * `export const listAllUsers = paginator<paths>()(operations, "GET /v1/users", "listAllUsers")`.
 * `named` maps option names to the query parameters they fill, checked against the spec's limits.
 * Pages by the operation's `x-rollcall-pagination`; stops after an empty page, a page shorter
 * than the page size, or (page-number style) one without a next page; keeps every promise of
 * {@link pages} (runaway guard, repeated or ignored cursors are errors). The operations object
 * and the route are passed apart so a `/* @__PURE__ *\/` call can be dropped by bundlers when
 * unused (a property access as an argument would keep it).
 */
export function paginator<Paths extends {}>() {
  return <
    const Operations extends OperationRules,
    const Route extends keyof Operations & string,
    const Named extends OptionParameters = {},
  >(
    operations: Operations,
    route: Route,
    name: string,
    named: Named = {} as Named,
  ): Operations[Route] extends ListOperation
    ? Listing<Paths, Operations[Route]["path"], Operations[Route]["pagination"]["items"], Named>
    : never => {
    const operation = operations[route] as OperationRule;
    if (!operation?.pagination) throw new TypeError(`${route} has no x-rollcall-pagination`);
    const { pagination: rule, params = [] } = operation as ListOperation;
    const sizeRule = params.find((p) => p.in === "query" && p.name === rule.size);

    const walk = (
      client: ApiClient<Paths, any>,
      options: Record<string, unknown> = {},
      { operation: op = name, query: extra }: PagesExtras<unknown> = {},
    ) => {
      const fail = (field: string, message: string): never => {
        throw new ClientValidationError({ vendor, operation: op, field, message });
      };
      const vendor = typeof client?.vendor === "string" ? client.vendor : "unknown";
      if (typeof client?.GET !== "function") fail("client", "must be a client made by its factory");
      if (typeof options !== "object" || options === null) fail("options", "must be an object");
      // Checked now, not at the first page, so the mistake points at this call.
      const pageSize = options.pageSize ?? rule.defaultSize;
      const problem = ruleProblem(
        { in: "query", name: rule.size, minimum: 1, ...sizeRule, type: "integer", required: true },
        pageSize,
      );
      if (problem) fail("options.pageSize", problem);
      const query: Record<string, unknown> = { ...extra, [rule.size]: pageSize };
      for (const [option, parameter] of Object.entries(named)) {
        const value = options[option];
        const parameterRule = params.find((p) => p.in === "query" && p.name === parameter);
        const wrong = parameterRule && ruleProblem(parameterRule, value);
        if (wrong) fail(`options.${option}`, wrong);
        if (value !== undefined) query[parameter] = value;
      }
      const { maxPages, call, path } = options as ListOptions & { path?: Record<string, unknown> };
      for (const parameter of params.filter((p) => p.in === "path")) {
        const wrong = ruleProblem(parameter, path?.[parameter.name]);
        if (wrong) fail(`options.path.${parameter.name}`, wrong);
      }
      const { concurrency = DEFAULT_CONCURRENCY } = options as ListOptions;
      if (!Number.isInteger(concurrency) || (concurrency as number) < 1)
        fail("options.concurrency", `must be a positive integer, got ${String(concurrency)}`);
      /** The page at `cursor` (an offset or a page number): its items and whole body. */
      const fetchAt = async (cursor: number, signal?: AbortSignal) => {
        const position = { [rule.offset ?? (rule.page as string)]: cursor };
        const body: unknown = unwrap(
          await (client.GET as (path: string, init: object) => Promise<never>)(operation.path, {
            params: { query: { ...query, ...position }, ...(path !== undefined && { path }) },
            ...call,
            ...(signal && { signal }),
          }),
        );
        const items = at(body, rule.items) ?? [];
        if (!Array.isArray(items)) {
          // The path template, not the URL: the URL may carry a credential in its query.
          throw new ResponseParseError({
            ...{ vendor, method: "GET", url: operation.path, status: 200 },
            ...{ contentType: undefined, bodySnippet: "" },
            problem: `the page's \`${rule.items}\` is not an array`,
          });
        }
        return { items: items as unknown[], body };
      };
      const first = rule.offset === undefined ? 1 : 0;
      const limits = maxPages === undefined ? {} : { maxPages };
      type Page = Awaited<ReturnType<typeof fetchAt>>;
      /** One page at a time, following the stated next page; `prefetched` is the first page's. */
      const sequential = (prefetched?: Page) => {
        let body: unknown;
        const fetched = pages<unknown, number>({
          vendor,
          first,
          pageSize: pageSize as number,
          ...limits,
          fetchPage: async (cursor) => {
            const page = cursor === first && prefetched ? prefetched : await fetchAt(cursor);
            prefetched = undefined;
            body = page.body;
            const next =
              rule.offset === undefined
                ? (at(body, rule.nextPage) ?? (at(body, rule.hasNext) ? cursor + 1 : undefined))
                : cursor + page.items.length;
            return { items: page.items, next: typeof next === "number" ? next : undefined };
          },
        });
        return (async function* () {
          for await (const page of fetched) yield { ...page, body };
        })();
      };
      const byOffset = rule.offset !== undefined;
      if (concurrency === 1 || (rule.total === undefined && !byOffset)) return sequential();
      const step = byOffset ? (pageSize as number) : 1;
      // Several pages at a time when the first page states a usable total, or by offsets (whose
      // next cursor never depends on the page before); otherwise the walk follows the stated next
      // page as any other listing does.
      return (async function* () {
        const firstPage = await fetchAt(first);
        const total = at(firstPage.body, rule.total);
        if (
          !byOffset &&
          !(typeof total === "number" && Number.isSafeInteger(total) && total >= 0)
        ) {
          yield* sequential(firstPage);
          return;
        }
        yield* parallelPages({
          vendor,
          pageSize: pageSize as number,
          concurrency: concurrency as number,
          lookAhead: byOffset,
          ...limits,
          fetchPage: async (index, signal) => {
            const cursor = first + index * step;
            const page = index === 0 ? firstPage : await fetchAt(cursor, signal);
            return { ...page, cursor, total: at(page.body, rule.total) };
          },
        });
      })();
    };

    const listing = (client: ApiClient<Paths, any>, options?: object) => {
      // Validated now; each loop then starts its own walk, so the iterable can be reused.
      walk(client, options as never);
      return {
        async *[Symbol.asyncIterator]() {
          for await (const page of walk(client, options as never)) yield* page.items;
        },
      };
    };
    listing.pages = walk;
    return listing as never;
  };
}
