/** The SuiteCRM V8 API client: the only HTTP code of the bridge. */
export { API_PATH_CANDIDATES, normaliseApiPath } from './api-path.js';
export type { FilterOperator, FilterSpec } from './query-string.js';
export {
  backoffDelay,
  classify,
  parseRetryAfter,
  RETRY_POLICIES,
  type RetryDecision,
  type RetryPolicyName,
} from './retry-policy.js';
export { createSuiteCrmClient } from './suitecrm-client.js';
export type {
  ChangedBatch,
  ChangedOptions,
  CurrentUser,
  ListOptions,
  ModuleAccess,
  ReadOptions,
  RelatedOptions,
  SuiteCrmClient,
} from './suitecrm-client.types.js';
export {
  type Clock,
  DEFAULT_CONCURRENCY,
  DEFAULT_PAGE_SIZE,
  type RetrySettings,
  type SuiteCrmAuth,
  type SuiteCrmClientConfig,
  systemClock,
} from './suitecrm-config.js';
export { isUnreachable } from './unreachable.js';
export { formatFilterDateTime, parseV8DateTime } from './v8-datetime.js';
export type { RefusalReason } from './v8-error.js';
export {
  type AttributeParser,
  type RawAttributes,
  type RecordRef,
  rawAttributes,
  type V8Record,
  type WritableAttributes,
  type WritableValue,
} from './v8-record.js';
export type { FieldDefinition } from './v8-response.schemas.js';
