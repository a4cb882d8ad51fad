import { strykerConfig } from "../../stryker.shared.mjs";

// The tests run `main()` in-process (test/run-cli.ts), so Stryker sees which of them reach each
// mutant; `process-streams.ts` is reached only by the real binary (test/bin.test.ts).
export default strykerConfig({
  // what the CLI prints (CSV formula escape, JSON, tables), the output boundary (printer,
  // neutralise, secret scrubber), and the exit codes and warnings it ends with
  mutate: [
    "src/render/**/*.ts",
    "src/commands/**/*.ts",
    "src/terminal.ts",
    "src/neutralise.ts",
    "src/secret-scrubber.ts",
    "src/main.ts",
    "src/run-command.ts",
    "src/session.ts",
    "src/pull.ts",
    "src/args.ts",
    "src/env-config.ts",
    // the snapshot store: atomic writes, migrations, what a diff reads back
    "src/store/**/*.ts",
  ],
  equivalent: {
    "src/commands/offboard.ts:45:9":
      "planOffboarding refuses only with IdentityError: nothing the CLI passes it throws anything else to rethrow",
    "src/secret-scrubber.ts:49:12":
      "what JSON shows in its place is no promise; that it shows no secret is (secret-scrubber.test.ts › never shows what it holds)",
    "src/secret-scrubber.ts:51:56":
      "util.inspect never shows #private fields anyway; the custom text only names the object",
    "src/secret-scrubber.ts:17:33":
      "a scrubber that starts out holding a made-up phrase redacts only that phrase, which no output contains",
  },
});
