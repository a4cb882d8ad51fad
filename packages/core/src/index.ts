// The public surface of @rollcall/core: the identity model and the shared client runtime.
export * from "./identity/index";
export * from "./runtime/index";
export { connectorSecrets } from "./connector";
export type { Connector, ConnectorSetting, ConnectorSettings } from "./connector";
