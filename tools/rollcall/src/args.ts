// Turns argv into a command to run, or a UsageError saying what was wrong.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { parseEmail } from "@rollcall/core";
import { COMMAND_NAMES, type CommandName } from "./help-text";
import { UsageError } from "./usage-error";
import { CLI_VENDORS, isCliVendor, type CliVendor } from "./vendors";

export interface SourceOptions {
  /** The vendors to read, in column order. */
  readonly vendors: readonly CliVendor[];
  readonly simulate: boolean;
}

export type Invocation =
  | { readonly kind: "help"; readonly command?: CommandName }
  | { readonly kind: "version" }
  | ({ readonly kind: "directory"; readonly format: "table" | "json" | "csv" } & SourceOptions)
  | ({ readonly kind: "whois"; readonly email: string; readonly json: boolean } & SourceOptions)
  | ({ readonly kind: "access"; readonly email: string; readonly json: boolean } & SourceOptions)
  | ({ readonly kind: "offboard"; readonly email: string; readonly apply: boolean } & SourceOptions)
  | ({ readonly kind: "scim" } & SourceOptions)
  | ({
      readonly kind: "review";
      readonly out: string | undefined;
      readonly store: string | undefined;
    } & SourceOptions)
  | ({ readonly kind: "snapshot"; readonly store: string | undefined } & SourceOptions)
  | { readonly kind: "history"; readonly store: string | undefined; readonly json: boolean }
  | {
      readonly kind: "diff";
      readonly store: string | undefined;
      /** Snapshot ids; undefined: the last two (with only `from`: from it to the last). */
      readonly from: number | undefined;
      readonly to: number | undefined;
      readonly format: "table" | "json" | "csv";
    };

/** The commands that read the snapshot store only, never a vendor. */
export type StoreInvocation = Extract<Invocation, { kind: "history" } | { kind: "diff" }>;

/** The commands that pull data from the vendors. */
export type DataInvocation = Exclude<Invocation, { kind: "help" } | { kind: "version" }>;

type Options = NonNullable<ParseArgsConfig["options"]>;

const SOURCE: Options = {
  vendor: { type: "string", multiple: true },
  simulate: { type: "boolean" },
  help: { type: "boolean", short: "h" },
};

const COMMAND_OPTIONS: Record<CommandName, Options> = {
  directory: { ...SOURCE, json: { type: "boolean" }, csv: { type: "boolean" } },
  whois: { ...SOURCE, json: { type: "boolean" } },
  access: { ...SOURCE, json: { type: "boolean" } },
  offboard: { ...SOURCE, apply: { type: "boolean" } },
  scim: SOURCE,
  review: { ...SOURCE, out: { type: "string" }, store: { type: "string" } },
  snapshot: { ...SOURCE, store: { type: "string" } },
  history: { store: { type: "string" }, json: { type: "boolean" }, help: SOURCE.help! },
  diff: {
    store: { type: "string" },
    json: { type: "boolean" },
    csv: { type: "boolean" },
    help: SOURCE.help!,
  },
};

const TOP_OPTIONS: Options = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
};

// Every option any command knows, so the first pass finds the command word correctly even when
// an option taking a value comes before it.
const ALL_OPTIONS: Options = Object.assign({}, TOP_OPTIONS, ...Object.values(COMMAND_OPTIONS));

function isCommandName(value: string): value is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(value);
}

/** node:util's messages are long and mention internals; keep the part a user needs. */
function strictParse(args: string[], options: Options, command?: CommandName) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`unknown option ${unknown[1]}`, command);
    const needsValue = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
    if (needsValue) throw new UsageError(`option ${needsValue[1]} needs a value`, command);
    throw new UsageError(message.split(/\.\s/)[0] ?? message, command);
  }
}

function vendorsFrom(values: unknown, command: CommandName): CliVendor[] {
  if (!Array.isArray(values) || values.length === 0) return [...CLI_VENDORS];
  const wanted = new Set<CliVendor>();
  for (const value of values as string[]) {
    for (const part of value.split(",")) {
      const id = part.trim().toLowerCase();
      if (!isCliVendor(id)) {
        throw new UsageError(
          `unknown vendor "${part.trim()}" for --vendor (expected ${CLI_VENDORS.join(", ")})`,
          command,
        );
      }
      wanted.add(id);
    }
  }
  return CLI_VENDORS.filter((vendor) => wanted.has(vendor));
}

function emailArgument(positionals: string[], command: CommandName): string {
  if (positionals.length === 0) throw new UsageError(`${command} needs an email address`, command);
  if (positionals.length > 1) {
    throw new UsageError(`${command} takes one email address, got ${positionals.length}`, command);
  }
  const value = positionals[0]!;
  try {
    parseEmail(value, "email");
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^email: /, "") : "invalid";
    throw new UsageError(`"${value}" is not a valid email address: ${reason}`, command);
  }
  return value.trim();
}

function storeOption(value: unknown, command: CommandName): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") {
    throw new UsageError("--store needs a file path", command);
  }
  return value;
}

function snapshotIds(positionals: string[]): [number | undefined, number | undefined] {
  if (positionals.length > 2) {
    throw new UsageError(`diff takes at most two snapshot ids, got ${positionals.length}`, "diff");
  }
  const ids = positionals.map((value) => {
    if (!/^[1-9]\d{0,15}$/.test(value)) {
      throw new UsageError(`"${value}" is not a snapshot id (see rollcall history)`, "diff");
    }
    return Number(value);
  });
  return [ids[0], ids[1]];
}

function noPositionals(positionals: string[], command: CommandName): void {
  if (positionals.length > 0) {
    throw new UsageError(`${command} takes no arguments, got "${positionals[0]}"`, command);
  }
}

/** Parse the arguments after `rollcall`. Throws {@link UsageError} for anything malformed. */
export function parseInvocation(argv: readonly string[]): Invocation {
  const args = [...argv];
  const { tokens = [] } = parseArgs({
    args,
    options: ALL_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const first = tokens.find((token) => token.kind === "positional");

  if (first === undefined) {
    const { values } = strictParse(args, TOP_OPTIONS);
    if (values.help === true) return { kind: "help" };
    if (values.version === true) return { kind: "version" };
    throw new UsageError("missing command");
  }
  if (first.value === "help") {
    const topic = args[first.index + 1];
    if (topic === undefined) return { kind: "help" };
    if (!isCommandName(topic)) throw new UsageError(`unknown command "${topic}"`);
    return { kind: "help", command: topic };
  }
  if (!isCommandName(first.value)) throw new UsageError(`unknown command "${first.value}"`);

  const command = first.value;
  const rest = args.filter((_, index) => index !== first.index);
  const { values, positionals } = strictParse(rest, COMMAND_OPTIONS[command], command);
  if (values.help === true) return { kind: "help", command };
  if (command === "history") {
    noPositionals(positionals, command);
    return {
      kind: "history",
      store: storeOption(values.store, command),
      json: values.json === true,
    };
  }
  if (command === "diff") {
    if (values.json === true && values.csv === true) {
      throw new UsageError("choose one of --json and --csv", command);
    }
    const [from, to] = snapshotIds(positionals);
    const format = values.json === true ? "json" : values.csv === true ? "csv" : "table";
    return { kind: "diff", store: storeOption(values.store, command), from, to, format };
  }

  const source: SourceOptions = {
    vendors: vendorsFrom(values.vendor, command),
    simulate: values.simulate === true,
  };
  switch (command) {
    case "directory": {
      noPositionals(positionals, command);
      if (values.json === true && values.csv === true) {
        throw new UsageError("choose one of --json and --csv", command);
      }
      const format = values.json === true ? "json" : values.csv === true ? "csv" : "table";
      return { kind: "directory", format, ...source };
    }
    case "whois":
    case "access":
      return {
        kind: command,
        email: emailArgument(positionals, command),
        json: values.json === true,
        ...source,
      };
    case "offboard":
      return {
        kind: "offboard",
        email: emailArgument(positionals, command),
        apply: values.apply === true,
        ...source,
      };
    case "scim":
      noPositionals(positionals, command);
      return { kind: "scim", ...source };
    case "review": {
      noPositionals(positionals, command);
      const out = typeof values.out === "string" ? values.out : undefined;
      if (out !== undefined && out.trim() === "") {
        throw new UsageError("--out needs a folder name", command);
      }
      return { kind: "review", out, store: storeOption(values.store, command), ...source };
    }
    case "snapshot":
      noPositionals(positionals, command);
      return { kind: "snapshot", store: storeOption(values.store, command), ...source };
  }
}
