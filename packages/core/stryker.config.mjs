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
    // hci2: directory-person.ts, directory-queries.ts, directory-diff.ts, union-find.ts, source-key.ts
    "src/identity/directory-person.ts:62:7":
      "the limit only picks between two stable sorts with the same comparator: same order either way",
    "src/identity/directory-person.ts:62:43":
      "without the built-in sort the insertion sort below sorts the same run stably, to the same order",
    "src/identity/directory-person.ts:68:16":
      "starting one slot earlier only re-places the account before the run where it already is",
    "src/identity/directory-person.ts:108:9":
      "sorting a one-account run and checking it for duplicates changes nothing",
    "src/identity/directory-person.ts:121:20": "pre-sizing only saves memory: every slot is filled",
    "src/identity/directory-person.ts:122:19": "pre-sizing only saves memory: every slot is filled",
    "src/identity/directory-person.ts:143:11":
      "accounts of one person with different login/primary keys are joined through an account holding two, which own > 1 already sends to the general path",
    "src/identity/directory-person.ts:144:16":
      "accounts of one person with different login/primary keys are joined through an account holding two, which own > 1 already sends to the general path",
    "src/identity/directory-person.ts:107:26":
      "one run for all a person's accounts sorts them by source, vendor first: the same order as by vendor rank",
    "src/identity/directory-person.ts:145:7":
      "own only feeds the own > 1 fast-path check, itself unobservable (next entry)",
    "src/identity/directory-person.ts:148:9":
      "an account listing its one address twice gets the same links from either path (both skip a kind already linked)",
    "src/identity/directory-person.ts:184:17":
      "pre-sizing only saves memory: the array is cut to the links written",
    "src/identity/directory-person.ts:232:9":
      "only skips a scan: an address's links end with this account whenever it already linked it",
    "src/identity/directory-person.ts:242:24": "pre-sizing only saves memory: every slot is filled",
    "src/identity/directory-person.ts:243:20": "pre-sizing only saves memory: every slot is filled",
    "src/identity/directory-person.ts:259:62":
      "each address's link list is built afresh per person and never touched again, so sharing it is unobservable",
    "src/identity/directory-queries.ts:17:7":
      "rebuilding the look-up index per query gives the same index; the cache only saves time",
    "src/identity/directory-queries.ts:28:13":
      "login/primary addresses also in the weak index are never reached: the strong index, holding them all, is asked first",
    "src/identity/union-find.ts:9:21": "writing one index past the end of an Int32Array is a no-op",
    "src/identity/union-find.ts:26:9":
      "joining a root to itself leaves every set unchanged; only the size used for balancing grows",
    "src/identity/union-find.ts:27:9":
      "which root becomes the parent shapes the tree, not the sets: who is joined with whom is the same",
    "src/identity/union-find.ts:27:48":
      "which root becomes the parent shapes the tree, not the sets: who is joined with whom is the same",
    "src/identity/union-find.ts:33:5": "sizes only steer balancing, not which sets are joined",
  },
});
