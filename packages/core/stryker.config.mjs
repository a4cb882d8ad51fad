// @ts-nocheck
import { strykerConfig } from "../../stryker.shared.mjs";

export default strykerConfig({
  mutate: [
    // identity: matching, the directory, SCIM, offboarding plans and executors
    "src/identity/**/*.ts",
    "!src/identity/index.ts",
    "!src/identity/rails-time-zones.ts",
    // runtime: retries, timeouts, redaction, errors, pagination guards
    "src/runtime/**/*.ts",
    "!src/runtime/index.ts",
  ],
  equivalent: {
    // hci3: scim.ts, offboarding.ts, deletion-executor.ts, account.ts, identity errors
    "src/identity/offboarding.ts:142:72":
      "junk in a non-list groups field is dropped by the group-id filter either way: manual review",
    // hci4: identity/timezone.ts, timestamp.ts, email.ts, phone.ts (normalisers)
    "src/identity/timezone.ts:30:7":
      "validZones is a cache: without it the same answer is computed again",
    "src/identity/timezone.ts:33:7":
      "guards engines whose Intl takes '+10:00' as a zone; Node 20's Intl rejects offsets itself",
    "src/identity/timezone.ts:105:35":
      "Number('') is 0, as Number('0') is: an absent minutes group reads the same",
    "src/identity/timezone.ts:105:54":
      "the (.*) group always takes part in a match, so the default is never used",
    "src/identity/timestamp.ts:30:37":
      "Number('') is 0, as Number('0') is: an absent clock field reads the same",
    "src/identity/timestamp.ts:30:51":
      "Number('') is 0, as Number('0') is: an absent clock field reads the same",
    "src/identity/timestamp.ts:30:65":
      "Number('') is 0, as Number('0') is: an absent clock field reads the same",
    "src/identity/timestamp.ts:34:44":
      "V8's Date.parse reads a space for 'T' itself; the rewrite keeps the string ISO for other engines",
    "src/identity/timestamp.ts:34:57":
      "V8's Date.parse reads '+1000' itself; the colon keeps the string ISO for other engines",
    "src/identity/email.ts:54:7": "fast path: URL returns these lower-case LDH domains unchanged",
    "src/identity/email.ts:56:7":
      "domainCache is a cache: without it the same answer is computed again",
    "src/identity/email.ts:68:7":
      "bounds the cache's memory only; a cleared cache recomputes the same answers",
    "src/identity/email.ts:101:32":
      "URL lower-cases the host too; lower-casing first only lets the fast path take it",
    "src/identity/phone.ts:47:61":
      "any code failing the 1-3 digit test is refused alike; '' is just one of them",
    "src/identity/email.ts:105:24":
      "a wrong length only turns off reuse of the input string; an equal string is built instead",
  },
});
