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
    "src/commands/offboard.ts:46:9":
      "planOffboarding refuses only with IdentityError: nothing the CLI passes it throws anything else to rethrow",
    "src/secret-scrubber.ts:49:12":
      "what JSON shows in its place is no promise; that it shows no secret is (secret-scrubber.test.ts › never shows what it holds)",
    "src/secret-scrubber.ts:51:56":
      "util.inspect never shows #private fields anyway; the custom text only names the object",
    "src/secret-scrubber.ts:17:33":
      "a scrubber that starts out holding a made-up phrase redacts only that phrase, which no output contains",
    // m5: the commands' store handling and the store's file (issue 19)
    "src/commands/snapshot.ts:27:89":
      "a vendor the store records as incomplete always carries the error that stopped its pull",
    "src/commands/snapshot.ts:29:13":
      "closing the in-memory database only frees memory: the snapshot is saved already",
    "src/commands/history.ts:16:13": "closing the in-memory database only frees memory",
    "src/commands/diff.ts:60:13": "closing the in-memory database only frees memory",
    "src/store/snapshot-store.ts:54:17": "closing the in-memory database only frees memory",
    "src/store/sqlite-file.ts:43:13":
      "the PRAGMAs after it read the file too, so sql.js refuses a file that is not SQLite there",
    "src/store/sqlite-file.ts:46:13":
      "speed only: a journal in sql.js's memory file system copies pages that never reach disk",
    "src/store/sqlite-file.ts:48:13": "speed only: a larger page cache for big snapshots",
    "src/store/sqlite-file.ts:58:72":
      "writeSync writes a local file's buffer whole, so the loop runs once, at offset 0",
    "src/store/sqlite-file.ts:62:44":
      "flushes the rename's directory entry against power loss: nothing a running test can observe",
    "src/store/sqlite-file.ts:83:15":
      "closing the descriptor frees it; the bytes written and renamed are the same",
    // m6r: the store's reading, writing and lock; whois, review (issue 19)
    "src/store/read-snapshot.ts:38:13": "freeing a prepared statement only frees memory",
    "src/store/read-snapshot.ts:83:37":
      "every snapshot records at least one vendor: `snapshot` always pulls one",
    "src/store/read-snapshot.ts:93:67":
      "an incomplete vendor is always stored with the error that stopped its pull",
    "src/store/read-snapshot.ts:103:52":
      "a stored result always has both arrays: the writer fills them (adapterResult)",
    "src/store/read-snapshot.ts:103:81":
      "a stored result always has both arrays: the writer fills them (adapterResult)",
    "src/store/write-snapshot.ts:33:16": "freeing a prepared statement only frees memory",
    "src/store/write-snapshot.ts:45:52":
      "pullOne always gives both arrays; this copy only guards a hand-built pull",
    "src/store/write-snapshot.ts:46:40":
      "pullOne always gives both arrays; this copy only guards a hand-built pull",
    "src/store/write-snapshot.ts:130:26": "freeing the prepared statements only frees memory",
    "src/store/store-lock.ts:39:11": "an empty catch returns undefined, as the original does",
    "src/store/store-lock.ts:57:11":
      "an empty catch returns undefined, which is no more than the stale age, as 0 is",
    "src/store/store-lock.ts:97:21":
      "the breaker was just read as stale: `force` matters only if another process removes it in between",
    "src/render/text-table.ts:11:69": "every caller gives each row as many cells as the header",
    "src/store/store-lock.ts:80:13":
      "closing the lock's descriptor frees it; the holder was written before",
    "src/store/store-lock.ts:101:55":
      "the lock was just read as stale: `force` matters only if another process removes it in between",
    "src/store/store-lock.ts:103:21":
      "this writer created the breaker: `force` matters only if another process removed it",
    "src/store/store-lock.ts:131:17":
      "the pause between attempts changes only how soon a freed lock is noticed",
    "src/store/store-lock.ts:138:77":
      "the lock was just read as this writer's own: `force` matters only in a race",
    "src/commands/review.ts:34:7":
      "opening a store that does not exist reads no snapshots and writes nothing: the check only skips loading sql.js",
    "src/commands/review.ts:41:13": "closing the in-memory database only frees memory",
    // m7a: argument parsing, the environment, the run plumbing (issue 19)
    "src/args.ts:92:26":
      "the only node:util messages that reach this line (a value for an option that takes none) are one sentence: nothing to cut",
    "src/args.ts:123:67":
      "core's rejection texts never contain `email: `: only the prefix parseEmail adds matches",
    "src/args.ts:123:85": "parseEmail throws only IdentityError, which is an Error",
    "src/args.ts:159:20": "parseArgs always returns tokens when asked for them",
    "src/pull.ts:88:33":
      "a made-up vendor with no accounts in every directory alike: the CLI lists vendors from its pulls, and a diff sees it read on both sides",
    "src/pull.ts:98:69":
      "core's access graph reads a record without entitlements or grants as none, which is what an unreadable vendor gives",
    // m7b: diff's renderers, the store lock's breaker (issue 19)
    "src/render/changes.ts:120:65":
      "join() writes an undefined cell as the empty one, so a row of undefined is the same CSV text",
  },
});
