import { BridgeError, isBridgeError } from '../errors/bridge-error.js';
import { describeUrl } from './http-transport.js';
import { parseLenientJson } from './lenient-json.js';
import type { SuiteCrmAuth } from './suitecrm-config.js';
import type { V8Connection } from './v8-connection.js';
import { errorFromResponse } from './v8-error.js';
import { type TokenResponse, tokenResponseSchema } from './v8-response.schemas.js';

/**
 * OAuth2 access tokens for one client. A token is reused until about a minute before its
 * `expires_in` runs out (every token request adds a row to SuiteCRM's oauth2tokens table), and
 * renewed with one request however many calls want it at once. The JWT is never decoded: its
 * iat/nbf/exp are floats that strict decoders reject (fixtures README item 2).
 *
 * The password grant also gets a refresh token; renewal tries it first and falls back to the
 * password when SuiteCRM refuses it.
 */
const RENEW_MARGIN_MS = 60_000;

interface CachedToken {
  value: string;
  renewAt: number;
}

export class TokenProvider {
  private access: CachedToken | undefined;
  private refreshToken: string | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly auth: SuiteCrmAuth,
    private readonly connection: V8Connection,
    private readonly tokenUrl: () => Promise<string>,
  ) {}

  /** A usable access token, fetched or renewed when needed. */
  accessToken(): Promise<string> {
    const cached = this.access;
    if (cached && this.connection.clock.now() < cached.renewAt) return Promise.resolve(cached.value);
    this.pending ??= this.obtain().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** The cached token, if any, without fetching one. */
  cachedToken(): string | undefined {
    return this.access?.value;
  }

  /** SuiteCRM rejected `token` (401): the next call gets a new one. A newer token is kept. */
  invalidate(token: string): void {
    if (this.access?.value === token) this.access = undefined;
  }

  /** After logout: nothing cached is valid any more. */
  forget(): void {
    this.access = undefined;
    this.refreshToken = undefined;
  }

  private async obtain(): Promise<string> {
    const { auth } = this;
    if (auth.grant === 'password' && this.refreshToken !== undefined) {
      try {
        return await this.grant({
          grant_type: 'refresh_token',
          client_id: auth.clientId,
          client_secret: auth.clientSecret,
          refresh_token: this.refreshToken,
        });
      } catch (error) {
        if (!isBridgeError(error) || error.code !== 'auth_failed') throw error;
        this.refreshToken = undefined;
        this.connection.log.info('refresh token refused; signing in with the password again');
      }
    }
    return this.grant(
      auth.grant === 'password'
        ? {
            grant_type: 'password',
            client_id: auth.clientId,
            client_secret: auth.clientSecret,
            username: auth.username,
            password: auth.password,
          }
        : { grant_type: 'client_credentials', client_id: auth.clientId, client_secret: auth.clientSecret },
    );
  }

  private async grant(form: Record<string, string>): Promise<string> {
    const url = await this.tokenUrl();
    const path = describeUrl(url);
    const startedAt = this.connection.clock.now();
    const token = await this.connection.retrying(`POST ${path}`, true, async () => {
      const response = await this.connection.exchange({
        method: 'POST',
        url,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        // Form encoding, as RFC 6749 says; SuiteCRM also takes JSON (captures 01, 03).
        body: new URLSearchParams(form).toString(),
      });
      if (response.status !== 200) {
        throw errorFromResponse(response, {
          endpoint: 'token',
          method: 'POST',
          path,
          now: this.connection.clock.now(),
        });
      }
      return parseTokenBody(response.body, path);
    });
    const lifetimeMs = token.expires_in * 1000;
    this.access = {
      value: token.access_token,
      // Measured from when we asked, so a slow answer cannot make us keep a token too long.
      renewAt: startedAt + lifetimeMs - Math.min(RENEW_MARGIN_MS, lifetimeMs / 2),
    };
    if (token.refresh_token !== undefined) this.refreshToken = token.refresh_token;
    this.connection.log.debug('access token obtained', {
      grant: form.grant_type,
      expiresInS: token.expires_in,
    });
    return token.access_token;
  }
}

/** Never quotes the body: it holds the token. */
function parseTokenBody(body: string, path: string): TokenResponse {
  const json = parseLenientJson(body);
  if (json === undefined) {
    throw new BridgeError('bad_response', `SuiteCRM answered POST ${path} with a body that is not JSON`, {
      details: { status: 200, path, truncated: true },
    });
  }
  const parsed = tokenResponseSchema.safeParse(json.value);
  if (!parsed.success) {
    throw new BridgeError(
      'bad_response',
      `SuiteCRM answered POST ${path} with something that is not an OAuth2 token (fields: ${describeKeys(json.value)})`,
      { details: { status: 200, path } },
    );
  }
  return parsed.data;
}

function describeKeys(value: unknown): string {
  return value !== null && typeof value === 'object'
    ? Object.keys(value).slice(0, 10).join(', ') || 'none'
    : typeof value;
}
