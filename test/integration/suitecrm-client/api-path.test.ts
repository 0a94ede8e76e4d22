import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../bridge/src/errors/bridge-error.js';
import { forgetSecretsForTests } from '../../../bridge/src/logging/redact.js';
import { createSuiteCrmClient, rawAttributes } from '../../../bridge/src/suitecrm/index.js';
import { loadCapture } from '../../support/capture-file.js';
import { BASE_URL, captureReply, testConfig } from '../../support/v8-replay.js';

/**
 * SuiteCRM 7 serves the API under /Api, SuiteCRM 8 under /legacy/Api. Without a configured
 * path the client asks `GET {candidate}/access_token`, which SuiteCRM's router answers 405
 * "Must be one of: POST" (capture 14), before any credentials are sent.
 */

const CASE_ID = '5853e09d-f441-f948-70c1-6b06dbf28f3d';
const getNotAllowed = captureReply(loadCapture('14-token-get-method'));
const token = loadCapture('03-token-client_credentials-form');
const caseBody = loadCapture('70-case-get-single').response.body;
const SYMFONY_404 =
  '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>Not Found</body></html>';

function noApiPath() {
  const { apiPath: _, ...config } = testConfig();
  return config;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  forgetSecretsForTests();
});

describe('API path detection', () => {
  it('finds SuiteCRM 7 at /Api (capture 14 is its answer to a GET of the token endpoint)', async () => {
    expect(getNotAllowed.status).toBe(405);
    const probe = nock(BASE_URL)
      .get('/Api/access_token')
      .reply(getNotAllowed.status, getNotAllowed.body, getNotAllowed.headers);
    nock(BASE_URL).post('/Api/access_token').reply(200, token.response.body);
    nock(BASE_URL).get(`/Api/V8/module/Cases/${CASE_ID}`).reply(200, caseBody);
    const client = createSuiteCrmClient(noApiPath());
    await client.getRecord('Cases', CASE_ID, { parse: rawAttributes });
    expect(await client.apiPath()).toBe('/Api');
    expect(probe.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('finds SuiteCRM 8 at /legacy/Api, once for calls that start together', async () => {
    nock(BASE_URL).get('/Api/access_token').reply(404, SYMFONY_404, { 'Content-Type': 'text/html' });
    // Same Slim app under /legacy: same answer, and no Allow header needed to recognise it.
    const { allow: _, ...headers } = getNotAllowed.headers;
    nock(BASE_URL).get('/legacy/Api/access_token').reply(405, getNotAllowed.body, headers);
    nock(BASE_URL).post('/legacy/Api/access_token').reply(200, token.response.body);
    nock(BASE_URL).get(`/legacy/Api/V8/module/Cases/${CASE_ID}`).times(3).reply(200, caseBody);
    const client = createSuiteCrmClient(noApiPath());
    await Promise.all([1, 2, 3].map(() => client.getRecord('Cases', CASE_ID, { parse: rawAttributes })));
    expect(await client.apiPath()).toBe('/legacy/Api');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('says so when neither answers like SuiteCRM, having sent no credentials anywhere', async () => {
    const posts: string[] = [];
    nock(BASE_URL).get('/Api/access_token').reply(404, SYMFONY_404);
    nock(BASE_URL).get('/legacy/Api/access_token').reply(200, '<html>a blog</html>');
    nock(BASE_URL)
      .post(/.*/)
      .optionally()
      .reply((uri) => {
        posts.push(uri);
        return [500, ''];
      });
    let error: unknown;
    try {
      await createSuiteCrmClient(noApiPath()).getRecord('Cases', CASE_ID, { parse: rawAttributes });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('config_invalid');
    expect((error as BridgeError).message).toContain('/Api → HTTP 404, /legacy/Api → HTTP 200');
    expect(posts).toEqual([]);
  });

  it('uses a configured path as given, without probing', async () => {
    nock(BASE_URL).post('/legacy/Api/access_token').reply(200, token.response.body);
    nock(BASE_URL).get(`/legacy/Api/V8/module/Cases/${CASE_ID}`).reply(200, caseBody);
    const client = createSuiteCrmClient(testConfig({ apiPath: 'legacy/Api/', baseUrl: `${BASE_URL}/` }));
    await client.getRecord('Cases', CASE_ID, { parse: rawAttributes });
    expect(await client.apiPath()).toBe('/legacy/Api');
  });
});
