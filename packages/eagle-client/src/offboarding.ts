import {
  AccountStillPresentError,
  ClientValidationError,
  isValidEmail,
  RollcallError,
  sameEmail,
  unwrap,
  type OffboardingExecutor,
} from "@rollcall/core";
import { ACCOUNT_KINDS, toAccounts } from "./accounts";
import type { EagleClient } from "./client";
import type { EagleOffboardingStep } from "./offboarding-plan";
import { isGroupId, keepGroup, putGroups, readGroups, userRequest } from "./owner-groups";

/**
 * Carries out eagle.io offboarding steps. Both are read-modify-write on the owner account:
 * administrators are sent back without the person (the list is replaced whole), and every group
 * is sent back with only the person removed from the one group (groups missing from the write
 * would be permanently deleted). A person already gone is not an error. Either way the owner is
 * then read back through `toAccounts`, the adapter the plan was made from: the step is done only
 * when that no longer finds the person there. A step of another action, without a valid address or
 * (for a group) a valid group id is refused before anything is sent: it would match nobody and
 * count as done while the person keeps their access.
 */
export function offboardingExecutor(
  client: EagleClient,
): OffboardingExecutor<EagleOffboardingStep> {
  return {
    async execute(step) {
      checkStep(step);
      const wrote =
        step.action === "eagle.removeAdministrator"
          ? await removeAdministrator(client, step.email)
          : await removeGroupMember(client, step.groupId, step.email);
      await confirmRemoved(client, step, wrote);
    },
  };
}

function checkStep(step: EagleOffboardingStep): void {
  const refuse = (field: string, message: string) =>
    new ClientValidationError({
      vendor: "eagle",
      operation: "offboardingExecutor",
      field,
      message,
    });
  const action: unknown = step?.action;
  if (action !== "eagle.removeAdministrator" && action !== "eagle.removeGroupMember") {
    throw refuse(
      "step.action",
      `must be "eagle.removeAdministrator" or "eagle.removeGroupMember", got ${JSON.stringify(action)}`,
    );
  }
  if (!isValidEmail(step.email)) throw refuse("step.email", "must be the address to remove");
  if (step.action === "eagle.removeGroupMember" && !isGroupId(step.groupId)) {
    throw refuse("step.groupId", "must be an eagle.io group id (24 hexadecimal digits)");
  }
}

/** Each removal returns whether it wrote anything (false: nobody matched, nothing was sent). */
async function removeAdministrator(client: EagleClient, email: string): Promise<boolean> {
  const owner = unwrap(
    await client.GET("/api/v1/owners/account", { params: { query: { attr: ["administrators"] } } }),
  );
  const administrators = owner.administrators;
  // Without the list (a key below Account level) a write would remove every administrator.
  if (!Array.isArray(administrators)) {
    throw new RollcallError(
      "eagle: the administrators could not be read (the key needs Account level); nothing was changed",
      "eagle",
    );
  }
  const remaining = administrators.filter((admin) => !sameEmail(admin.user, email));
  if (remaining.length === administrators.length) return false;
  unwrap(
    await client.PUT("/api/v1/owners/account", {
      params: { query: { attr: ["_id"] } },
      body: { administrators: remaining.map(userRequest) },
    }),
  );
  return true;
}

async function removeGroupMember(
  client: EagleClient,
  groupId: string,
  email: string,
): Promise<boolean> {
  const groups = await readGroups(client);
  const target = groups.find((group) => group._id === groupId);
  const members = target?.users ?? [];
  // A group that is gone has no members: nothing to remove.
  if (!members.some((member) => sameEmail(member.user, email))) return false;
  const requests = groups.map((group) =>
    group === target
      ? keepGroup(
          group,
          members.filter((member) => !sameEmail(member.user, email)),
        )
      : keepGroup(group),
  );
  const after = await putGroups(client, requests, undefined, "offboardingExecutor");
  const kept = new Set(after.map((group) => group._id));
  const lost = groups.filter((group) => !kept.has(group._id));
  if (lost.length > 0) {
    throw new RollcallError(
      `eagle: after removing ${email} from group ${groupId}, eagle.io no longer lists group(s) ` +
        `${lost.map((group) => group._id).join(", ")}`,
      "eagle",
    );
  }
  return true;
}

/** Reads the owner back and throws when the person is still where the step removed them from. */
async function confirmRemoved(
  client: EagleClient,
  step: EagleOffboardingStep,
  wrote: boolean,
): Promise<void> {
  const owner = unwrap(
    await client.GET("/api/v1/owners/account", {
      params: { query: { attr: ["administrators", "groups"] } },
    }),
  );
  const stillThere = toAccounts(owner).accounts.some((account) =>
    step.action === "eagle.removeAdministrator"
      ? account.source.kind === ACCOUNT_KINDS.administrator &&
        sameEmail(account.source.id, step.email)
      : // Only member accounts list groups.
        sameEmail(account.source.id, step.email) &&
        account.groups.some((group) => group.id === step.groupId),
  );
  if (stillThere) {
    const where =
      step.action === "eagle.removeAdministrator" ? "the administrators" : `group ${step.groupId}`;
    const done = wrote ? "the write was answered with success" : "nothing matched it to remove";
    throw new AccountStillPresentError(
      "eagle",
      step.email,
      `${done}, but eagle.io still lists it in ${where}`,
    );
  }
}
