// The public surface of @rollcall/core: the identity model, the shared client runtime, and the
// interpreters of the operation data generated from each vendor's spec.
export * from "./identity/index";
export * from "./runtime/index";
export { connectorSecrets, defineConnector } from "./connector";
export type {
  Connector,
  ConnectorDescriptor,
  ConnectorParts,
  ConnectorSetting,
  ConnectorSettings,
} from "./connector";
export * from "./operations/index";
export { rateLimiter } from "./rate-limits/rate-limiter";
export type {
  LimiterSettings,
  RateLimiter,
  RateLimiterFactory,
  Reservation,
} from "./rate-limits/rate-limiter";
