#!/usr/bin/env node
// Runs the TypeScript sources through tsx so the tool works on Node 20 without a build step.
import { register } from "tsx/esm/api";

register();
const { main, REPO_ROOT } = await import("../src/cli.ts");
process.exitCode = await main(process.argv.slice(2), REPO_ROOT);
