import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandIn, startStandIn } from '../../bridge/src/standin/index.js';
import { type RawResponse, rawRequest } from '../support/raw-http.js';

/**
 * The stand-in's SuiteCRM 8.8.0 mode. Modelled on SuiteCRM-Core:
 * - public/legacy/Api is 7.14.6's Api (the diff is a vendor include path and import order), so
 *   the OAuth and JSON:API answers under /legacy/Api are 7.14.6's;
 * - core/backend/Routes/EventListener/LegacyRedirectListener.php with
 *   Service/LegacyApiRedirectHandler.php and config/services/legacy/api_paths.yaml: a request
 *   under /Api gets a 307 to /legacy/Api/index.php/..., query kept.
 */
const NOW = '2026-11-25T12:00:00Z';
const TOKEN_BODY = JSON.stringify({
  grant_type: 'client_credentials',
  client_id: '3f1c2a8e-7b64-4c1d-9a55-cc0000000001',
  client_secret: 'lab-cc-secret-0001',
});
const JSON_HEADERS = { 'Content-Type': 'application/json' };

let seven: StandIn;
let eight: StandIn;
beforeAll(async () => {
  seven = await startStandIn({ now: NOW, scale: { accounts: 2 }, seed: 4 });
  eight = await startStandIn({ now: NOW, scale: { accounts: 2 }, seed: 4, suitecrm: 8 });
});
afterAll(async () => {
  await seven?.close();
  await eight?.close();
});

async function token(standIn: StandIn, path: string): Promise<string> {
  const answer = await rawRequest(standIn.url, {
    method: 'POST',
    path,
    headers: JSON_HEADERS,
    body: TOKEN_BODY,
  });
  expect(answer.status, path).toBe(200);
  return (JSON.parse(answer.body) as { access_token: string }).access_token;
}

const get = (standIn: StandIn, path: string, bearer?: string): Promise<RawResponse> =>
  rawRequest(standIn.url, {
    method: 'GET',
    path,
    headers:
      bearer === undefined ? {} : { Authorization: `Bearer ${bearer}`, Accept: 'application/vnd.api+json' },
  });

/** An answer without what differs between two runs: the Date header and token-dependent values. */
const shape = (answer: RawResponse) => {
  const { date: _date, ...headers } = answer.headers;
  return { status: answer.status, headers, body: answer.body };
};

describe('the stand-in as SuiteCRM 8.8.0', () => {
  it('says where its API is', () => {
    expect([eight.suitecrm, eight.apiPath, eight.apiUrl]).toEqual([
      8,
      '/legacy/Api',
      `${eight.url}/legacy/Api`,
    ]);
    expect([seven.suitecrm, seven.apiPath]).toEqual([7, '/Api']);
  });

  it('answers under /legacy/Api (and /legacy/Api/index.php) exactly as 7.14 answers under /Api', async () => {
    const bearer7 = await token(seven, '/Api/access_token');
    const bearer8 = await token(eight, '/legacy/Api/access_token');
    for (const path of [
      '/V8/current-user',
      '/V8/module/Accounts?page[size]=1&fields[Accounts]=name',
      '/V8/module/Nope',
    ]) {
      const on7 = shape(await get(seven, `/Api${path}`, bearer7));
      expect(shape(await get(eight, `/legacy/Api${path}`, bearer8)), path).toEqual(on7);
      expect(shape(await get(eight, `/legacy/Api/index.php${path}`, bearer8)), path).toEqual(on7);
    }
    const refused = await get(eight, '/legacy/Api/V8/current-user', 'not.a.token');
    expect(shape(refused)).toEqual(shape(await get(seven, '/Api/V8/current-user', 'not.a.token')));
    expect(refused.status).toBe(401);
  });

  it('redirects the 7.x paths with a 307 to /legacy/Api/index.php, query kept', async () => {
    const cases: Array<[string, string]> = [
      ['/Api/access_token', '/legacy/Api/index.php/access_token'],
      ['/Api/V8/module/Cases?page[size]=1', '/legacy/Api/index.php/V8/module/Cases?page[size]=1'],
      ['/Api/', '/legacy/Api/index.php/'],
    ];
    for (const [path, location] of cases) {
      const answer = await get(eight, path);
      expect(answer.status, path).toBe(307);
      expect(answer.headers.location, path).toBe(location);
      expect(answer.headers['content-type']).toBe('text/html; charset=UTF-8');
      expect(answer.body).toContain(`Redirecting to <a href="${location.replace(/&/g, '&amp;')}">`);
    }
    const posted = await rawRequest(eight.url, {
      method: 'POST',
      path: '/Api/access_token',
      headers: JSON_HEADERS,
      body: TOKEN_BODY,
    });
    expect([posted.status, posted.headers.location]).toEqual([307, '/legacy/Api/index.php/access_token']);
    // Following it works: the redirect's target is the API.
    expect(await token(eight, posted.headers.location as string)).toMatch(/^ey/);
  });

  it('7.14 has no /legacy/Api and no redirect', async () => {
    for (const path of ['/legacy/Api/access_token', '/Apix']) {
      const answer = await get(seven, path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers.location).toBeUndefined();
    }
    expect((await get(eight, '/elsewhere')).status).toBe(404);
  });
});
