import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forgetSecretsForTests } from '../../../bridge/src/logging/redact.js';
import { createSuiteCrmClient, rawAttributes } from '../../../bridge/src/suitecrm/index.js';
import { loadCapture } from '../../support/capture-file.js';
import {
  BASE_URL,
  CC_CLIENT,
  captureLogs,
  fakeClock,
  PW_CLIENT,
  rejection,
  replay,
  replayToken,
  testConfig,
} from '../../support/v8-replay.js';

/** Fixtures README items 1-8: tokens, their errors, and the resource server's 401s. */

const CASE_ID = '5853e09d-f441-f948-70c1-6b06dbf28f3d';
const CASE_FIELDS = { query: { 'fields[Cases]': 'name' } };

function tokenOf(name: string): string {
  return (JSON.parse(loadCapture(name).response.body) as { access_token: string }).access_token;
}

/** A GET of capture 70's case, answered with the sparse body of capture 72. */
function replayCase(times = 1): nock.Scope {
  return replay('72-get-by-object-name-Case', {
    pathname: `/Api/V8/module/Cases/${CASE_ID}`,
    ...CASE_FIELDS,
    times,
  });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  forgetSecretsForTests();
});

describe('tokens (items 1-3)', () => {
  it('gets a client_credentials token with a form-encoded POST and sends it as "Bearer <token>"', async () => {
    const token = replayToken();
    const api = replay('72-get-by-object-name-Case', {
      pathname: `/Api/V8/module/Cases/${CASE_ID}`,
      ...CASE_FIELDS,
    }).matchHeader('authorization', `Bearer ${tokenOf('03-token-client_credentials-form')}`);
    const client = createSuiteCrmClient(testConfig());
    const record = await client.getRecord('Cases', CASE_ID, { fields: ['name'], parse: rawAttributes });
    expect(record).toEqual({ id: CASE_ID, type: 'Case', attributes: { name: 'System not responding' } });
    expect(token.isDone() && api.isDone()).toBe(true);
  });

  it('reuses one token for many calls, fetched once even when they start together', async () => {
    const token = replayToken(1);
    replayCase(5);
    const client = createSuiteCrmClient(testConfig());
    const records = await Promise.all(
      Array.from({ length: 5 }, () =>
        client.getRecord('Cases', CASE_ID, { fields: ['name'], parse: rawAttributes }),
      ),
    );
    expect(records.map((record) => record.id)).toEqual(Array(5).fill(CASE_ID));
    expect(token.isDone()).toBe(true);
  });

  it('ignores the float iat/exp of the JWT and renews from expires_in, a minute early', async () => {
    // The captured JWT says exp = 1795615136.355558 (2026-11-25T13:58:56Z); our clock is in
    // 2031. A client that decoded it would think the token long expired.
    const payload = JSON.parse(
      Buffer.from(
        tokenOf('03-token-client_credentials-form').split('.')[1] as string,
        'base64url',
      ).toString(),
    ) as { exp: number; iat: number };
    expect(Number.isInteger(payload.exp)).toBe(false);
    expect(Number.isInteger(payload.iat)).toBe(false);
    const clock = fakeClock(Date.parse('2031-01-01T00:00:00Z'));
    const token = replayToken(1);
    replayCase(2);
    const client = createSuiteCrmClient(testConfig({ clock }));
    await client.getRecord('Cases', CASE_ID, { fields: ['name'], parse: rawAttributes });
    clock.advance(3_539_000); // expires_in 3600 s: still more than a minute left
    await client.getRecord('Cases', CASE_ID, { fields: ['name'], parse: rawAttributes });
    expect(token.isDone()).toBe(true);
    const renewal = replayToken(1);
    replayCase(1);
    clock.advance(2_000); // 59 s left: renew first
    await client.getRecord('Cases', CASE_ID, { fields: ['name'], parse: rawAttributes });
    expect(renewal.isDone()).toBe(true);
  });

  it('signs in with the password grant, then renews with the refresh token', async () => {
    const clock = fakeClock();
    // Captures 02 and 04 were sent as JSON; the client sends the same fields form-encoded.
    const signIn = nock(BASE_URL)
      .post('/Api/access_token', {
        grant_type: 'password',
        client_id: PW_CLIENT.id,
        client_secret: PW_CLIENT.secret,
        username: PW_CLIENT.username,
        password: PW_CLIENT.password,
      })
      .reply(200, loadCapture('02-token-password').response.body, { 'Content-Type': 'application/json' });
    const refreshToken = (
      JSON.parse(loadCapture('02-token-password').response.body) as { refresh_token: string }
    ).refresh_token;
    const refresh = nock(BASE_URL)
      .post('/Api/access_token', {
        grant_type: 'refresh_token',
        client_id: PW_CLIENT.id,
        client_secret: PW_CLIENT.secret,
        refresh_token: refreshToken,
      })
      .reply(200, loadCapture('04-token-refresh').response.body, { 'Content-Type': 'application/json' });
    replayCase(1).matchHeader('authorization', `Bearer ${tokenOf('02-token-password')}`);
    replayCase(1).matchHeader('authorization', `Bearer ${tokenOf('04-token-refresh')}`);
    const client = createSuiteCrmClient(
      testConfig({
        clock,
        auth: {
          grant: 'password',
          clientId: PW_CLIENT.id,
          clientSecret: PW_CLIENT.secret,
          username: PW_CLIENT.username,
          password: PW_CLIENT.password,
        },
      }),
    );
    await client.getRecord('Cases', CASE_ID, { fields: ['name'], parse: rawAttributes });
    clock.advance(3_600_000);
    await client.getRecord('Cases', CASE_ID, { fields: ['name'], parse: rawAttributes });
    expect(signIn.isDone() && refresh.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('token endpoint errors (items 4-6)', () => {
  const cases = [
    { capture: '05-token-bad-secret', status: 401, auth: 'cc', secret: 'WRONG' },
    { capture: '06-token-bad-user-password', status: 500, auth: 'pw', password: 'wrong' },
    {
      capture: '07-token-unknown-client',
      status: 500,
      auth: 'cc',
      clientId: '00000000-0000-0000-0000-000000000000',
      secret: 'x',
    },
    {
      capture: '08-token-wrong-grant-for-client',
      status: 401,
      auth: 'pw',
      clientId: CC_CLIENT.id,
      secret: CC_CLIENT.secret,
    },
    { capture: '11-token-unknown-user', status: 500, auth: 'pw', username: 'nobody', password: 'x' },
    { capture: '09-token-missing-grant-type', status: 400, auth: 'cc' },
  ] as const;

  for (const example of cases) {
    it(`${example.capture}: HTTP ${example.status} is auth_failed, asked once, body never quoted`, async () => {
      const capture = loadCapture(example.capture);
      // Each capture's body is answered to whatever token request the client makes.
      const scope = nock(BASE_URL)
        .post('/Api/access_token')
        .reply(capture.response.status, capture.response.body, { 'Content-Type': 'application/json' });
      const clock = fakeClock();
      const config = testConfig({
        clock,
        auth:
          example.auth === 'cc'
            ? {
                grant: 'client_credentials',
                clientId: 'clientId' in example ? example.clientId : CC_CLIENT.id,
                clientSecret: 'secret' in example ? example.secret : CC_CLIENT.secret,
              }
            : {
                grant: 'password',
                clientId: 'clientId' in example ? example.clientId : PW_CLIENT.id,
                clientSecret: 'secret' in example ? example.secret : PW_CLIENT.secret,
                username: 'username' in example ? example.username : PW_CLIENT.username,
                password: 'password' in example ? example.password : PW_CLIENT.password,
              },
      });
      const client = createSuiteCrmClient(config);
      const error = await rejection(client.getRecord('Cases', CASE_ID, { parse: rawAttributes }));
      expect(error.code).toBe('auth_failed');
      expect(error.details.status).toBe(example.status);
      expect(scope.isDone()).toBe(true);
      expect(clock.sleeps).toEqual([]); // not retried, not even the 500s
      const said = JSON.parse(capture.response.body) as { error_description: string };
      expect(error.message).not.toContain(said.error_description);
      expect(JSON.stringify(error.details)).not.toContain(said.error_description);
    });
  }

  it('never lets the echoed password or the client secret reach a log line or an error', async () => {
    const logs = captureLogs();
    try {
      // The wrong password "wrong" comes back in the 500 body (capture 06); use a longer
      // secret so the check cannot pass by accident on a common word.
      const password = 'S3cret-Passw0rd!';
      const body = loadCapture('06-token-bad-user-password').response.body.replaceAll('wrong', password);
      expect(body).toContain(password);
      nock(BASE_URL).post('/Api/access_token').reply(500, body, { 'Content-Type': 'application/json' });
      const client = createSuiteCrmClient(
        testConfig({
          auth: {
            grant: 'password',
            clientId: PW_CLIENT.id,
            clientSecret: PW_CLIENT.secret,
            username: 'admin',
            password,
          },
        }),
      );
      const error = await rejection(client.getRecord('Cases', CASE_ID, { parse: rawAttributes }));
      const surfaces = [
        error.message,
        JSON.stringify(error.details),
        JSON.stringify(error.toJSON()),
        String(error.stack),
      ];
      for (const text of [...surfaces, ...logs.lines]) {
        expect(text).not.toContain(password);
        expect(text).not.toContain(PW_CLIENT.secret);
        // Nothing secret-bearing was even handed to the logger (the redactor would have left this mark).
        expect(text).not.toContain('[redacted]');
      }
      expect(logs.lines.length).toBe(1);
      expect(logs.lines.join('\n')).toContain('"status":500');
    } finally {
      logs.stop();
    }
  });

  it('a successful session logs method, path, status and duration, and never a secret or a token', async () => {
    const logs = captureLogs();
    try {
      replayToken(1);
      replayCase(1);
      const client = createSuiteCrmClient(testConfig());
      await client.getRecord('Cases', CASE_ID, { fields: ['name'], parse: rawAttributes });
      const accessToken = tokenOf('03-token-client_credentials-form');
      const lines = logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.filter((line) => line.message === 'suitecrm request')).toEqual([
        expect.objectContaining({
          component: 'suitecrm',
          method: 'POST',
          path: '/Api/access_token',
          status: 200,
        }),
        expect.objectContaining({
          method: 'GET',
          path: `/Api/V8/module/Cases/${CASE_ID}?fields[Cases]=name`,
          status: 200,
          durationMs: expect.any(Number),
        }),
      ]);
      for (const line of logs.lines) {
        expect(line).not.toContain(CC_CLIENT.secret);
        expect(line).not.toContain(accessToken.slice(0, 40));
        expect(line).not.toContain('[redacted]');
      }
    } finally {
      logs.stop();
    }
  });

  it('a client_credentials client without an assigned user gets a token but every call fails (captures 13, 15)', async () => {
    nock(BASE_URL)
      .post('/Api/access_token')
      .reply(200, loadCapture('13-token-cc-client-without-assigned-user').response.body);
    const call = replay('15-api-with-token-of-cc-client-without-user', {
      // The capture had no sort; the client always sorts.
      query: { 'page[size]': '1', 'page[number]': '1', 'fields[Accounts]': 'name', sort: 'id' },
    });
    const client = createSuiteCrmClient(testConfig());
    const error = await rejection(
      client.scanAll('Accounts', { fields: ['name'], pageSize: 1, parse: rawAttributes }).next(),
    );
    expect(call.isDone()).toBe(true);
    expect(error.code).toBe('auth_failed');
    expect(error.details.reason).toBe('client_without_user');
    expect(error.message).toContain('Module id is empty when trying to get Users');
    expect(error.message).toContain('assigned user');
  });
});

describe('resource server 401s (item 7)', () => {
  const rejections = [
    '80-error-bad-token',
    '80b-error-token-bad-signature',
    '86-error-expired-token-jwt-exp-past',
    '87-error-token-expired-in-db-row',
    '89-error-after-logout',
  ];
  // A short page (1 row of 2) ends the scan after one request.
  const LIST_QUERY = { 'page[size]': '2', 'page[number]': '1', sort: 'id' };

  for (const name of rejections) {
    it(`${name}: signs in again once and repeats the call`, async () => {
      const tokens = replayToken(2);
      const refused = replay(name, { query: LIST_QUERY });
      const accepted = replay('30-accounts-page-size2-number1', {
        query: LIST_QUERY,
        reply: { body: onePage() },
      });
      const client = createSuiteCrmClient(testConfig());
      const pages = [];
      for await (const page of client.scanAll('Accounts', { pageSize: 2, parse: rawAttributes }))
        pages.push(page);
      expect(pages).toHaveLength(1);
      expect(tokens.isDone() && refused.isDone() && accepted.isDone()).toBe(true);
    });
  }

  it('a second 401 in a row is auth_failed with SuiteCRM hint, after exactly one re-authentication', async () => {
    const tokens = replayToken(2);
    const first = replay('87-error-token-expired-in-db-row', { query: LIST_QUERY });
    const second = replay('89-error-after-logout', { query: LIST_QUERY });
    const client = createSuiteCrmClient(testConfig());
    const error = await rejection(client.scanAll('Accounts', { pageSize: 2, parse: rawAttributes }).next());
    expect(error.code).toBe('auth_failed');
    expect(error.details.reason).toBe('token_rejected');
    expect(error.message).toContain('Access token has been revoked');
    expect(tokens.isDone() && first.isDone() && second.isDone()).toBe(true);
  });

  it('never writes the scheme in lower case, which SuiteCRM rejects (capture 134)', async () => {
    const capture = loadCapture('134-error-lowercase-bearer-scheme');
    expect(capture.request.headers.authorization).toMatch(/^bearer /);
    expect(JSON.parse(capture.response.body)).toMatchObject({ hint: 'Error while decoding from JSON' });
    replayToken(1);
    const seen: string[] = [];
    nock(BASE_URL)
      .get(`/Api/V8/module/Cases/${CASE_ID}`)
      .reply(function () {
        seen.push(String(this.req.headers.authorization));
        return [200, loadCapture('72-get-by-object-name-Case').response.body];
      });
    await createSuiteCrmClient(testConfig()).getRecord('Cases', CASE_ID, { parse: rawAttributes });
    expect(seen).toEqual([`Bearer ${tokenOf('03-token-client_credentials-form')}`]);
  });
});

describe('logout (item 8)', () => {
  it('revokes the cached token and signs in again on the next call', async () => {
    replayToken(2);
    replayCase(2);
    const logout = replay('88-logout');
    const client = createSuiteCrmClient(testConfig());
    await client.getRecord('Cases', CASE_ID, { fields: ['name'], parse: rawAttributes });
    await client.logout();
    expect(logout.isDone()).toBe(true);
    await client.getRecord('Cases', CASE_ID, { fields: ['name'], parse: rawAttributes });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('does nothing without a token', async () => {
    await createSuiteCrmClient(testConfig()).logout();
    expect(nock.pendingMocks()).toEqual([]);
  });
});

/** Capture 30's answer cut down to one row (a short page). */
function onePage(): string {
  const body = JSON.parse(loadCapture('30-accounts-page-size2-number1').response.body) as {
    meta: Record<string, number>;
    data: unknown[];
  };
  return JSON.stringify({
    ...body,
    meta: { 'total-pages': 1, 'records-on-this-page': 1 },
    data: body.data.slice(0, 1),
  });
}
