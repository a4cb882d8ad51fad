// What the executor does with owner answers the simulator never gives: a key that cannot read the
// administrators, a write whose answer has lost a group, a write that does not take, and a person
// added back between the executor's read and its read-back.
import { AccountStillPresentError, RollcallError } from "@rollcall/core";
import { afterEach, expect, it } from "vitest";
import {
  createEagleClient,
  offboardingExecutor,
  type EagleRemoveAdministrator,
  type EagleRemoveGroupMember,
} from "../src/index";
import { serveOwner, type OwnerServer } from "./support/owner-server";
import { administratorStep, groupStep } from "./support/steps";

let server: OwnerServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const AVA = "ava.chen@harbourline.example";
const OPS = "61bac74a84cac62fcbfe2c3c";
const NIGHT = "61bac74a84cac62fcbfe2c3d";
const OWNER = { _id: "5424fbe96c4728a166f0d725", accountName: "Harbourline" };
const user = (address: string) => ({ user: address });
const group = (_id: string, ...members: string[]) => ({ _id, name: _id, users: members.map(user) });

const removeAdministrator = administratorStep(AVA);
const removeFromOps = groupStep(AVA, OPS);

/** Runs `step` against an owner server and returns what it threw. */
async function failureOf(
  step: EagleRemoveAdministrator | EagleRemoveGroupMember,
  ...answers: Parameters<typeof serveOwner>
): Promise<Error> {
  server = await serveOwner(...answers);
  const client = createEagleClient({ apiKey: "test-key", baseUrl: server.url, retry: false });
  try {
    await offboardingExecutor(client).execute(step);
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the step to fail");
}

it("writes nothing when the administrators cannot be read (a key below Account level)", async () => {
  const error = await failureOf(removeAdministrator, OWNER);
  expect(error).toBeInstanceOf(RollcallError);
  expect((error as RollcallError).vendor).toBe("eagle");
  expect(error.message).toMatch(
    /administrators could not be read.*Account level.*nothing was changed/,
  );
  expect(server?.methods).toEqual(["GET"]);
});

const DAY = "61bac74a84cac62fcbfe2c3e";

it("fails the step when the write's answer no longer lists groups it sent back", async () => {
  const before = { ...OWNER, groups: [group(OPS, AVA), group(NIGHT), group(DAY)] };
  const error = await failureOf(removeFromOps, before, { groups: [group(OPS)] });
  expect(error).toBeInstanceOf(RollcallError);
  expect((error as RollcallError).vendor).toBe("eagle");
  expect(error.message).toBe(
    `eagle: after removing ${AVA} from group ${OPS}, eagle.io no longer lists group(s) ${NIGHT}, ${DAY}`,
  );
});

it.each([
  [
    "the administrators",
    removeAdministrator,
    { ...OWNER, administrators: [user(AVA)], groups: [] },
  ],
  [`group ${OPS}`, removeFromOps, { ...OWNER, administrators: [], groups: [group(OPS, AVA)] }],
])(
  "fails the step when a write is answered with success but %s still list the person",
  async (where, step, owner) => {
    const error = await failureOf(step, owner);
    expect(error).toBeInstanceOf(AccountStillPresentError);
    expect(error.message).toBe(
      `eagle: ${AVA} is still there after the step: the write was answered with success, ` +
        `but eagle.io still lists it in ${where}`,
    );
    expect(server?.methods).toContain("PUT");
  },
);

it.each([
  [
    "the administrators",
    removeAdministrator,
    { ...OWNER, administrators: [user(AVA)], groups: [] },
  ],
  [`group ${OPS}`, removeFromOps, { ...OWNER, administrators: [], groups: [group(OPS, AVA)] }],
])("fails the step when the person is back in %s by the read-back", async (where, step, later) => {
  const gone = { ...OWNER, administrators: [], groups: [group(OPS)] };
  const error = await failureOf(step, gone, gone, later);
  expect(error).toBeInstanceOf(AccountStillPresentError);
  expect(error.message).toMatch(
    new RegExp(`nothing matched it to remove, but eagle.io still lists it in ${where}`),
  );
  expect(server?.methods).not.toContain("PUT");
});
