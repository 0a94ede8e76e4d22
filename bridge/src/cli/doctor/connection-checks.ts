import type { SuiteCrmSettings } from '../../config/env-config.js';
import { type BridgeError, hasCode, isBridgeError, isSuiteCrmError } from '../../errors/bridge-error.js';
import { type CurrentUser, normaliseApiPath, type SuiteCrmClient } from '../../suitecrm/index.js';
import { durationText } from '../instant-text.js';
import { type CheckResult, fail, pass, warn } from './check.js';
import { safeUrl } from './local-checks.js';
import { identifySuiteCrm, identityText, oauthKeyFolder } from './suitecrm-identity.js';

/**
 * The checks that talk to SuiteCRM about the connection itself: is it there (and where is its
 * API), does it give us a token that works, is the API user's time zone UTC, and do the two
 * clocks agree.
 */

export interface ConnectionOutcome {
  suitecrm: CheckResult;
  token: CheckResult | undefined;
  user: CurrentUser | undefined;
}

const NETWORK_CODES = new Set(['unavailable', 'timeout']);
const WHERE_REASONS = new Set(['route_not_found', 'method_not_allowed', 'redirect', 'api_path_not_found']);

/** SuiteCRM's refusal reason, or the API path search's (a `config_invalid` of the client). */
function reasonOf(error: BridgeError): string | undefined {
  if (isSuiteCrmError(error)) return error.details.reason;
  return hasCode(error, 'config_invalid') ? error.details.reason : undefined;
}

/** True when the error says SuiteCRM's API was not reached at all (network, wrong URL or path). */
function notReached(error: BridgeError): boolean {
  if (NETWORK_CODES.has(error.code)) return true;
  const reason = reasonOf(error);
  return reason !== undefined && WHERE_REASONS.has(reason);
}

/**
 * One call, `GET /V8/current-user`, answers the first two questions: it finds the API (or uses
 * the configured path), signs in, and uses the token.
 */
export async function connectionChecks(
  client: SuiteCrmClient,
  settings: SuiteCrmSettings,
): Promise<ConnectionOutcome> {
  const url = safeUrl(settings.baseUrl);
  const pathOrigin = settings.apiPath === undefined ? 'detected' : 'configured';
  const grant = settings.auth.grant === 'password' ? 'password' : 'client_credentials';
  let apiPath: string | undefined;
  try {
    apiPath = await client.apiPath();
    const user = await client.currentUser();
    const identity = identifySuiteCrm(apiPath);
    return {
      suitecrm: pass(
        'suitecrm',
        `SuiteCRM answered at ${url}, API path ${apiPath} (${pathOrigin}): ${identityText(identity)}`,
        {
          url,
          apiPath,
          apiPathOrigin: pathOrigin,
          suitecrmMajor: identity.major,
          suitecrmVersion: identity.version,
        },
      ),
      token: pass(
        'token',
        `token obtained (${grant} grant); the API user is ${user.userName} (id ${user.id})`,
        { grant, userId: user.id, userName: user.userName },
      ),
      user,
    };
  } catch (error) {
    if (!isBridgeError(error)) throw error;
    if (notReached(error)) {
      return { suitecrm: unreachable(error, url, settings), token: undefined, user: undefined };
    }
    const identity = apiPath === undefined ? undefined : identifySuiteCrm(apiPath);
    const suitecrm = pass(
      'suitecrm',
      `SuiteCRM answered at ${url}${identity === undefined ? '' : `, API path ${apiPath} (${pathOrigin}): ${identityText(identity)}`}`,
      {
        url,
        apiPath: apiPath ?? null,
        apiPathOrigin: pathOrigin,
        suitecrmMajor: identity?.major ?? null,
        suitecrmVersion: identity?.version ?? null,
      },
    );
    return { suitecrm, token: tokenFailure(error, grant, identity?.major ?? null), user: undefined };
  }
}

function unreachable(error: BridgeError, url: string, settings: SuiteCrmSettings): CheckResult {
  const reason = reasonOf(error);
  const details = { url, code: error.code, reason: reason ?? null };
  if (reason === 'api_path_not_found') {
    return fail(
      'suitecrm',
      error.message,
      'set SUITECRM_URL to the address people open SuiteCRM at (without /Api), or set SUITECRM_API_PATH (/Api on SuiteCRM 7, /legacy/Api on SuiteCRM 8)',
      details,
    );
  }
  if (
    reason === 'redirect' &&
    settings.apiPath !== undefined &&
    normaliseApiPath(settings.apiPath) === '/Api'
  ) {
    // SuiteCRM 8's front controller redirects /Api to /legacy/Api/index.php.
    return fail(
      'suitecrm',
      error.message,
      'SuiteCRM 8 serves the API under /legacy/Api and redirects /Api there: set SUITECRM_API_PATH=/legacy/Api, or leave it unset to detect it',
      details,
    );
  }
  if (reason === 'route_not_found' || reason === 'method_not_allowed' || reason === 'redirect') {
    const path =
      settings.apiPath === undefined
        ? 'check SUITECRM_URL'
        : `check SUITECRM_API_PATH (${settings.apiPath}): /Api on SuiteCRM 7, /legacy/Api on SuiteCRM 8, or leave it unset to detect it`;
    return fail(
      'suitecrm',
      error.message,
      `${path}; a redirect usually means http:// where SuiteCRM wants https://`,
      details,
    );
  }
  return fail(
    'suitecrm',
    `SuiteCRM is unreachable at ${url}: ${error.message}`,
    'check SUITECRM_URL, that SuiteCRM is running and that this host can reach it (firewall, proxy; for a private CA, SUITECRM_CA_FILE)',
    details,
  );
}

const CLIENTS_SCREEN = 'in SuiteCRM, Admin → OAuth2 Clients and Tokens';

function tokenFailure(error: BridgeError, grant: string, major: 7 | 8 | null): CheckResult {
  const reason = reasonOf(error) ?? null;
  const details = { code: error.code, reason, grant };
  if (reason === 'client_without_user') {
    return fail(
      'token',
      'SuiteCRM issued a token, but its OAuth2 client has no assigned user, so every call fails',
      `${CLIENTS_SCREEN}: open the client and set "Assigned to" to the bridge's API user (time zone UTC)`,
      details,
    );
  }
  if (reason === 'token_rejected') {
    return fail(
      'token',
      `SuiteCRM issued a token and then rejected it: ${error.message}`,
      `check that SuiteCRM's OAuth2 keys (${oauthKeyFolder(major)}/private.key and public.key) exist, match, and are readable by the web server (permissions 600 or 660, owned by it)`,
      details,
    );
  }
  if (error.code === 'auth_failed') {
    const who =
      grant === 'password'
        ? 'that the client\'s grant type is "Password" and that SUITECRM_USERNAME / SUITECRM_PASSWORD are a SuiteCRM user\'s'
        : 'that the client\'s grant type is "Client Credentials" and that it has an assigned user ("Assigned to")';
    return fail(
      'token',
      refusal(error),
      `${CLIENTS_SCREEN}: check that SUITECRM_CLIENT_ID is the client's id and SUITECRM_CLIENT_SECRET its secret (a secret can only be re-entered, not read back), ${who}`,
      details,
    );
  }
  return fail(
    'token',
    error.message,
    'see the message; `LOG_LEVEL=debug sla-bridge doctor` shows each request',
    details,
  );
}

/** The token endpoint's refusal without the client's generic advice (doctor gives its own fix). */
function refusal(error: BridgeError): string {
  if (!isSuiteCrmError(error) || error.details.reason !== 'credentials_rejected') return error.message;
  const status = error.details.status;
  if (status === 500) {
    return 'SuiteCRM refused the credentials (HTTP 500: a wrong password, an unknown user or an unknown client id)';
  }
  const oauth = error.details.oauthError === undefined ? '' : `, ${error.details.oauthError}`;
  return `SuiteCRM refused the credentials (HTTP ${String(status)}${oauth})`;
}

/** Zone names that are UTC all year: no repeated autumn hour. */
const UTC_ZONES = new Set([
  'UTC',
  'Etc/UTC',
  'Etc/UCT',
  'UCT',
  'Etc/Universal',
  'Universal',
  'Etc/Zulu',
  'Zulu',
]);

export async function timeZoneCheck(client: SuiteCrmClient, user: CurrentUser): Promise<CheckResult> {
  const fix = `in SuiteCRM, Admin → User Management → ${user.userName} → Advanced → Time Zone: UTC (or assign the OAuth2 client to a user whose time zone is UTC)`;
  let zone: string | undefined;
  try {
    zone = await client.userTimeZone(user.id);
  } catch (error) {
    if (!isBridgeError(error)) throw error;
    return fail('timezone', `cannot read the API user's preferences: ${error.message}`, fix, {
      userId: user.id,
    });
  }
  const details = { userId: user.id, userName: user.userName, timeZone: zone ?? null };
  if (zone !== undefined && UTC_ZONES.has(zone)) {
    return pass('timezone', `the API user ${user.userName} has time zone ${zone}`, details);
  }
  const what =
    zone === undefined
      ? `the API user ${user.userName} has no time zone set`
      : `the API user ${user.userName} has time zone ${zone}, not UTC`;
  return fail(
    'timezone',
    `${what}: SuiteCRM would return instants in the repeated autumn hour one hour early`,
    fix,
    details,
  );
}

/** Over this, a warning; over the failure limit, a failure. */
export const SKEW_WARN_MS = 30_000;
export const SKEW_FAIL_MS = 5 * 60_000;

/**
 * SuiteCRM's clock from the `Date` header of one answer (whole seconds, so ±0.5 s), against
 * this host's clock at the middle of the request.
 */
export async function clockCheck(client: SuiteCrmClient, now: () => number): Promise<CheckResult> {
  const sent = now();
  try {
    await client.currentUser();
  } catch (error) {
    if (!isBridgeError(error)) throw error;
    return fail('clock', `cannot ask SuiteCRM the time: ${error.message}`, 'see the message');
  }
  const received = now();
  const server = client.lastServerTime();
  if (server === undefined) {
    return warn(
      'clock',
      "SuiteCRM's answers carry no Date header, so the clocks cannot be compared",
      'make sure both hosts keep time with NTP',
    );
  }
  const skewMs = Math.round(server + 500 - (sent + received) / 2);
  const uncertaintyMs = Math.round(500 + (received - sent) / 2);
  const details = { skewMs, uncertaintyMs };
  const size = Math.abs(skewMs);
  const direction = skewMs > 0 ? 'ahead of' : 'behind';
  const what = `SuiteCRM's clock is ${seconds(size)} ${direction} this host's (±${seconds(uncertaintyMs)})`;
  const fix =
    "synchronise both hosts' clocks with NTP (e.g. `timedatectl set-ntp true`): SuiteCRM stamps edits with its clock, the bridge computes deadlines and statuses with this one";
  if (size > SKEW_FAIL_MS)
    return fail('clock', `${what}, more than ${durationText(SKEW_FAIL_MS)}`, fix, details);
  if (size > SKEW_WARN_MS)
    return warn('clock', `${what}, more than ${durationText(SKEW_WARN_MS)}`, fix, details);
  return pass(
    'clock',
    `SuiteCRM's clock agrees with this host's (difference under ${durationText(SKEW_WARN_MS)})`,
    details,
  );
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}
