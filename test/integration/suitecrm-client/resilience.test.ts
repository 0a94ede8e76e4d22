import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forgetSecretsForTests } from '../../../bridge/src/logging/redact.js';
import { createSuiteCrmClient, rawAttributes } from '../../../bridge/src/suitecrm/index.js';
import { loadCapture } from '../../support/capture-file.js';
import { BASE_URL, fakeClock, rejection, replay, replayToken, testConfig } from '../../support/v8-replay.js';

/**
 * Timeouts, retries with backoff through the injected clock (no real sleeps), Retry-After,
 * idempotency, and the shared concurrency limit.
 */

const CASE_ID = '5853e09d-f441-f948-70c1-6b06dbf28f3d';
const CASE_PATH = `/Api/V8/module/Cases/${CASE_ID}`;
const CASE_BODY = loadCapture('70-case-get-single').response.body;
const JSON_API = { 'Content-Type': 'application/vnd.api+json' };

function networkError(code: string): Error {
  return Object.assign(new Error(`${code} (simulated)`), { code });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
  forgetSecretsForTests();
});

describe('retries (classify + one loop, fake clock)', () => {
  it('retries a GET after a 503 with exponential backoff and jitter', async () => {
    const clock = fakeClock();
    replayToken(1);
    nock(BASE_URL).get(CASE_PATH).times(2).reply(503, 'Service Unavailable');
    nock(BASE_URL).get(CASE_PATH).reply(200, CASE_BODY, JSON_API);
    const client = createSuiteCrmClient(testConfig({ clock }));
    const record = await client.getRecord('Cases', CASE_ID, { parse: rawAttributes });
    expect(record.id).toBe(CASE_ID);
    // base 100 ms, random 0.5: half fixed + half jittered → 75, then 150.
    expect(clock.sleeps).toEqual([75, 150]);
  });

  it('gives up after maxAttempts with the last error, saying how many attempts were made', async () => {
    const clock = fakeClock();
    replayToken(1);
    nock(BASE_URL).get(CASE_PATH).times(3).reply(502, '<html>Bad Gateway</html>');
    const error = await rejection(
      createSuiteCrmClient(testConfig({ clock })).getRecord('Cases', CASE_ID, { parse: rawAttributes }),
    );
    expect(error.code).toBe('unavailable');
    expect(error.details).toMatchObject({ status: 502, attempts: 3 });
    expect(clock.sleeps).toEqual([75, 150]);
  });

  it('honours Retry-After in seconds on a 429, and caps it', async () => {
    const clock = fakeClock();
    replayToken(1);
    nock(BASE_URL).get(CASE_PATH).reply(429, '', { 'Retry-After': '2' });
    nock(BASE_URL).get(CASE_PATH).reply(429, '', { 'Retry-After': '3600' });
    nock(BASE_URL).get(CASE_PATH).reply(200, CASE_BODY, JSON_API);
    await createSuiteCrmClient(testConfig({ clock })).getRecord('Cases', CASE_ID, { parse: rawAttributes });
    expect(clock.sleeps).toEqual([2_000, 5_000]); // retryAfterCapMs = 5000
  });

  it('honours Retry-After as an HTTP date, measured on the injected clock', async () => {
    const clock = fakeClock(Date.parse('2026-11-25T13:00:00Z'));
    replayToken(1);
    nock(BASE_URL).get(CASE_PATH).reply(503, '', { 'Retry-After': 'Wed, 25 Nov 2026 13:00:03 GMT' });
    nock(BASE_URL).get(CASE_PATH).reply(200, CASE_BODY, JSON_API);
    await createSuiteCrmClient(testConfig({ clock })).getRecord('Cases', CASE_ID, { parse: rawAttributes });
    expect(clock.sleeps).toEqual([3_000]);
  });

  it('retries network failures of idempotent requests', async () => {
    const clock = fakeClock();
    replayToken(1);
    nock(BASE_URL).get(CASE_PATH).replyWithError(networkError('ECONNRESET'));
    nock(BASE_URL).get(CASE_PATH).reply(200, CASE_BODY, JSON_API);
    await createSuiteCrmClient(testConfig({ clock })).getRecord('Cases', CASE_ID, { parse: rawAttributes });
    expect(clock.sleeps).toHaveLength(1);
  });

  it('retries a 200 whose body was cut short, but not a well-formed body of the wrong shape', async () => {
    const clock = fakeClock();
    replayToken(1);
    nock(BASE_URL).get(CASE_PATH).reply(200, CASE_BODY.slice(0, 200), JSON_API);
    nock(BASE_URL).get(CASE_PATH).reply(200, CASE_BODY, JSON_API);
    const client = createSuiteCrmClient(testConfig({ clock }));
    await client.getRecord('Cases', CASE_ID, { parse: rawAttributes });
    expect(clock.sleeps).toHaveLength(1);
    nock(BASE_URL).get(CASE_PATH).reply(200, '{"data":"nope"}', JSON_API);
    const error = await rejection(client.getRecord('Cases', CASE_ID, { parse: rawAttributes }));
    expect(error.code).toBe('bad_response');
    expect(clock.sleeps).toHaveLength(1);
  });

  it('retries the token endpoint when it is unavailable, but never its 500 (a refused password)', async () => {
    const clock = fakeClock();
    nock(BASE_URL).post('/Api/access_token').reply(503, '');
    replayToken(1);
    nock(BASE_URL).get(CASE_PATH).reply(200, CASE_BODY, JSON_API);
    await createSuiteCrmClient(testConfig({ clock })).getRecord('Cases', CASE_ID, { parse: rawAttributes });
    expect(clock.sleeps).toEqual([75]);
  });

  it('PATCH is retried: setting values twice is harmless', async () => {
    const clock = fakeClock();
    replayToken(1);
    nock(BASE_URL).patch('/Api/V8/module').reply(500, '');
    replay('91-case-update-patch');
    const record = await createSuiteCrmClient(testConfig({ clock })).updateRecord(
      'Cases',
      '86791e5c-b5de-378f-a70c-6b06dcd31494',
      { status: 'Open_Assigned', priority: 'P1', assigned_user_id: 'seed_will_id' },
      { parse: rawAttributes },
    );
    expect(record.attributes.status).toBe('Open_Assigned');
    expect(clock.sleeps).toHaveLength(1);
  });
});

describe('only idempotent requests are retried blindly', () => {
  const attributes = { name: 'Lab case with client-chosen id' };

  it('a create without a client id is not retried after a 503: it may have been created', async () => {
    const clock = fakeClock();
    replayToken(1);
    nock(BASE_URL).post('/Api/V8/module').reply(503, '');
    const error = await rejection(
      createSuiteCrmClient(testConfig({ clock })).createRecord('Cases', attributes, { parse: rawAttributes }),
    );
    expect(error.code).toBe('unavailable');
    expect(clock.sleeps).toEqual([]);
  });

  it('a create without a client id is retried when the connection was refused: nothing reached SuiteCRM', async () => {
    const clock = fakeClock();
    replayToken(1);
    nock(BASE_URL).post('/Api/V8/module').replyWithError(networkError('ECONNREFUSED'));
    replay('92-case-create-type-singular', { matchBody: false });
    const record = await createSuiteCrmClient(testConfig({ clock })).createRecord('Cases', attributes, {
      parse: rawAttributes,
    });
    expect(record.type).toBe('Case');
    expect(clock.sleeps).toHaveLength(1);
  });

  it('a create with a client id is retried; "already exist" on the retry means the first one worked', async () => {
    const clock = fakeClock();
    replayToken(1);
    nock(BASE_URL).post('/Api/V8/module').reply(504, '');
    replay('94-error-case-create-duplicate-id', { matchBody: false });
    const created = JSON.parse(loadCapture('93-case-create-client-id').response.body) as object;
    const get = nock(BASE_URL)
      .get('/Api/V8/module/Cases/aaaaaaaa-bbbb-cccc-dddd-000000000001')
      .reply(200, JSON.stringify(created), JSON_API);
    const record = await createSuiteCrmClient(testConfig({ clock })).createRecord('Cases', attributes, {
      id: 'aaaaaaaa-bbbb-cccc-dddd-000000000001',
      parse: rawAttributes,
    });
    expect(record.id).toBe('aaaaaaaa-bbbb-cccc-dddd-000000000001');
    expect(get.isDone()).toBe(true);
  });

  it('a delete whose retry says "not found" succeeded the first time', async () => {
    const clock = fakeClock();
    replayToken(1);
    nock(BASE_URL)
      .delete('/Api/V8/module/Cases/8ca20acc-6d6e-4727-a52f-6b06dca8abea')
      .replyWithError(networkError('ECONNRESET'));
    replay('99-error-delete-again');
    await createSuiteCrmClient(testConfig({ clock })).deleteRecord(
      'Cases',
      '8ca20acc-6d6e-4727-a52f-6b06dca8abea',
    );
    expect(clock.sleeps).toHaveLength(1);
  });
});

describe('timeouts', () => {
  it('every request has a deadline; a slow answer becomes a retried timeout', async () => {
    const clock = fakeClock();
    replayToken(1);
    nock(BASE_URL).get(CASE_PATH).times(2).delay(3_000).reply(200, CASE_BODY, JSON_API);
    const client = createSuiteCrmClient(
      testConfig({
        clock,
        timeoutMs: 50,
        retry: { maxAttempts: 2, baseDelayMs: 100, maxDelayMs: 1_000, retryAfterCapMs: 5_000 },
      }),
    );
    const error = await rejection(client.getRecord('Cases', CASE_ID, { parse: rawAttributes }));
    expect(error.code).toBe('timeout');
    expect(error.details.attempts).toBe(2);
    expect(error.message).toContain('within 50 ms');
    expect(clock.sleeps).toHaveLength(1);
  });

  it('a 408 is a timeout too, and retried', async () => {
    const clock = fakeClock();
    replayToken(1);
    nock(BASE_URL).get(CASE_PATH).reply(408, '');
    nock(BASE_URL).get(CASE_PATH).reply(200, CASE_BODY, JSON_API);
    await createSuiteCrmClient(testConfig({ clock })).getRecord('Cases', CASE_ID, { parse: rawAttributes });
    expect(clock.sleeps).toHaveLength(1);
  });
});

describe('concurrency limit', () => {
  it('never has more than `concurrency` requests in flight, across all calls of one client', async () => {
    replayToken(1);
    const limit = 3;
    const total = 10;
    let inFlight = 0;
    let highest = 0;
    const waiting: Array<() => void> = [];
    const hold =
      (reply: () => [number, string, Record<string, string>]) =>
      (_uri: string, _body: nock.Body, callback: (error: null, result: nock.ReplyFnResult) => void): void => {
        inFlight++;
        highest = Math.max(highest, inFlight);
        waiting.push(() => {
          inFlight--;
          callback(null, reply());
        });
      };
    nock(BASE_URL)
      .get(CASE_PATH)
      .times(5)
      .reply(hold(() => [200, CASE_BODY, JSON_API]));
    nock(BASE_URL)
      .patch('/Api/V8/module')
      .times(5)
      .reply(hold(() => [201, loadCapture('91-case-update-patch').response.body, JSON_API]));
    const client = createSuiteCrmClient(testConfig({ concurrency: limit }));
    const calls = [
      ...Array.from({ length: 5 }, () => client.getRecord('Cases', CASE_ID, { parse: rawAttributes })),
      ...Array.from({ length: 5 }, () =>
        client.updateRecord(
          'Cases',
          '86791e5c-b5de-378f-a70c-6b06dcd31494',
          { name: 'x' },
          { parse: rawAttributes },
        ),
      ),
    ];
    const saturation: number[] = [];
    for (let released = 0; released < total; released++) {
      const expected = Math.min(limit, total - released);
      for (let spins = 0; waiting.length < expected && spins < 10_000; spins++) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      saturation.push(waiting.length);
      (waiting.shift() as () => void)();
    }
    await Promise.all(calls);
    expect(highest).toBe(limit);
    expect(saturation).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 2, 1]);
  });
});
