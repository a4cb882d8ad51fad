// Type-level tests: checked by `tsc --noEmit -p .` (the typecheck task), never executed.
import {
  createUptrendsClient,
  type Operator,
  type OperatorPatch,
  type OperatorUpdate,
} from "../src/index";

const client = createUptrendsClient({ username: "api", password: "secret" });
const third = { params: { path: { operatorGuid: "d2782d76-62e7-4946-a41c-fc7f86c96300" } } };

export async function correctCallsCompile(): Promise<Operator | undefined> {
  await client.POST("/Operator/{operatorGuid}/DutySchedule", {
    ...third,
    body: { ScheduleMode: "Weekly", WeekDay: "Monday", StartTime: "08:00", EndTime: "16:30" },
  });
  await client.GET("/Timezone/{timezoneId}", { params: { path: { timezoneId: 56 } } });
  await client.PATCH("/Operator/{operatorGuid}", { ...third, body: { IsOnDuty: false } });
  await client.POST("/Operator", {
    body: { FullName: "A", Email: "a@acme.test", AllowNativeLogin: true, Password: "pw" },
  });
  await client.POST("/Operator", { body: { FullName: "B", Email: "b@acme.test" } });
  const { data } = await client.GET("/Operator/{operatorGuid}", { ...third, timeoutMs: 1_000 });
  return data;
}

export async function mistakesDoNotCompile(): Promise<void> {
  // @ts-expect-error the required path parameter `operatorGuid` is missing
  await client.GET("/Operator/{operatorGuid}", { params: { path: {} } });
  // @ts-expect-error the init object with the path parameter is required
  await client.DELETE("/Operator/{operatorGuid}");
  // @ts-expect-error Email and FullName are required to create an operator
  await client.POST("/Operator", { body: { FullName: "No Email" } });
  await client.POST("/Operator/{operatorGuid}/DutySchedule", {
    ...third,
    // @ts-expect-error "Fortnightly" is not a ScheduleMode
    body: { ScheduleMode: "Fortnightly", StartTime: "08:00", EndTime: "16:30" },
  });
  await client.POST("/Operator", {
    // @ts-expect-error "SmsProviderMars" is not an SmsProvider
    body: { FullName: "A", Email: "a@acme.test", SmsProvider: "SmsProviderMars" },
  });
  await client.POST("/Operator", {
    // @ts-expect-error a native-login operator needs a Password
    body: { FullName: "A", Email: "a@acme.test", AllowNativeLogin: true },
  });
  const readOnly: OperatorPatch = {
    IsOnDuty: false,
    // @ts-expect-error OperatorGuid is read-only: the path names the operator
    OperatorGuid: "d2782d76-62e7-4946-a41c-fc7f86c96300",
  };
  const v3Only: OperatorUpdate = {
    // @ts-expect-error OutgoingPhoneNumber is v3 only; v4 takes OutgoingPhoneNumberId
    OutgoingPhoneNumber: "+31612345678",
  };
  await client.PATCH("/Operator/{operatorGuid}", { ...third, body: readOnly });
  await client.PUT("/Operator/{operatorGuid}", { ...third, body: v3Only });
  // @ts-expect-error timezoneId is a number
  await client.GET("/Timezone/{timezoneId}", { params: { path: { timezoneId: "56" } } });
  // @ts-expect-error the password is required
  createUptrendsClient({ username: "api" });
}
