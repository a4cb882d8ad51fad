import { describe, expect, it } from "vitest";
import {
  AccountStillPresentError,
  ClientValidationError,
  ServerError,
  deletionExecutor,
  UUID_FORMAT,
  type OffboardingStep,
} from "../../src/index";

/** A step as a vendor package declares one. */
interface RootlyDeleteUser extends OffboardingStep {
  readonly action: "rootly.deleteUser";
  readonly userId: string;
}

const step = (userId: string): RootlyDeleteUser =>
  ({ vendor: "rootly", action: "rootly.deleteUser", userId }) as RootlyDeleteUser;

function answer(status: number) {
  const response = new Response(status === 204 ? null : "{}", { status });
  return status < 300 ? { data: {}, response } : { error: {}, response };
}

/** An executor whose DELETE answers `deleteStatus` and whose read-back GET answers `readStatus`. */
function executorAnswering(deleteStatus: number, readStatus = 404) {
  const sent: string[] = [];
  const executor = deletionExecutor<RootlyDeleteUser>({
    vendor: "rootly",
    action: "rootly.deleteUser",
    target: (s) => ({ field: "userId", value: s.userId }),
    remove: async (s) => {
      sent.push(`DELETE ${s.userId}`);
      return answer(deleteStatus);
    },
    readBack: async (s) => {
      sent.push(`GET ${s.userId}`);
      return answer(readStatus);
    },
  });
  return { executor, sent };
}

describe("deletionExecutor", () => {
  it("deletes the named record and reads it back", async () => {
    const { executor, sent } = executorAnswering(204);
    await executor.execute(step("317"));
    expect(sent).toEqual(["DELETE 317", "GET 317"]);
  });

  it("counts a record that is already gone (404, and 404 on reading back) as done", async () => {
    const { executor, sent } = executorAnswering(404);
    await expect(executor.execute(step("317"))).resolves.toBeUndefined();
    expect(sent).toEqual(["DELETE 317", "GET 317"]);
  });

  it("fails a delete answered with success when the record can still be read", async () => {
    const { executor } = executorAnswering(204, 200);
    const error = await Promise.resolve(executor.execute(step("317"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountStillPresentError);
    expect(error).toMatchObject({ name: "AccountStillPresentError", vendor: "rootly" });
    expect((error as Error).message).toMatch(/userId 317 is still there.*success/);
  });

  it("fails a delete answered 404 when the record can in fact still be read", async () => {
    const { executor } = executorAnswering(404, 200);
    await expect(executor.execute(step("317"))).rejects.toThrow(/still there.*404/);
  });

  it("passes on any other failure, of the delete or of the read-back", async () => {
    await expect(executorAnswering(500).executor.execute(step("317"))).rejects.toBeInstanceOf(
      ServerError,
    );
    await expect(executorAnswering(204, 503).executor.execute(step("317"))).rejects.toBeInstanceOf(
      ServerError,
    );
  });

  it("refuses a step of another action, or with no target, before sending anything", async () => {
    const { executor, sent } = executorAnswering(204);
    const wrong = { ...step("317"), action: "rootly.archiveUser" } as unknown as RootlyDeleteUser;
    await expect(executor.execute(wrong)).rejects.toMatchObject({ field: "step.action" });
    const empty = executor.execute(step("  "));
    await expect(empty).rejects.toBeInstanceOf(ClientValidationError);
    await expect(empty).rejects.toMatchObject({ field: "step.userId" });
    expect(sent).toEqual([]);
  });

  it("refuses a target of the wrong format, naming the format, before sending anything", async () => {
    const sent: string[] = [];
    const executor = deletionExecutor<RootlyDeleteUser>({
      vendor: "rootly",
      action: "rootly.deleteUser",
      target: (s) => ({ field: "userId", value: s.userId, format: UUID_FORMAT }),
      remove: async (s) => (sent.push(`DELETE ${s.userId}`), answer(204)),
      readBack: async () => answer(404),
    });
    const refused = executor.execute(step("317"));
    await expect(refused).rejects.toBeInstanceOf(ClientValidationError);
    await expect(refused).rejects.toMatchObject({
      field: "step.userId",
      problem: "must be a UUID",
    });
    expect(sent).toEqual([]);
    await executor.execute(step("D6B85867-3304-46D5-B196-7CD5D91D4956"));
    expect(sent).toEqual(["DELETE D6B85867-3304-46D5-B196-7CD5D91D4956"]);
  });

  it("says what was wrong with a refused step, and names the record a failed step kept", async () => {
    const { executor, sent } = executorAnswering(204);
    const wrong = { ...step("317"), action: "rootly.archiveUser" } as unknown as RootlyDeleteUser;
    await expect(executor.execute(wrong)).rejects.toThrow(
      'rootly offboardingExecutor: step.action must be "rootly.deleteUser", got "rootly.archiveUser"',
    );
    await expect(executor.execute(step(" "))).rejects.toThrow(
      "rootly offboardingExecutor: step.userId must name the record to delete",
    );
    expect(sent).toEqual([]);
    const kept = await Promise.resolve(executorAnswering(204, 200).executor.execute(step("317")))
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(kept).toMatchObject({ record: "userId 317" });
  });

  it("refuses a missing step or a step with no target value as a validation error, not a crash", async () => {
    const { executor, sent } = executorAnswering(204);
    const none = Promise.resolve(executor.execute(undefined as unknown as RootlyDeleteUser));
    await expect(none).rejects.toBeInstanceOf(ClientValidationError);
    await expect(none).rejects.toThrow('must be "rootly.deleteUser", got undefined');
    const noId = { vendor: "rootly", action: "rootly.deleteUser" } as unknown as RootlyDeleteUser;
    await expect(executor.execute(noId)).rejects.toMatchObject({
      name: "ClientValidationError",
      field: "step.userId",
    });
    expect(sent).toEqual([]);
  });
});
