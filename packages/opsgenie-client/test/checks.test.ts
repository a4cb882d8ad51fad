// "Checked before sending" in the README, rule by rule: each refusal names the operation and the
// field and sends nothing (the key stays in the process); each edge the API accepts is sent.
import { ClientValidationError } from "@rollcall/core";
import { beforeEach, describe, expect, it } from "vitest";
import type { OpsgenieClient } from "../src/index";
import { useOpsgenieSimulator } from "./support/simulator";

const env = useOpsgenieSimulator("docs");
let client: OpsgenieClient;
beforeEach(() => {
  client = env.client();
});

const JOHN = "ac463592-dbd2-4ca3-a651-48fdf5e5c871";
const long = (length: number) => "a".repeat(length);

async function refusal(call: () => Promise<unknown>): Promise<ClientValidationError> {
  const error = await call().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ClientValidationError);
  expect(env.sim.requestCount()).toBe(0);
  return error as ClientValidationError;
}

type Call = (client: OpsgenieClient) => Promise<unknown>;
const getUser =
  (query: object): Call =>
  (c) =>
    c.GET("/v1/json/user", { params: { query: query as never } });
const deleteUser =
  (query: object): Call =>
  (c) =>
    c.DELETE("/v1/json/user", { params: { query: query as never } });
const listUsers =
  (query: object): Call =>
  (c) =>
    c.GET("/v1.2/json/user", { params: { query: query as never } });
const saveUser =
  (body: unknown): Call =>
  (c) =>
    c.POST("/v1/json/user", { body: body as never });
const copyRules =
  (body: unknown): Call =>
  (c) =>
    c.POST("/v1/json/copyNotificationRules", { body: body as never });

const copy = { fromUser: "john.smith@example.com", toUsers: ["x@example.com"], ruleTypes: ["all"] };
const create = { username: "x@example.com", fullname: "X", role: "User" };

describe("refused before sending", () => {
  it.each([
    ["GET by an empty id", getUser({ id: " " }), "getUser", "params.query.id", /non-empty string/],
    [
      "GET by a username that is not text",
      getUser({ username: 7 }),
      "getUser",
      "params.query.username",
      /non-empty string/,
    ],
    [
      "GET by both",
      getUser({ id: JOHN, username: "j@example.com" }),
      "getUser",
      "params.query",
      /exactly one of id and username, not both/,
    ],
    [
      "DELETE by neither",
      deleteUser({}),
      "deleteUser",
      "params.query",
      /exactly one of id and username, not neither/,
    ],
    [
      "DELETE by null id and no username",
      deleteUser({ id: null }),
      "deleteUser",
      "params.query",
      /not neither/,
    ],
    [
      "DELETE by an empty username",
      deleteUser({ username: "" }),
      "deleteUser",
      "params.query.username",
      /non-empty string/,
    ],
    [
      "a list with limit 0",
      listUsers({ limit: 0 }),
      "listUsers",
      "params.query.limit",
      /^opsgenie.*must be an integer from 1 to 100, got 0/,
    ],
    [
      "a list with limit 101",
      listUsers({ limit: 101 }),
      "listUsers",
      "params.query.limit",
      /got 101/,
    ],
    [
      "a list with a limit in text",
      listUsers({ limit: "10" }),
      "listUsers",
      "params.query.limit",
      /got 10/,
    ],
    [
      "a list with offset -1",
      listUsers({ offset: -1 }),
      "listUsers",
      "params.query.offset",
      /must be an integer ≥ 0, got -1/,
    ],
    [
      "a list with offset 1.5",
      listUsers({ offset: 1.5 }),
      "listUsers",
      "params.query.offset",
      /got 1.5/,
    ],
    [
      "a save that is not an object",
      saveUser([]),
      "createOrUpdateUser",
      "body",
      /must be a JSON object/,
    ],
    [
      "an update with an empty id",
      saveUser({ id: " ", fullname: "X" }),
      "createOrUpdateUser",
      "body.id",
      /must be a UUID/,
    ],
    [
      "an update with an id over 100 characters",
      saveUser({ id: long(101) }),
      "createOrUpdateUser",
      "body.id",
      /must be a UUID/,
    ],
    [
      "an update that changes the username",
      saveUser({ id: JOHN, username: "n@example.com" }),
      "createOrUpdateUser",
      "body.username",
      /is not a field of this request/,
    ],
    [
      "a create without a username",
      saveUser({ ...create, username: undefined }),
      "createOrUpdateUser",
      "body.username",
      /is required/,
    ],
    [
      "a create with a 101-character username",
      saveUser({ ...create, username: long(101) }),
      "createOrUpdateUser",
      "body.username",
      /at most 100 characters/,
    ],
    [
      "a create with a blank full name",
      saveUser({ ...create, fullname: "  " }),
      "createOrUpdateUser",
      "body.fullname",
      /non-empty string of at most 512 characters matching/,
    ],
    [
      "a create with a 513-character role",
      saveUser({ ...create, role: long(513) }),
      "createOrUpdateUser",
      "body.role",
      /non-empty string of at most 512 characters/,
    ],
    [
      "a copy that is not an object",
      copyRules(null),
      "copyNotificationRules",
      "body",
      /must be a JSON object/,
    ],
    [
      "a copy without fromUser",
      copyRules({ ...copy, fromUser: "" }),
      "copyNotificationRules",
      "body.fromUser",
      /must be an email address/,
    ],
    [
      "a copy to nobody",
      copyRules({ ...copy, toUsers: [] }),
      "copyNotificationRules",
      "body.toUsers",
      /must be a list of at least 1 item$/,
    ],
    [
      "a copy of no rule types",
      copyRules({ ...copy, ruleTypes: "all" }),
      "copyNotificationRules",
      "body.ruleTypes",
      /must be a list of at least 1 item$/,
    ],
  ] as const)("%s", async (_, call, operation, field, message) => {
    const error = await refusal(() => call(client));
    expect(error).toMatchObject({ vendor: "opsgenie", operation, field });
    expect(error.message).toMatch(message);
  });
});

describe("sent as the API accepts them", () => {
  it.each([
    ["GET by id", getUser({ id: JOHN })],
    ["GET by username, with a null id", getUser({ id: null, username: "john.smith@example.com" })],
    ["a list with limit 1", listUsers({ limit: 1 })],
    ["a list with limit 100 and offset 0", listUsers({ limit: 100, offset: 0 })],
    ["a list with a null limit", listUsers({ limit: null })],
    [
      "a create at the length limits",
      saveUser({ username: `${long(88)}@example.com`, fullname: long(512), role: long(512) }),
    ],
    ["an update by id with a null username", saveUser({ id: JOHN, username: null, fullname: "X" })],
    ["a copy", copyRules(copy)],
  ] as const)("%s", async (_, call) => {
    await call(client);
    expect(env.sim.requestCount()).toBe(1);
  });
});
