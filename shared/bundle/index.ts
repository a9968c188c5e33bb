/**
 * Readiness Studio bundles (.rsb): the file a device exports and the lead imports.
 * Format: docs/bundle-format.md; JSON Schema: docs/bundle.schema.json.
 */
export { encodeBundle, BundleEncodeError } from './codec';
export type { DecodeFailure, DecodeOk, DecodeOptions, DecodeResult, DecodeStage, EncodeOptions, ManifestInfo } from './codec';
export { decodeBundle, decodeBundleSource } from './read';
export { CONTAINER_LIMITS, decodeContainer, encodeContainer, encodeContainerBytes, isZip } from './container';
export type { ContainerDecodeOptions, ContainerEncodeOptions, FileProvider } from './container';
export { blobFile, blobSource, memoryFile, memorySource, readAllBytes } from './source';
export type { BlobLike, ByteSource, FileBytes } from './source';
export { BUNDLE_ERROR_CODES, BUNDLE_WARNING_CODES } from './errors';
export type { BundleError, BundleErrorCode, BundleWarning, BundleWarningCode } from './errors';
export { BUNDLE_MESSAGES, bundleErrorMessage, bundleWarningMessage } from './messages';
export {
  BUNDLE_EXTENSION,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BUNDLE_KINDS,
  BUNDLE_MIME,
  BundleFileSchema,
  DatasetSchema,
  KDF_MAX_ITERATIONS,
  KDF_MIN_ITERATIONS,
  LIMITS,
  ManifestSchema,
} from './schema';
export type { BundleKind, BundleManifest } from './schema';
