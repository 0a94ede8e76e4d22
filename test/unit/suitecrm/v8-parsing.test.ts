import { describe, expect, it } from 'vitest';
import { floorToMinute } from '../../../bridge/src/domain/time/local-day.js';
import { BridgeError } from '../../../bridge/src/errors/bridge-error.js';
import { isTokenEndpointAnswer, normaliseApiPath } from '../../../bridge/src/suitecrm/api-path.js';
import { parseLenientJson } from '../../../bridge/src/suitecrm/lenient-json.js';
import { buildQuery, filterPairs } from '../../../bridge/src/suitecrm/query-string.js';
import { RETRY_POLICIES } from '../../../bridge/src/suitecrm/retry-policy.js';
import {
  checkClientConfig,
  type SuiteCrmClientConfig,
} from '../../../bridge/src/suitecrm/suitecrm-config.js';
import { formatFilterDateTime, parseV8DateTime } from '../../../bridge/src/suitecrm/v8-datetime.js';
import { errorFromResponse } from '../../../bridge/src/suitecrm/v8-error.js';

const api = { endpoint: 'api' as const, method: 'GET' as const, path: '/Api/V8/module/Cases?x=1', now: 0 };

describe('parseLenientJson', () => {
  it('parses clean JSON as is', () => {
    expect(parseLenientJson('{"a":[1,{"b":"}"}]}')).toEqual({
      value: { a: [1, { b: '}' }] },
      leading: '',
      trailing: '',
    });
  });
  it('finds the JSON before trailing text, and after PHP notices', () => {
    expect(
      parseLenientJson(
        '{"errors":{"detail":"x \\" }"}}Database failure. Please refer to suitecrm.log for details.',
      ),
    ).toEqual({
      value: { errors: { detail: 'x " }' } },
      leading: '',
      trailing: 'Database failure. Please refer to suitecrm.log for details.',
    });
    expect(parseLenientJson('<b>Deprecated</b>: something in x.php\n{"data":[]}')).toMatchObject({
      value: { data: [] },
      leading: '<b>Deprecated</b>: something in x.php',
    });
  });
  it('gives up on text without a complete JSON value', () => {
    expect(parseLenientJson('')).toBeUndefined();
    expect(parseLenientJson('<html>Bad Gateway</html>')).toBeUndefined();
    expect(parseLenientJson('{"data":[{"type":"Case","id":"1"')).toBeUndefined();
  });
});

describe('errorFromResponse', () => {
  const response = (status: number, body: string, headers: Record<string, string> = {}) => ({
    status,
    body,
    headers,
  });

  it('reads a JSON:API errors array too, should SuiteCRM ever comply', () => {
    const error = errorFromResponse(
      response(
        400,
        '{"errors":[{"status":"400","title":null,"detail":"Cases module with id 1 is not found"}]}',
      ),
      api,
    );
    expect(error.code).toBe('not_found');
  });

  it('reports a redirect instead of following it, without the query', () => {
    const error = errorFromResponse(
      response(301, '', { location: 'https://crm.example.com/Api/V8/module/Cases?secret=1' }),
      api,
    );
    expect(error.code).toBe('invalid_request');
    expect(error.details.reason).toBe('redirect');
    expect(error.message).toContain('https://crm.example.com/Api/V8/module/Cases');
    expect(error.message).not.toContain('secret=1');
  });

  it("quotes a 5xx detail from the API but never the token endpoint's", () => {
    const body = '{"errors":{"status":503,"title":null,"detail":"maintenance"}}';
    expect(errorFromResponse(response(503, body), api).message).toContain('maintenance');
    const token = errorFromResponse(
      response(503, '{"error":"x","message":"The password is invalid: hunter22"}'),
      {
        ...api,
        endpoint: 'token',
        method: 'POST',
      },
    );
    expect(token.code).toBe('unavailable');
    expect(token.message).not.toContain('hunter22');
  });

  it('a token endpoint that is not there (404) is a configuration problem, not bad credentials', () => {
    const error = errorFromResponse(response(404, '<html></html>'), {
      ...api,
      endpoint: 'token',
      method: 'POST',
    });
    expect(error.code).toBe('invalid_request');
    expect(error.details.reason).toBe('route_not_found');
  });

  it('never repeats an OAuth error code that is not a plain identifier', () => {
    const error = errorFromResponse(response(401, '{"error":"invalid_client: hunter22"}'), {
      ...api,
      endpoint: 'token',
      method: 'POST',
    });
    expect(error.code).toBe('auth_failed');
    expect(error.message).not.toContain('hunter22');
  });

  it('a non-JSON 4xx (a proxy page) is invalid_request saying so', () => {
    const error = errorFromResponse(response(403, '<html>Forbidden</html>'), api);
    expect(error).toBeInstanceOf(BridgeError);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('not JSON');
  });
});

describe('query strings', () => {
  it('keeps brackets, colons and commas readable and encodes the rest', () => {
    expect(
      buildQuery([
        ['filter[date_modified][gte]', '2026-11-24 14:03:00'],
        ['filter[name][eq]', 'Smith & Sons'],
        ['filter[name][like]', '%Inc%'],
        ['fields[Accounts]', 'name,date_modified'],
      ]),
    ).toBe(
      '?filter[date_modified][gte]=2026-11-24%2014:03:00&filter[name][eq]=Smith%20%26%20Sons&filter[name][like]=%25Inc%25&fields[Accounts]=name,date_modified',
    );
    expect(buildQuery([])).toBe('');
  });
  it('turns a filter spec into ANDed conditions, operators in a fixed order', () => {
    expect(filterPairs({ date_modified: { lt: 'b', gte: 'a' }, status: { neq: 'Closed' } })).toEqual([
      ['filter[date_modified][gte]', 'a'],
      ['filter[date_modified][lt]', 'b'],
      ['filter[status][neq]', 'Closed'],
    ]);
  });
});

describe('datetimes', () => {
  it('writes filters as UTC "Y-m-d H:i:s" and reads V8 datetimes', () => {
    expect(formatFilterDateTime(Date.parse('2026-11-01T06:30:10Z'))).toBe('2026-11-01 06:30:10');
    expect(parseV8DateTime('2026-11-25T12:57:00+00:00')).toBe(Date.parse('2026-11-25T12:57:00Z'));
    expect(parseV8DateTime('')).toBeUndefined();
    expect(floorToMinute(Date.parse('2026-11-25T12:57:59.999Z'))).toBe(Date.parse('2026-11-25T12:57:00Z'));
  });
});

describe('API path helpers', () => {
  it('normalises paths', () => {
    expect(normaliseApiPath('Api/')).toBe('/Api');
    expect(normaliseApiPath('/legacy/Api')).toBe('/legacy/Api');
    expect(normaliseApiPath('/')).toBe('');
  });
  it('recognises the token endpoint only by its 405', () => {
    expect(isTokenEndpointAnswer({ status: 405, headers: { allow: 'POST' }, body: '' })).toBe(true);
    expect(
      isTokenEndpointAnswer({
        status: 200,
        headers: {},
        body: '{"message":"Method not allowed. Must be one of: POST"}',
      }),
    ).toBe(false);
    expect(isTokenEndpointAnswer({ status: 405, headers: {}, body: 'nope' })).toBe(false);
  });
});

describe('checkClientConfig', () => {
  const valid: SuiteCrmClientConfig = {
    baseUrl: 'https://crm.example.com',
    auth: { grant: 'client_credentials', clientId: 'id', clientSecret: 'very-secret-value' },
    timeoutMs: 30_000,
    retry: RETRY_POLICIES.standard,
    clock: { now: () => 0, sleep: async () => undefined },
  };
  it('accepts a valid configuration', () => {
    expect(() => checkClientConfig(valid)).not.toThrow();
  });
  it('reports every problem at once, without echoing secrets', () => {
    let caught: unknown;
    try {
      checkClientConfig({
        ...valid,
        baseUrl: 'https://admin:very-secret-value@crm.example.com',
        timeoutMs: 0,
        auth: {
          grant: 'password',
          clientId: 'id',
          clientSecret: 'very-secret-value',
          username: '',
          password: 'p4ssw0rd!',
        },
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BridgeError);
    const error = caught as BridgeError;
    expect(error.code).toBe('config_invalid');
    expect(error.message).toContain('baseUrl');
    expect(error.message).toContain('timeoutMs');
    expect(error.message).toContain('auth.username');
    expect(error.message).not.toContain('very-secret-value');
    expect(error.message).not.toContain('p4ssw0rd!');
  });
});
