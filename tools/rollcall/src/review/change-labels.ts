// How each kind of change is titled and described, shared by the page and changes.csv.
import type { AccessChange } from "@rollcall/core";

export const CHANGE_TITLES: Readonly<Record<AccessChange["type"], string>> = {
  "person-joined": "People who joined",
  "person-left": "People who left",
  "account-added": "Accounts added",
  "account-removed": "Accounts removed",
  "grant-added": "Grants added",
  "grant-removed": "Grants removed",
  "privilege-changed": "Privilege changes",
};

export const CHANGE_TYPES = Object.keys(CHANGE_TITLES) as AccessChange["type"][];

export function changePerson(change: AccessChange): string {
  const { person } = change;
  if (person === null) return "";
  return person.displayName === null ? person.key : `${person.displayName} <${person.key}>`;
}

export function changeEntitlement(change: AccessChange): string {
  const { entitlement } = change;
  return entitlement === undefined ? "" : `${entitlement.kind} ${entitlement.name}`;
}
