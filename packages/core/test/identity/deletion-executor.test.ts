import { describe, expect, it } from "vitest";
import {
  ClientValidationError,
  ServerError,
  deletionExecutor,
  type RootlyDeleteUser,
} from "../../src/index";

const step = (userId: string): RootlyDeleteUser =>
  ({ vendor: "rootly", action: "rootly.deleteUser", userId }) as RootlyDeleteUser;

function executorAnswering(status: number) {
  const sent: string[] = [];
  const executor = deletionExecutor<RootlyDeleteUser>({
    vendor: "rootly",
    action: "rootly.deleteUser",
    target: (s) => ({ field: "userId", value: s.userId }),
    remove: async (s) => {
      sent.push(s.userId);
      const response = new Response(status === 204 ? null : "{}", { status });
      return status < 300 ? { data: {}, response } : { error: {}, response };
    },
  });
  return { executor, sent };
}

describe("deletionExecutor", () => {
  it("deletes the named record", async () => {
    const { executor, sent } = executorAnswering(204);
    await executor.execute(step("317"));
    expect(sent).toEqual(["317"]);
  });

  it("counts a record that is already gone (404) as done", async () => {
    const { executor, sent } = executorAnswering(404);
    await expect(executor.execute(step("317"))).resolves.toBeUndefined();
    expect(sent).toEqual(["317"]);
  });

  it("passes on any other failure", async () => {
    const { executor } = executorAnswering(500);
    await expect(executor.execute(step("317"))).rejects.toBeInstanceOf(ServerError);
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
});
