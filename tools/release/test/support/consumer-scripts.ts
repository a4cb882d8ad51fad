/**
 * The scripts a user of one published package would write. They take everything from the
 * environment (package, factory, simulator URL and credentials, path) so one text serves all.
 * Each prints one JSON line: the export names it saw and, when it made one, the call's status.
 */
const body = `
const exportNames = Object.keys(mod).filter((name) => name !== "default" && name !== "__esModule").sort();
const result = { exportNames };
const factoryName = process.env.CONSUMER_FACTORY;
if (factoryName) {
  const factory = mod[factoryName];
  if (typeof factory !== "function") {
    throw new Error(\`\${process.env.CONSUMER_PACKAGE} has no \${factoryName} export (exports: \${exportNames.join(", ")})\`);
  }
  const credentials = JSON.parse(process.env.CONSUMER_CREDENTIALS ?? "{}");
  const client = factory({ baseUrl: process.env.CONSUMER_BASE_URL, ...credentials });
  if (typeof client?.GET !== "function") throw new Error(\`\${factoryName}() returned no GET method\`);
  const { response, data } = await client.GET(process.env.CONSUMER_PATH);
  result.status = response.status;
  result.hasData = data !== undefined;
}
console.log(JSON.stringify(result));
`;

export const ESM_CONSUMER = `const mod = await import(process.env.CONSUMER_PACKAGE);\n${body}`;

// CommonJS has no top-level await; the require itself is the point.
export const CJS_CONSUMER = `const mod = require(process.env.CONSUMER_PACKAGE);
(async () => {${body}})().catch((error) => { console.error(error); process.exitCode = 1; });
`;

/** ESM and CJS usage files for tsc: imports resolve through the right exports condition. */
export function typedUsage(
  packageName: string,
  factory: string | undefined,
): Record<string, string> {
  const use = (binding: string) =>
    factory === undefined
      ? `export const names: string[] = Object.keys(${binding});\n`
      : `export const factory: typeof ${binding}.${factory} = ${binding}.${factory};\n`;
  return {
    "usage.mts": `import * as pkg from "${packageName}";\n${use("pkg")}`,
    "usage.cts": `import pkg = require("${packageName}");\n${use("pkg")}`,
  };
}
