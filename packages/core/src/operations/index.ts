// Interpreters of the operation data codegen emits per vendor (src/generated/operations.ts).
export { operationChecks, ruleProblem } from "./operation-rules";
export type {
  OperationRule,
  OperationRules,
  PaginationRule,
  ParameterRule,
} from "./operation-rules";
export { paginator } from "./paginator";
export { errorBodyReader } from "./error-body-reader";
export type {
  ListedPage,
  Listing,
  ListingOptions,
  ListOperation,
  ListOptions,
  OptionParameters,
  PagesExtras,
} from "./paginator";
