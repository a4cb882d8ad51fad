import type { Credentials } from "../../credentials";
import type { Simulator } from "../../server/simulator";
import {
  DEFAULT_ERROR_STATUS,
  type Handler,
  type SimResponse,
} from "../../server/vendor-definition";
import { newUuid } from "../../store/identifiers";
import type { components } from "../../generated/uptrends-schema";
import { declareSimulator, type CredentialOptions } from "../declare-simulator";
import type { VendorSimulatorOptions } from "../vendor-options";
import { UptrendsStore, type UptrendsOperatorRecord } from "./uptrends-store";

export interface UptrendsSimulatorOptions
  extends VendorSimulatorOptions, CredentialOptions<"username" | "password"> {}

/** `credentials.username` and `.password`: the API account it accepts (default: random). */
export type UptrendsSimulator = Simulator<UptrendsStore, UptrendsCredentials>;

/** The API account, and `authorization`: the `Authorization: Basic …` value it makes. */
export type UptrendsCredentials = Credentials<"username" | "password"> & {
  readonly authorization: string;
};

type Schemas = components["schemas"];

const STATUS_BY_KIND = DEFAULT_ERROR_STATUS;

function messages(status: number, ...texts: string[]): SimResponse {
  return { status, body: { Messages: texts.map((Message) => ({ Message })) } };
}

/** The operator as the API shows it: Password is write-only. */
function render(operator: UptrendsOperatorRecord): Schemas["Operator"] {
  const { Password: _password, ...visible } = operator;
  return visible;
}

// Request bodies reach a handler only after passing the spec's checks, hence the casts below.
function changeOperator(
  store: UptrendsStore,
  pathParams: Record<string, string>,
  body: unknown,
): SimResponse {
  const updated = store.operators.update(
    pathParams.operatorGuid ?? "",
    body as Schemas["OperatorUpdate"],
  );
  return updated ? { status: 204 } : notFound();
}

function notFound(what = "operator"): SimResponse {
  return messages(404, `The requested ${what} does not exist.`);
}

/** Handlers by route key; exported so tests can check every spec operation has one. */
export const uptrendsHandlers: Record<string, Handler<UptrendsStore>> = {
  "GET /Operator": ({ store }) => ({ status: 200, body: store.operators.list().map(render) }),

  "POST /Operator": ({ store, body }) => {
    const request = body as Schemas["OperatorCreate"];
    const email = request.Email.toLowerCase();
    if (store.operators.find((operator) => operator.Email.toLowerCase() === email)) {
      return messages(403, "An operator with this e-mail address already exists.");
    }
    const operator = store.operators.put({
      BackupEmail: "",
      IsOnDuty: true,
      MobilePhone: "",
      CultureName: "",
      SmsProvider: "UseAccountSetting",
      ...request,
      OperatorGuid: newUuid(),
      IsAccountAdministrator: false,
    });
    return { status: 201, body: render(operator) };
  },

  "GET /Operator/{}": ({ store, pathParams }) => {
    const operator = store.operators.get(pathParams.operatorGuid ?? "");
    return operator ? { status: 200, body: render(operator) } : notFound();
  },

  // The documents do not say whether PUT keeps omitted attributes; the simulator keeps them, so
  // PUT and PATCH both change exactly the attributes sent.
  "PUT /Operator/{}": ({ store, pathParams, body }) => changeOperator(store, pathParams, body),

  "PATCH /Operator/{}": ({ store, pathParams, body }) => changeOperator(store, pathParams, body),

  "DELETE /Operator/{}": ({ store, pathParams }) => {
    const guid = pathParams.operatorGuid ?? "";
    if (!store.operators.get(guid)) return notFound();
    if (guid === store.apiAccountOperatorGuid) {
      return messages(
        403,
        "You cannot delete the operator associated with the API account you are using.",
      );
    }
    store.operators.delete(guid);
    for (const schedule of store.schedulesOf(guid)) store.dutySchedules.delete(String(schedule.Id));
    return { status: 204 };
  },

  "GET /Operator/{}/DutySchedule": ({ store, pathParams }) => {
    const guid = pathParams.operatorGuid ?? "";
    return store.operators.get(guid) ? { status: 200, body: store.schedulesOf(guid) } : notFound();
  },

  "POST /Operator/{}/DutySchedule": ({ store, pathParams, body }) => {
    const guid = pathParams.operatorGuid ?? "";
    if (!store.operators.get(guid)) return notFound();
    const schedule = { ...(body as Schemas["DutyScheduleRequest"]), Id: store.nextScheduleId() };
    store.dutySchedules.put({ operatorGuid: guid, schedule });
    // v4 answers 201 without content: the new Id shows only in the operator's schedule list.
    return { status: 201 };
  },

  "PUT /Operator/{}/DutySchedule/{}": ({ store, pathParams, body }) => {
    const guid = pathParams.operatorGuid ?? "";
    const id = pathParams.dutyScheduleId ?? "";
    const record = store.dutySchedules.get(id);
    if (!store.operators.get(guid) || record?.operatorGuid !== guid) {
      return messages(404, "The requested duty schedule does not exist.");
    }
    // A schedule is replaced whole: fields of its old mode must not linger.
    store.dutySchedules.put({
      operatorGuid: guid,
      schedule: { ...(body as Schemas["DutyScheduleRequest"]), Id: Number(id) },
    });
    return { status: 204 };
  },

  "DELETE /Operator/{}/DutySchedule/{}": ({ store, pathParams }) => {
    const guid = pathParams.operatorGuid ?? "";
    const id = pathParams.dutyScheduleId ?? "";
    if (store.dutySchedules.get(id)?.operatorGuid !== guid) {
      return messages(404, "The requested duty schedule does not exist.");
    }
    store.dutySchedules.delete(id);
    return { status: 204 };
  },

  "GET /Operator/{}/Authorization": ({ store, pathParams }) => {
    const operator = store.operators.get(pathParams.operatorGuid ?? "");
    if (!operator) return notFound("operator");
    return { status: 200, body: store.authorizationsOf(operator) };
  },

  "GET /OperatorGroup": ({ store }) => ({
    status: 200,
    body: store.operatorGroups.list().map(({ members: _members, ...group }) => group),
  }),

  "GET /OperatorGroup/{}/Member": ({ store, pathParams }) => {
    const group = store.operatorGroups.get(pathParams.operatorGroupGuid ?? "");
    if (!group) return notFound("operator group");
    return {
      status: 200,
      body: store.membersOf(group).map((OperatorGuid) => ({ OperatorGuid })),
    };
  },

  "GET /Timezone": ({ store }) => ({ status: 200, body: store.timezones.list() }),

  "GET /Timezone/{}": ({ store, pathParams }) => {
    const zone = store.timezones.get(String(Number(pathParams.timezoneId)));
    return zone
      ? { status: 200, body: zone }
      : messages(404, "The requested time zone does not exist.");
  },
};

/** Uptrends API v4: HTTP Basic with an API account; its base path `/v4` comes from the spec. */
export const uptrendsSimulator = declareSimulator<
  "username" | "password",
  UptrendsStore,
  UptrendsSimulatorOptions,
  { readonly authorization: string }
>({
  id: "uptrends",
  behaviour: (options) => ({
    store: new UptrendsStore(options.seed ?? "both"),
    errorResponse: (kind, message, status, problems) => {
      if (kind === "unauthorized")
        return messages(401, "Authorization has been denied for this request.");
      // Uptrends answers body validation failures with 403, anything else malformed with 400.
      if (
        kind === "invalid-request" &&
        problems?.some((problem) => problem.location.startsWith("body"))
      ) {
        return messages(
          403,
          ...problems.map((problem) => `${problem.location} ${problem.message}`),
        );
      }
      return messages(status ?? STATUS_BY_KIND[kind], message);
    },
    handlers: uptrendsHandlers,
  }),
});

/** Starts a fake Uptrends API v4 (operators, duty schedules, time zones) on 127.0.0.1; `url` ends in /v4. */
export const startUptrends = (options: UptrendsSimulatorOptions = {}): Promise<UptrendsSimulator> =>
  uptrendsSimulator.start(options);
