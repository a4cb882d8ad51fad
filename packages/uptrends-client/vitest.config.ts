import { packageTestConfig } from "../../vitest.shared.ts";

export default packageTestConfig({ extraTests: ["tools/conformance/test/**/*.test.ts"] });
