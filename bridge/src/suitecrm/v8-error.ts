import { BridgeError } from '../errors/bridge-error.js';
import type { RefusalReason, SuiteCrmCode } from '../errors/error-details.js';
import type { HttpMethod, HttpResponse } from './http-transport.js';
import { parseLenientJson } from './lenient-json.js';
import { parseRetryAfter } from './retry-policy.js';
import { oauthErrorSchema, slimErrorSchema, v8ErrorSchema } from './v8-response.schemas.js';

/**
 * Turns a SuiteCRM answer that is not the expected success into one BridgeError with a stable
 * code. SuiteCRM answers almost everything with 400 (fixtures README item 11), so the code
 * comes from the detail text where the status says too little.
 *
 * The token endpoint's bodies are never quoted: for a wrong password SuiteCRM answers 500
 * "The password is invalid: <the password>" (item 6).
 */
export type Endpoint = 'token' | 'api';

export interface ResponseContext {
  endpoint: Endpoint;
  method: HttpMethod;
  /** Path and query, for details. */
  path: string;
  now: number;
}

export type { RefusalReason };

const DETAIL_MAX = 300;

interface Rule {
  pattern: RegExp;
  code: SuiteCrmCode;
  reason: RefusalReason;
  explain?: string;
}

/** Matched against the V8 `detail` text, first match wins. */
const DETAIL_RULES: readonly Rule[] = [
  // "Cases module with id X is not found" (GET, PATCH, DELETE of an unknown or deleted id).
  { pattern: /^\S+ module with id \S* ?is not found$/, code: 'not_found', reason: 'record_not_found' },
  // "Module X does not exist", and on DELETE "Module with name X is not found": not a record.
  {
    pattern: /^Module (\S+ does not exist|with name \S+ is not found)$/,
    code: 'invalid_request',
    reason: 'module_unknown',
  },
  {
    pattern: /^Module id is empty when trying to get Users$/,
    code: 'auth_failed',
    reason: 'client_without_user',
    explain:
      'the OAuth2 client has no assigned user (Admin → OAuth2 Clients and Tokens: set "Assigned to" on the client)',
  },
  { pattern: /\[Not Allowed\]/, code: 'invalid_request', reason: 'not_allowed' },
  { pattern: /is already exist$/, code: 'invalid_request', reason: 'duplicate_id' },
  { pattern: /^Database failure/, code: 'invalid_request', reason: 'database_failure' },
];

export function errorFromResponse(
  response: HttpResponse,
  context: ResponseContext,
): BridgeError<SuiteCrmCode> {
  return context.endpoint === 'token' ? tokenEndpointError(response, context) : apiError(response, context);
}

function tokenEndpointError(response: HttpResponse, context: ResponseContext): BridgeError<SuiteCrmCode> {
  const { status } = response;
  const transient = transientError(response, context, undefined);
  if (transient) return transient;
  const base = { status, method: context.method, path: context.path };
  if (status === 404 || status === 405) {
    return new BridgeError(
      'invalid_request',
      `SuiteCRM's token endpoint is not at ${context.path} (HTTP ${status}): check the base URL and API path`,
      { details: { ...base, reason: status === 404 ? 'route_not_found' : 'method_not_allowed' } },
    );
  }
  if (status >= 300 && status < 400) return redirectError(response, context);
  // 500 is SuiteCRM's answer to a wrong password, an unknown user or an unknown client id.
  // Its body may hold the password: only a fixed OAuth error code is ever repeated.
  const oauth = oauthErrorSchema.safeParse(parseLenientJson(response.body)?.value);
  const oauthCode = oauth.success && /^[a-z_]{1,40}$/.test(oauth.data.error) ? oauth.data.error : undefined;
  const what =
    status === 500
      ? 'SuiteCRM refused the credentials (HTTP 500: wrong password, unknown user or unknown client id; the answer is not shown because SuiteCRM echoes the password in it)'
      : `SuiteCRM refused the credentials (HTTP ${status}${oauthCode ? `, ${oauthCode}` : ''})`;
  return new BridgeError(
    'auth_failed',
    `${what}: check the OAuth2 client id and secret, its grant type, and the user`,
    {
      details: { ...base, reason: 'credentials_rejected', ...(oauthCode ? { oauthError: oauthCode } : {}) },
    },
  );
}

function apiError(response: HttpResponse, context: ResponseContext): BridgeError<SuiteCrmCode> {
  const { status } = response;
  const parsed = parseLenientJson(response.body);
  const detail = detailText(parsed?.value);
  const transient = transientError(response, context, detail);
  if (transient) return transient;
  if (status >= 300 && status < 400) return redirectError(response, context);
  const base = {
    status,
    method: context.method,
    path: context.path,
    ...(parsed && parsed.trailing !== '' ? { trailingText: truncate(parsed.trailing) } : {}),
  };
  const where = `${context.method} ${pathOnly(context.path)}`;
  if (status === 401) {
    const oauth = oauthErrorSchema.safeParse(parsed?.value);
    const hint = oauth.success ? (oauth.data.hint ?? oauth.data.error_description) : undefined;
    return new BridgeError(
      'auth_failed',
      `SuiteCRM rejected the access token for ${where}${hint ? `: ${truncate(hint)}` : ''}`,
      { details: { ...base, reason: 'token_rejected' } },
    );
  }
  if (detail !== undefined) {
    const rule = DETAIL_RULES.find((candidate) => candidate.pattern.test(detail));
    if (rule) {
      return new BridgeError(
        rule.code,
        `SuiteCRM answered ${status} to ${where}: ${detail}${rule.explain ? ` (${rule.explain})` : ''}`,
        { details: { ...base, reason: rule.reason } },
      );
    }
  }
  const reason: RefusalReason =
    status === 404 ? 'route_not_found' : status === 405 ? 'method_not_allowed' : 'rejected';
  return new BridgeError(
    'invalid_request',
    `SuiteCRM answered ${status} to ${where}: ${detail ?? (parsed ? 'no error detail' : 'a body that is not JSON')}`,
    { details: { ...base, reason } },
  );
}

/** 408, 429 and 5xx: worth another attempt. */
function transientError(
  response: HttpResponse,
  context: ResponseContext,
  detail: string | undefined,
): BridgeError<SuiteCrmCode> | undefined {
  const { status } = response;
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], context.now);
  const details = {
    status,
    method: context.method,
    path: context.path,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
  const where = `${context.method} ${pathOnly(context.path)}`;
  // The detail text of a 5xx is quoted only for the API: the token endpoint's may hold a password.
  const said = detail !== undefined && context.endpoint === 'api' ? `: ${detail}` : '';
  if (status === 408) {
    return new BridgeError('timeout', `SuiteCRM answered 408 to ${where}`, {
      details: { ...details, reason: 'timeout' },
    });
  }
  if (status === 429) {
    return new BridgeError('rate_limited', `SuiteCRM (or a proxy) answered 429 to ${where}`, {
      details: { ...details, reason: 'rate_limited' },
    });
  }
  if (status >= 500 && !(status === 500 && context.endpoint === 'token')) {
    return new BridgeError('unavailable', `SuiteCRM answered ${status} to ${where}${said}`, {
      details: { ...details, reason: 'server_error' },
    });
  }
  return undefined;
}

function redirectError(response: HttpResponse, context: ResponseContext): BridgeError<SuiteCrmCode> {
  const location = response.headers.location;
  return new BridgeError(
    'invalid_request',
    `SuiteCRM redirected ${context.method} ${pathOnly(context.path)}${location ? ` to ${describeLocation(location)}` : ''}: set the base URL to where the API answers (redirects are not followed, they would resend credentials)`,
    { details: { status: response.status, method: context.method, path: context.path, reason: 'redirect' } },
  );
}

/** The V8 `detail`, or Slim's `message`, or an OAuth description; undefined when the body has none. */
function detailText(value: unknown): string | undefined {
  const v8 = v8ErrorSchema.safeParse(value);
  if (v8.success) {
    const first = Array.isArray(v8.data.errors) ? v8.data.errors[0] : v8.data.errors;
    const text = first?.detail ?? first?.title ?? undefined;
    if (typeof text === 'string' && text !== '') return truncate(text);
  }
  const oauth = oauthErrorSchema.safeParse(value);
  if (oauth.success) return truncate(oauth.data.hint ?? oauth.data.error_description ?? oauth.data.error);
  const slim = slimErrorSchema.safeParse(value);
  if (slim.success) return truncate(slim.data.message);
  return undefined;
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > DETAIL_MAX ? `${flat.slice(0, DETAIL_MAX)}…` : flat;
}

function pathOnly(path: string): string {
  const query = path.indexOf('?');
  return query < 0 ? path : path.slice(0, query);
}

function describeLocation(location: string): string {
  try {
    const url = new URL(location);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return truncate(location.split('?')[0] ?? '');
  }
}
