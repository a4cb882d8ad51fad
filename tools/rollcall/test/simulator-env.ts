// The environment that points the CLI at simulators started in the test: their base URLs and
// credentials in the CLI's variables. Free of the CLI's own modules, so the packaging test
// (tools/release) points the installed CLI at its simulators the same way.
import type { AllSimulators } from "@rollcall/simulators";

/** The variables that point the CLI at the test's own simulators, with their credentials. */
export function simulatorEnv(sims: AllSimulators): Record<string, string> {
  return {
    EAGLE_API_KEY: sims.eagle.credentials.apiKey,
    EAGLE_BASE_URL: sims.eagle.url,
    ROOTLY_API_TOKEN: sims.rootly.credentials.token,
    ROOTLY_BASE_URL: sims.rootly.url,
    OPSGENIE_API_KEY: sims.opsgenie.credentials.apiKey,
    OPSGENIE_BASE_URL: sims.opsgenie.url,
    UPTRENDS_USERNAME: sims.uptrends.credentials.username,
    UPTRENDS_PASSWORD: sims.uptrends.credentials.password,
    UPTRENDS_BASE_URL: sims.uptrends.url,
  };
}
