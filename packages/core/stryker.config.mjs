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
    // the spec's parameter checks and paging, read from each vendor's generated operations
    "src/operations/**/*.ts",
    "!src/operations/index.ts",
    // connectors: what the descriptor gives a vendor's connector
    "src/connector.ts",
    // the client-side rate limiter: buckets, pacing from headers and 429s, hostile header values
    "src/rate-limits/**/*.ts",
  ],
  equivalent: {
    // hci4: identity/timezone.ts, timestamp.ts, email.ts, phone.ts (normalisers)
    "src/identity/timezone.ts:38:7":
      "guards engines whose Intl takes '+10:00' as a zone; Node 20's Intl rejects offsets itself",
    "src/identity/timezone.ts:111:35":
      "Number('') is 0, as Number('0') is: an absent minutes group reads the same",
    "src/identity/timezone.ts:111:54":
      "the (.*) group always takes part in a match, so the default is never used",
    "src/identity/timestamp.ts:34:37":
      "Number('') is 0, as Number('0') is: an absent clock field reads the same",
    "src/identity/timestamp.ts:34:51":
      "Number('') is 0, as Number('0') is: an absent clock field reads the same",
    "src/identity/timestamp.ts:34:65":
      "Number('') is 0, as Number('0') is: an absent clock field reads the same",
    "src/identity/timestamp.ts:39:7":
      "fast path: a UTC time already in ISO form is what Date.parse and toISOString give back",
    "src/identity/timestamp.ts:39:18":
      "fast path: a UTC time already in ISO form is what Date.parse and toISOString give back",
    "src/identity/timestamp.ts:39:62":
      "fast path: a UTC time already in ISO form is what Date.parse and toISOString give back",
    "src/identity/timestamp.ts:39:67":
      "fast path: a UTC time already in ISO form is what Date.parse and toISOString give back",
    "src/identity/timestamp.ts:42:57":
      "V8's Date.parse reads '+1000' itself; the colon keeps the string ISO for other engines",
    "src/identity/email.ts:55:7": "fast path: URL returns these lower-case LDH domains unchanged",
    "src/identity/email.ts:97:32":
      "URL lower-cases the host too; lower-casing first only lets the fast path take it",
    "src/identity/phone.ts:47:61":
      "any code failing the 1-3 digit test is refused alike; '' is just one of them",
    "src/identity/email.ts:101:5":
      "a wrong length only turns off reuse of the input string; an equal string is built instead",
    "src/identity/email.ts:101:24":
      "a wrong length only turns off reuse of the input string; an equal string is built instead",
    // src/identity/account-fields.ts (field maps): a made-up list of paths
    "src/identity/account-fields.ts:204:47":
      'a made-up email map entry destructures to path "S", which no vendor record has',
    "src/identity/account-fields.ts:206:39":
      "a made-up phone path names no field of any vendor record, so it adds no phone",
    "src/identity/account-fields.ts:247:32":
      "a made-up full-name path names no field of any vendor record, so it adds no name",
    "src/identity/account-fields.ts:135:25":
      "isoFromEpochMs gives null for anything but a number itself; the check only narrows the type",
    "src/identity/account-fields.ts:156:8":
      "the fields start undefined only so every record's input has one shape (speed); absent, they read the same",
    "src/identity/account-fields.ts:157:8":
      "the fields start undefined only so every record's input has one shape (speed); absent, they read the same",
    // src/identity/memberships.ts (issue 18 leftovers: membership ids read from member entries)
    "src/identity/memberships.ts:58:30":
      "Number.isFinite is false for anything but a number: the typeof check only narrows the type",
    "src/identity/memberships.ts:82:11":
      "an entry with no member id would be filed under undefined, which no member's grant looks up",
    // the directory build after the issue 18 rework (17e650e): directory.ts, directory-person.ts,
    // text-order.ts; union-find.ts has none (docs/mutation, "Directory build after the issue 18 rework")
    "src/identity/directory.ts:76:31":
      "an extra non-address entry forms its own alias set, maps to itself and so never reaches `aliases`",
    "src/identity/directory.ts:78:37":
      'destructuring the string entry gives union("S", "t"), a no-op on the typed-array union-find',
    "src/identity/directory.ts:279:10": "REF_ACCOUNT is 0: ref - 0 is ref + 0",
    "src/identity/directory.ts:296:64":
      "non-strings are cached under a placeholder key; the string sharing it ('' or this one) is no address either",
    "src/identity/directory.ts:385:35":
      "pre-sizing only: every person's slot is written before it is read",
    "src/identity/directory-person.ts:145:7":
      "the limit only picks between two stable sorts with the same comparator: same order either way",
    "src/identity/directory-person.ts:151:16":
      "starting one slot earlier only re-places the account before the run where it already is",
    "src/identity/directory-person.ts:210:20": "pre-sizing only saves memory: every slot is filled",
    "src/identity/directory-person.ts:262:21": "pre-sizing only saves memory: every slot is filled",
    "src/identity/directory-person.ts:216:17":
      "the general path gives a one-address person the same evidence as the fast path, only slower",
    "src/identity/directory-person.ts:226:24":
      "accounts whose first keys differ are joined through an account holding two, which strong > 1 already sends to the general path",
    "src/identity/directory-person.ts:227:19": "FACT_KEY_ID is 0: fact - 0 is fact + 0",
    "src/identity/directory-person.ts:305:17":
      "pre-sizing only saves memory: the array is cut to the links written",
    "src/identity/directory-person.ts:306:15":
      "always overwritten by the person's first account, which on this path has a login/primary key",
    "src/identity/directory-person.ts:371:24": "pre-sizing only saves memory: every slot is filled",
    "src/identity/directory-person.ts:372:20": "pre-sizing only saves memory: every slot is filled",
    "src/identity/directory-person.ts:388:62":
      "each address's link list is built afresh per person and never touched again, so sharing it is unobservable",
    // which root a union keeps: the sets are the same, and a directory sorts its people by id and
    // its issues down to their content, so no build shows the tree's shape (checked by hand)
    "src/identity/union-find.ts:27:9": "a union within one set changes no set",
    "src/identity/union-find.ts:28:9": "which root a union keeps: the same sets, whatever the tree",
    "src/identity/union-find.ts:28:48":
      "which root a union keeps: the same sets, whatever the tree",
    "src/identity/union-find.ts:34:9": "rank only shapes the tree: the same sets",
    "src/identity/union-find.ts:34:48": "rank only shapes the tree: the same sets",
    "src/identity/text-order.ts:55:19":
      "not looking for one full bucket only runs a pass that changes nothing",
    "src/identity/text-order.ts:55:38":
      "walking down stops at once, so fewer of the passes that change nothing are skipped",
    "src/identity/text-order.ts:57:9":
      "where the look for one full bucket stops only decides how many passes that change nothing are skipped",
    "src/identity/text-order.ts:81:33":
      "packed digits stay below 16257 (a 127 unit is always followed by 0): two slots fewer are never reached",
    "src/identity/text-order.ts:83:16":
      "two extra passes over the next item's words run first, least significant: the real passes and the tie sort decide all the same",
    "src/identity/text-order.ts:100:66":
      "a tied run arrives in index order (stable passes) and the sort is stable: x + y, never negative, moves no item either",
    // hci2: directory-queries.ts, directory-diff.ts, source-key.ts
    "src/identity/directory-queries.ts:17:7":
      "rebuilding the look-up index per query gives the same index; the cache only saves time",
    "src/identity/directory-queries.ts:28:13":
      "login/primary addresses also in the weak index are never reached: the strong index, holding them all, is asked first",
    // h19r: runtime leaf modules (run with stryker.runtime.config.mjs)
    "src/runtime/redaction.ts:103:88":
      "the default secret list is empty; a placeholder secret only hides text that happens to spell it",
    "src/runtime/redaction.ts:110:53":
      "the default secret list is empty; a placeholder secret only hides text that happens to spell it",
    "src/runtime/redaction.ts:127:48":
      "without fatal, a Basic value that is not UTF-8 also registers its garbled decoding: more is hidden, nothing leaks",
    "src/runtime/retry-policy.ts:35:7":
      "the runtime always passes the request's signal, and a listener left on it only rejects a settled wait",
    "src/runtime/retry-policy.ts:38:48":
      "a signal aborts once, so a listener not marked once is never called twice",
    "src/runtime/retry-policy.ts:74:33":
      "with retries off nothing reads the policy again: maxRetries undefined also means one attempt",
    "src/runtime/retry-policy.ts:138:27":
      "Headers strip a value's surrounding whitespace, and Date.parse ignores it too",
    "src/runtime/deadline-buckets.ts:58:3":
      "Node's timers always have unref; the ?. is for runtimes whose setTimeout returns a number",
    // m1: the request path's operation checks and paginator (issue 19)
    "src/operations/operation-rules.ts:150:54":
      "ruleProblem reads neither `in` nor `name` of the rule it is given: a body field's refusal names the field itself",
    "src/operations/operation-rules.ts:150:69":
      "ruleProblem reads neither `in` nor `name` of the rule it is given: a body field's refusal names the field itself",
    "src/operations/operation-rules.ts:208:22":
      "a default list holding a string: its `in` and `name` are undefined, so it reads no value and requires none",
    "src/operations/paginator.ts:139:40":
      "a default list holding a string: no parameter rule is found in it, as in an empty one",
    "src/operations/paginator.ts:156:15":
      "ruleProblem does not read `in`: the page-size refusal names options.pageSize itself",
    "src/operations/paginator.ts:156:93":
      "the page size is never missing (the spec's default fills it), so `required` is never read",
    "src/runtime/create-api-client.ts:108:7":
      "Headers.get ignores case: the request-id header names are found however they are cased",
    "src/runtime/create-api-client.ts:158:20":
      "every method's query placer is a closure of the same source: its text groups the methods exactly as its presence does",
    "src/runtime/create-api-client.ts:158:37":
      "every method's body placer is a closure of the same source: its text groups the methods exactly as its presence does",
    "src/runtime/client-secrets.ts:13:27":
      "the default secret list is empty; a placeholder secret only hides text that happens to spell it",
    "src/operations/operation-rules.ts:197:33":
      "one name is joined with no separator at all: the empty string's replacement is never used",
    "src/operations/error-body-reader.ts:19:32":
      "a shape without message fields: the default's placeholder names a field no error body has",
    "src/operations/error-body-reader.ts:19:43":
      "a shape without code fields: the default's placeholder names a field no error body has",
    // m6c: the rate limiter and parallel paging (issue 19)
    "src/rate-limits/rate-limiter.ts:75:35":
      "a scope without routes: a made-up route's method is the word Stryker, which no request has",
    "src/rate-limits/rate-limiter.ts:76:31":
      "codegen checks every route is one of the spec's `METHOD /path`, so each has a path",
    "src/rate-limits/rate-limiter.ts:121:83":
      "the same placeholder for every per-IP bucket keys them alike, whatever it spells",
    // parallel-pages after its look-ahead (round 18/19 lead): a failure's stop and the walk's end
    "src/runtime/parallel-pages.ts:81:24":
      "how many pages are asked for between a page failing and the walk reaching it: they are aborted when it throws",
    "src/runtime/parallel-pages.ts:82:5":
      "a failed page's count only limits what is asked for before the walk throws; those are aborted then",
    "src/runtime/parallel-pages.ts:83:15":
      "asking on after a failure sends pages the walk aborts when it reaches the failed one",
    "src/runtime/parallel-pages.ts:128:15":
      "the abort just after settles every page in flight as failed, which stops asking anyway",
    // m4: client-runtime.ts (issue 19; positions moved in m6c, when the limiter came in)
    "src/runtime/client-runtime.ts:81:17":
      "a Blob copies its parts when it is made: slicing the bytes first gives the same Blob",
    "src/runtime/client-runtime.ts:101:11": "an emptied catch block also returns undefined",
    "src/runtime/client-runtime.ts:157:20":
      "a GET never has a body, so it takes the fast path whether or not it is singled out",
    "src/runtime/client-runtime.ts:251:32":
      "a GET never has a body to keep for a retry, singled out or not",
    "src/runtime/client-runtime.ts:251:52":
      "a HEAD never has a body to keep for a retry, singled out or not",
    "src/runtime/client-runtime.ts:252:52":
      "the redacted url is read only by hooks, and with no hook set nothing reads it",
    "src/runtime/client-runtime.ts:365:44":
      "a listener left on the caller's signal only aborts a controller whose fetch is over: no effect",
    "src/runtime/client-runtime.ts:453:20":
      "calling a missing parser throws inside tolerant(), which gives undefined as the ?. does",
    // m5: member entries and access diff (issue 19)
    "src/identity/member-entries.ts:21:18":
      "String.split always returns at least one part, so the default is never used",
    "src/identity/member-entries.ts:25:82":
      "the only caller reads an id and a filter path from each entry: a string entry has neither, like no entry",
    "src/identity/member-entries.ts:27:85":
      "the only caller reads an id and a filter path from each entry: a string entry has neither, like no entry",
    "src/identity/access-diff.ts:76:57":
      "a made-up incomplete vendor no directory names marks no vendor incomplete",
    "src/identity/access-diff.ts:172:43":
      "entitlement kinds are lower-case words: any capitalised placeholder sorts an absent kind first too",
    "src/identity/access-diff.ts:172:70":
      "entitlement kinds are lower-case words: any capitalised placeholder sorts an absent kind first too",
    "src/identity/access-diff.ts:173:41":
      "ids are compared only between changes of one kind: both have an entitlement, or neither (both sides default alike)",
    "src/identity/access-diff.ts:173:66":
      "ids are compared only between changes of one kind: both have an entitlement, or neither (both sides default alike)",
  },
});
