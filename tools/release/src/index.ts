export { ReleaseError } from "./release-error";
export {
  describeChanges,
  versionBumpFor,
  type ChangeLevel,
  type SpecChange,
  type VersionBump,
} from "./spec-change";
export { diffSpecs, type SpecVersions } from "./spec-diff";
export { compareSchemas, type SchemaDirection } from "./schema-diff";
export { dereferenceSpec, parseSpec, type OpenApiDocument } from "./spec-loading";
export {
  readPendingChangesets,
  writeSpecChangeset,
  type PendingChangeset,
} from "./changeset-files";
export { findReleaseBase, newestReleaseTag, type ReleaseBase } from "./git";
export {
  changesetSummary,
  findUncoveredPackages,
  reviewSpecs,
  runSpecChangeset,
  type SpecReview,
} from "./spec-changeset";
export {
  listPublishedPackages,
  readVendorRegistry,
  type PublishedPackage,
  type VendorEntry,
} from "./workspace";
