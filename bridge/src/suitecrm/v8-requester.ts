import type { z } from 'zod';
import { BridgeError } from '../errors/bridge-error.js';
import { formatIssues } from '../errors/zod-issues.js';
import type { ApiLocation } from './api-path.js';
import { describeUrl, type HttpMethod, type HttpResponse } from './http-transport.js';
import { parseLenientJson } from './lenient-json.js';
import { buildQuery, type QueryPairs } from './query-string.js';
import type { TokenProvider } from './token-provider.js';
import type { V8Connection } from './v8-connection.js';
import { errorFromResponse } from './v8-error.js';

/**
 * One V8 API call: URL, bearer token, the retry loop, one re-authentication on a 401, the
 * status check, and the body through zod. Everything the facade sends goes through here.
 */
const JSON_API = 'application/vnd.api+json';

export interface CallSpec<S> {
  method: HttpMethod;
  /** Under the API path, e.g. `/V8/module/Cases`. */
  path: string;
  query?: QueryPairs;
  body?: unknown;
  ok: readonly number[];
  schema: z.ZodType<S>;
  idempotent: boolean;
  /** Re-authenticate once on a 401 (all calls but logout). */
  reauthenticate?: boolean;
}

export interface CallResult<S> {
  value: S;
  response: HttpResponse;
  /** SuiteCRM's clock as last seen before the answered request was sent (see V8Connection.serverTime). */
  serverTimeBefore: number | undefined;
}

export class V8Requester {
  constructor(
    private readonly connection: V8Connection,
    private readonly location: ApiLocation,
    private readonly tokens: TokenProvider,
  ) {}

  async call<S>(spec: CallSpec<S>): Promise<CallResult<S>> {
    const url = `${await this.location.root()}${spec.path}${buildQuery(spec.query ?? [])}`;
    const path = describeUrl(url);
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    let reauthenticated = spec.reauthenticate === false;
    return this.connection.retrying(`${spec.method} ${path}`, spec.idempotent, async () => {
      for (;;) {
        const token = await this.tokens.accessToken();
        const serverTimeBefore = this.connection.serverTime;
        const response = await this.connection.exchange({
          method: spec.method,
          url,
          headers: {
            // The scheme is case-sensitive in SuiteCRM: "bearer" is rejected (capture 134).
            Authorization: `Bearer ${token}`,
            Accept: JSON_API,
            ...(body === undefined ? {} : { 'Content-Type': JSON_API }),
          },
          ...(body === undefined ? {} : { body }),
        });
        if (response.status === 401 && !reauthenticated) {
          // Expired early, revoked, or the server's keys changed: one new token, one more try.
          reauthenticated = true;
          this.tokens.invalidate(token);
          this.connection.log.info('access token rejected; signing in again', { path: pathOnly(path) });
          continue;
        }
        if (!spec.ok.includes(response.status)) {
          throw errorFromResponse(response, {
            endpoint: 'api',
            method: spec.method,
            path,
            now: this.connection.clock.now(),
          });
        }
        return { value: this.parseBody(response, spec, path), response, serverTimeBefore };
      }
    });
  }

  private parseBody<S>(response: HttpResponse, spec: CallSpec<S>, path: string): S {
    const where = `${spec.method} ${pathOnly(path)}`;
    const json = parseLenientJson(response.body);
    if (json === undefined) {
      throw new BridgeError(
        'bad_response',
        `SuiteCRM answered ${response.status} to ${where} with a body that is not JSON`,
        {
          details: {
            status: response.status,
            method: spec.method,
            path,
            truncated: true,
            bodyLength: response.body.length,
          },
        },
      );
    }
    if (json.leading !== '' || json.trailing !== '') {
      // PHP notices or a "Database failure" line around the JSON: usable, but worth knowing.
      this.connection.log.warn('SuiteCRM printed text around a JSON answer', {
        request: where,
        leadingChars: json.leading.length,
        trailingChars: json.trailing.length,
      });
    }
    const parsed = spec.schema.safeParse(json.value);
    if (!parsed.success) {
      throw new BridgeError(
        'bad_response',
        `SuiteCRM answered ${response.status} to ${where} with an unexpected shape: ${formatIssues(parsed.error.issues, 'body')}`,
        { details: { status: response.status, method: spec.method, path } },
      );
    }
    return parsed.data;
  }
}

function pathOnly(path: string): string {
  const query = path.indexOf('?');
  return query < 0 ? path : path.slice(0, query);
}
