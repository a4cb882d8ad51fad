export {
  isSimulatedVendor,
  simulators,
  startSimulator,
  type SimulatorOf,
  type SimulatorOptionsOf,
  type Simulators,
} from "./simulators";
export {
  declareSimulator,
  type CredentialOptions,
  type DeclaredSimulator,
  type SimulatorDeclaration,
  type VendorBehaviour,
} from "./vendors/declare-simulator";
export { specFacts, type CredentialPlacement, type SpecFacts } from "./spec/spec-facts";
export {
  eagleSimulator,
  startEagle,
  type EagleSimulator,
  type EagleSimulatorOptions,
} from "./vendors/eagle/eagle-simulator";
export {
  EagleStore,
  type EagleGroupRecord,
  type EagleOwnerRecord,
  type EagleUsage,
  type EagleUserProfile,
} from "./vendors/eagle/eagle-store";
export {
  rootlySimulator,
  startRootly,
  type RootlySimulator,
  type RootlySimulatorOptions,
} from "./vendors/rootly/rootly-simulator";
export {
  RootlyStore,
  type RootlyIncidentRecord,
  type RootlyIncidentRoleRecord,
  type RootlyRoleAssignment,
  type RootlyUserRecord,
} from "./vendors/rootly/rootly-store";
export {
  opsgenieSimulator,
  startOpsgenie,
  type OpsgenieSimulator,
  type OpsgenieSimulatorOptions,
} from "./vendors/opsgenie/opsgenie-simulator";
export {
  OpsgenieStore,
  type OpsgenieContact,
  type OpsgenieNotificationRule,
  type OpsgenieRuleType,
  type OpsgenieUserRecord,
} from "./vendors/opsgenie/opsgenie-store";
export {
  uptrendsSimulator,
  startUptrends,
  type UptrendsSimulator,
  type UptrendsCredentials,
  type UptrendsSimulatorOptions,
} from "./vendors/uptrends/uptrends-simulator";
export {
  UptrendsStore,
  type UptrendsDutySchedule,
  type UptrendsDutyScheduleRecord,
  type UptrendsOperatorRecord,
  type UptrendsTimezoneRecord,
} from "./vendors/uptrends/uptrends-store";
export {
  simulatedVendors,
  startAll,
  startVendor,
  type AllSimulators,
  type SimulatedVendor,
  type StartAllOptions,
} from "./start-all";
export {
  demoOrganisation,
  demoRootlyEscalationSchedules,
  demoOpsgenieAccess,
  type DemoOpsgenieAccess,
  type DemoEagleAccount,
  type DemoOpsgenieAccount,
  type DemoOrganisation,
  type DemoPerson,
  type DemoRootlyAccount,
  type DemoUptrendsAccount,
  type SeedChoice,
} from "./demo-organisation";
export {
  ContractViolationError,
  Simulator,
  type ContractViolation,
  type LoggedRequest,
  type SimulatorOptions,
  type SimulatorStats,
} from "./server/simulator";
export type { SimulatorClock } from "./server/rate-limits";
export { FaultScript, type Fault, type FaultOptions, type ScheduledFault } from "./server/faults";
export { operationCoverage, specOperations, type OperationCoverage } from "./spec/spec-operations";
export type { ContractProblem } from "./spec/contract";
export type { VendorSimulatorOptions } from "./vendors/vendor-options";
export { SimulatorCredentials, type CredentialField, type Credentials } from "./credentials";
