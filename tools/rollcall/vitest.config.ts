import { packageTestConfig } from "../../vitest.shared.ts";

// Tests start real simulators on loopback; test/bin.test.ts also spawns the real CLI and sets its
// own longer timeout. The CLI keeps no state between `main()` calls, so the shared module graph of
// a mutation run is safe here too.
export default packageTestConfig();
