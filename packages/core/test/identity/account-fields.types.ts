// Checked by tsc (`pnpm typecheck`), not run: a field map's paths must exist in the record type,
// so a spec that renames a field breaks the adapter's build instead of emptying its accounts.
import type { FieldPath, RecordFields } from "../../src/index";

interface Person {
  id: string;
  profile?: { mail?: string | null; name?: { first?: string } };
  teams?: string[];
}

export const paths: FieldPath<Person>[] = ["id", "profile.mail", "profile.name.first", "teams"];

// @ts-expect-error a field the record type does not have
export const typo: FieldPath<Person> = "profile.email";

// @ts-expect-error no path leads into a list
export const intoList: FieldPath<Person> = "teams.0";

export const fields: RecordFields<Person> = {
  vendor: "acme",
  kind: "acme.person",
  noun: "person",
  id: "id",
  // @ts-expect-error the login address must be a path of the record too
  emails: [["profile.email", "login"]],
};
