import type { EagleRemoveAdministrator, EagleRemoveGroupMember } from "../../src/index";

/** A hand-made plan step removing `email` from the administrators. */
export function administratorStep(email: string): EagleRemoveAdministrator {
  const account = { vendor: "eagle", kind: "eagle.administrator", id: email };
  return { vendor: "eagle", action: "eagle.removeAdministrator", account, email, description: "" };
}

/** A hand-made plan step removing `email` from group `groupId`. */
export function groupStep(email: string, groupId: string): EagleRemoveGroupMember {
  const account = { vendor: "eagle", kind: "eagle.groupMember", id: email };
  return {
    vendor: "eagle",
    action: "eagle.removeGroupMember",
    account,
    groupId,
    groupName: null,
    email,
    description: "",
  };
}
