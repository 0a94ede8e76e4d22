/**
 * The structured facts each error code carries in `details` (shown by `--json`, read by
 * `doctor`, the retry policy and the command-line output). One type per family of codes, so a
 * reader that has checked the code gets named, typed keys instead of a bag it must test with
 * `typeof`. Every key is optional: what is known depends on how far the failing step got, and
 * an error built without details is still a valid one of its code.
 */

/** Several mistakes at once: one per line for people (cli/run-action.ts), joined into the message for logs. */
export interface ListedMistakes {
  heading?: string;
  lines?: string[];
}

/** `config_invalid`: the configuration's problems, or the API path that was looked for and not found. */
export interface ConfigDetails extends ListedMistakes {
  /** The same problems as `lines`, for a caller that adds its own (config/startup-config.ts). */
  problems?: string[];
  policyFile?: string;
  reason?: 'api_path_not_found';
  tried?: string[];
}

/** `policy_invalid`: each mistake with its place in the file. */
export interface PolicyDetails extends ListedMistakes {
  issues?: Array<{ path: string; message: string }>;
}

/** `calendar_invalid`: zod's issues, path as zod gives it. */
export interface CalendarDetails {
  issues?: Array<{ path: PropertyKey[]; message: string }>;
}

/** Why SuiteCRM refused or failed, finer than the code; stable strings for `doctor` and tests. */
export type RefusalReason =
  | 'record_not_found'
  | 'module_unknown'
  | 'not_allowed'
  | 'client_without_user'
  | 'duplicate_id'
  | 'database_failure'
  | 'route_not_found'
  | 'method_not_allowed'
  | 'redirect'
  | 'token_rejected'
  | 'credentials_rejected'
  | 'rejected'
  | 'server_error'
  | 'rate_limited'
  | 'timeout';

/** What the client saw of a bad answer (as opposed to a refusal). */
export type BadAnswerReason = 'attributes_rejected' | 'window_violated' | 'keyset_ignored';

/**
 * One failed exchange with SuiteCRM (the `suitecrm/` client): the request, then whatever
 * stage it reached: no answer (`network`), an answer with a status (`status`, `reason`), or a
 * body the client could not use (`truncated`, a record's `module` and `id`).
 */
export interface SuiteCrmDetails {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path and query, never the origin or credentials. */
  path?: string;
  status?: number;
  reason?: RefusalReason | BadAnswerReason;
  /** Node's or axios's error code, or `deadline` when our own timer fired. */
  network?: string;
  tls?: true;
  /** The connection failed before the request was written: safe to retry even when not idempotent. */
  notSent?: true;
  retryAfterMs?: number;
  /** A fixed OAuth error code of the token endpoint, never its free text (it may echo the password). */
  oauthError?: string;
  /** Text SuiteCRM printed after the JSON (a PHP notice, "Database failure ..."). */
  trailingText?: string;
  /** A 2xx body that is not JSON at all, as when it is cut short. */
  truncated?: true;
  bodyLength?: number;
  module?: string;
  id?: string;
  /** Attempts the retry loop made before it gave up (suitecrm/retry.ts); set once. */
  attempts?: number;
}

export interface StoreUnavailableDetails {
  /** The database driver's error code (`SQLITE_BUSY`, `ER_ACCESS_DENIED_ERROR`, ...). */
  driverCode?: string;
}

/** `store_conflict`: the writer lease that was lost or is held by another process. */
export interface LeaseConflictDetails {
  lease?: string;
  token?: number;
  msLeft?: number;
  currentToken?: number | null;
}

export interface InternalDetails {
  field?: string;
}

/** A code that carries no details. */
export type NoDetails = Readonly<Record<string, never>>;

export const SUITECRM_CODES = [
  'auth_failed',
  'not_found',
  'invalid_request',
  'rate_limited',
  'unavailable',
  'timeout',
  'bad_response',
] as const;

export type SuiteCrmCode = (typeof SUITECRM_CODES)[number];

/** Each code's details must accept none: an error may be built without them. */
type AllOptional<T extends { [K in keyof T]: NoDetails extends T[K] ? unknown : never }> = T;

/** Indexed by every ErrorCode (errors/bridge-error.ts): a code without an entry does not compile. */
export type DetailsByCode = AllOptional<
  {
    usage: ListedMistakes;
    config_invalid: ConfigDetails;
    calendar_invalid: CalendarDetails;
    policy_invalid: PolicyDetails;
    input_invalid: NoDetails;
    holidays_unknown_year: NoDetails;
    store_unavailable: StoreUnavailableDetails;
    store_conflict: LeaseConflictDetails;
    not_computed: NoDetails;
    check_failed: NoDetails;
    internal: InternalDetails;
  } & Record<SuiteCrmCode, SuiteCrmDetails>
>;
