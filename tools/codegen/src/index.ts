export { CodegenError } from "./codegen-error";
export { runCodegen, type CodegenOptions, type CodegenResult } from "./codegen";
export { main } from "./cli";
export {
  loadRegistry,
  parseRegistry,
  SIMULATORS_TARGET,
  type Registry,
  type Vendor,
} from "./registry";
export { generatedMarker } from "./generated-files";
export { TYPE_OPTIONS } from "./type-generation";
