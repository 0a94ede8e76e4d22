import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StandIn, startStandIn } from '../../bridge/src/standin/index.js';
import { rawRequest } from '../support/raw-http.js';

const NOW = '2026-11-25T12:00:00Z';
let standIn: StandIn;
let bearer: string;

async function token(): Promise<string> {
  const answer = await rawRequest(standIn.url, {
    method: 'POST',
    path: '/Api/access_token',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: '3f1c2a8e-7b64-4c1d-9a55-cc0000000001',
      client_secret: 'lab-cc-secret-0001',
    }),
  });
  return `Bearer ${(JSON.parse(answer.body) as { access_token: string }).access_token}`;
}

const list = (module = 'Accounts', authorization = bearer) =>
  rawRequest(standIn.url, {
    method: 'GET',
    path: `/Api/V8/module/${module}?page[size]=5&page[number]=1&fields[${module}]=name`,
    headers: { authorization },
  });

beforeEach(async () => {
  standIn = await startStandIn({ now: NOW, clock: 'frozen', seed: 2, scale: { accounts: 12 } });
  bearer = await token();
});

afterEach(async () => {
  await standIn.close();
});

describe('faults injected on request', () => {
  it('answers an error status once, then normally again', async () => {
    standIn.control.injectFault({ kind: 'error', match: { route: 'list' } });
    const failed = await list();
    expect(failed.status).toBe(500);
    expect(failed.headers['content-type']).toContain('text/html');
    expect((await list()).status).toBe(200);
    standIn.control.injectFault({ kind: 'error', status: 503 });
    expect((await list()).status).toBe(503);
  });

  it('answers 429 with Retry-After', async () => {
    standIn.control.injectFault({ kind: 'rate-limit', retryAfterSeconds: 7 });
    const limited = await list();
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
  });

  it('lets `skip` requests through, then hits `times` of them, matching by method and module', async () => {
    standIn.control.injectFault({
      kind: 'error',
      match: { method: 'GET', module: 'Cases' },
      skip: 1,
      times: 2,
    });
    expect((await list('Accounts')).status).toBe(200);
    expect((await list('Cases')).status).toBe(200);
    expect((await list('Cases')).status).toBe(500);
    expect((await list('Cases')).status).toBe(500);
    expect((await list('Cases')).status).toBe(200);
    expect(standIn.control.faults()).toEqual([]);
  });

  it('with `every`, hits one matching request in every `every` of them, `times` in all', async () => {
    standIn.control.injectFault({ kind: 'error', match: { module: 'Cases' }, skip: 1, every: 3, times: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await list('Cases')).status);
    expect(statuses).toEqual([200, 500, 200, 200, 500, 200, 200, 500, 200, 200]);
    expect(standIn.control.faults()).toEqual([]);
    expect(() => standIn.control.injectFault({ kind: 'error', every: 0 })).toThrow(/every/);
  });

  it('drops the connection mid-body or before answering', async () => {
    standIn.control.injectFault({ kind: 'drop' });
    await expect(list()).rejects.toThrow();
    standIn.control.injectFault({ kind: 'drop', at: 'start' });
    await expect(list()).rejects.toThrow();
    expect((await list()).status).toBe(200);
  });

  it('truncates a body: a complete 200 whose JSON is cut', async () => {
    standIn.control.injectFault({ kind: 'truncate', keepBytes: 40 });
    const cut = await list();
    expect(cut.status).toBe(200);
    expect(Buffer.byteLength(cut.body)).toBe(40);
    expect(() => JSON.parse(cut.body)).toThrow();
  });

  it('holds a slow answer past a client timeout', async () => {
    standIn.control.injectFault({ kind: 'slow', delayMs: 60_000 });
    await expect(
      fetch(`${standIn.apiUrl}/V8/module/Accounts`, {
        headers: { authorization: bearer },
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
  });

  it('expires the presented token: 401 "revoked", and only a new token works again', async () => {
    standIn.control.injectFault({ kind: 'expire-token' });
    const expired = await list();
    expect(expired.status).toBe(401);
    expect(JSON.parse(expired.body).hint).toBe('Access token has been revoked');
    expect((await list()).status).toBe(401);
    expect((await list('Accounts', await token())).status).toBe(200);
  });

  it('expires or revokes every token at once', async () => {
    expect(standIn.control.expireTokens()).toBe(1);
    expect(JSON.parse((await list()).body).hint).toBe('Access token has been revoked');
    bearer = await token();
    expect(standIn.control.revokeTokens()).toBe(1);
    expect((await list()).status).toBe(401);
  });
});

describe('the control API', () => {
  it('moves the virtual clock, which stamps saves and ages tokens', async () => {
    standIn.control.setNow('2026-11-25T12:30:00Z');
    standIn.control.advance(90_000);
    const id = standIn.store.table('Accounts').byId.at(0)?.id as string;
    const saved = await rawRequest(standIn.url, {
      method: 'PATCH',
      path: '/Api/V8/module',
      headers: { authorization: bearer, 'Content-Type': 'application/vnd.api+json' },
      body: JSON.stringify({ data: { type: 'Accounts', id, attributes: { name: 'Renamed' } } }),
    });
    expect(saved.status).toBe(201);
    expect(standIn.control.record('Accounts', id)?.date_modified).toBe('2026-11-25 12:31:30');
    standIn.control.advance(3600_000);
    expect(JSON.parse((await list()).body).hint).toBe('Access token could not be verified');
  });

  it('adds virtual latency to the clock, 50-70 ms a request', async () => {
    standIn.control.setLatency({ minMs: 50, maxMs: 70, mode: 'virtual' });
    const start = standIn.control.now();
    for (let i = 0; i < 10; i++) expect((await list()).status).toBe(200);
    const elapsed = standIn.control.now() - start;
    expect(elapsed).toBeGreaterThanOrEqual(500);
    expect(elapsed).toBeLessThanOrEqual(700);
    standIn.control.setLatency({ minMs: 1, maxMs: 2, mode: 'real' });
    expect((await list()).status).toBe(200);
    expect(() => standIn.control.setLatency({ minMs: 5, maxMs: 1, mode: 'real' })).toThrow();
  });

  it('counts requests by method, route and module', async () => {
    standIn.control.resetCounters();
    await list('Accounts');
    await list('Accounts');
    await list('Cases');
    await token();
    const counters = standIn.control.counters();
    expect(counters.byRoute['GET list Accounts']).toBe(2);
    expect(counters.byRoute['GET list Cases']).toBe(1);
    expect(counters.byRoute['GET list']).toBe(3);
    expect(counters.byRoute['POST token']).toBe(1);
    expect(counters.tokensIssued).toBe(1);
    expect(counters.total).toBe(4);
  });

  it('journals write requests when asked: what they carried, the answer, the fault met; never a token', async () => {
    const aCase = standIn.store.table('Cases').byId.at(2);
    const patch = (attributes: Record<string, unknown>) =>
      rawRequest(standIn.url, {
        method: 'PATCH',
        path: '/Api/V8/module',
        headers: { authorization: bearer, 'Content-Type': 'application/vnd.api+json' },
        body: JSON.stringify({ data: { type: 'Cases', id: aCase?.id, attributes } }),
      });
    await patch({ sla_product_version_c: 'off' });
    expect(standIn.control.writes()).toEqual([]); // off by default
    standIn.control.journalWrites(true);
    await list();
    expect((await patch({ sla_product_version_c: '7.14.6' })).status).toBe(201);
    standIn.control.injectFault({ kind: 'error', match: { method: 'PATCH' } });
    expect((await patch({ sla_product_version_c: '7.14.7' })).status).toBe(500);
    const journal = standIn.control.writes();
    expect(journal).toEqual([
      {
        at: Date.parse(NOW),
        method: 'PATCH',
        route: 'update',
        module: 'Cases',
        id: aCase?.id,
        attributes: { sla_product_version_c: '7.14.6' },
        status: 201,
        fault: null,
      },
      expect.objectContaining({
        attributes: { sla_product_version_c: '7.14.7' },
        status: null,
        fault: 'error',
      }),
    ]);
    expect(JSON.stringify(journal)).not.toContain(bearer.slice('Bearer '.length));
    standIn.control.clearWrites();
    expect(standIn.control.writes()).toEqual([]);
  });

  it('saves as a person in the web UI, which the case hook logs as actor person', async () => {
    const aCase = standIn.store.table('Cases').byId.at(0);
    const status = aCase?.status === 'Open_Assigned' ? 'Open_Pending Input' : 'Open_Assigned';
    const edited = standIn.control.staffEdit(
      'Cases',
      aCase?.id as string,
      { status },
      { userId: 'seed_max_id' },
    );
    expect((edited.sla_change_log_c as string).split(';').at(-1)).toBe(
      `2026-11-25T12:00:00Z|status|${aCase?.status}|${status}|seed_max_id|person`,
    );
  });

  it('serves the same controls over HTTP under /__standin', async () => {
    const call = async (method: string, path: string, body?: unknown) => {
      const answer = await rawRequest(standIn.url, {
        method,
        path: `/__standin${path}`,
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: answer.status, body: JSON.parse(answer.body) as Record<string, unknown> };
    };
    await call('DELETE', '/counters');
    expect((await call('POST', '/clock', { now: '2026-11-25T12:20:00Z' })).body.now).toBe(
      '2026-11-25T12:20:00.000Z',
    );
    const fault = await call('POST', '/faults', { kind: 'error', match: { route: 'list' } });
    expect(fault.body.id).toBeTypeOf('number');
    expect((await list()).status).toBe(500);
    const aCase = standIn.store.table('Cases').byId.at(1);
    const edit = await call('POST', '/staff-edit', {
      module: 'Cases',
      id: aCase?.id,
      attributes: { sla_severity_c: '1' },
    });
    expect(
      String((edit.body.record as Record<string, string>).sla_change_log_c).endsWith('|seed_sally_id|person'),
    ).toBe(true);
    expect((await call('GET', `/records/Cases/${aCase?.id}`)).body.record).toMatchObject({
      sla_severity_c: '1',
    });
    expect((await call('GET', '/counters')).body.total).toBe(1);
    expect((await call('POST', '/tokens/expire')).body.expired).toBe(1);
    expect((await call('GET', '/nope')).status).toBe(404);
    expect((await call('POST', '/latency', { minMs: 9, maxMs: 1, mode: 'real' })).status).toBe(400);
  });

  it('can make unsorted lists unstable, so offset paging without sort loses rows as MySQL does (item 28)', async () => {
    const pages = async (query: string) => {
      const seen: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const answer = await rawRequest(standIn.url, {
          method: 'GET',
          path: `/Api/V8/module/Accounts?page[size]=4&page[number]=${page}&fields[Accounts]=name${query}`,
          headers: { authorization: bearer },
        });
        seen.push(...(JSON.parse(answer.body).data as { id: string }[]).map((record) => record.id));
      }
      return seen;
    };
    expect(new Set(await pages('')).size).toBe(12);
    standIn.control.setUnsortedOrder('unstable');
    expect(new Set(await pages('')).size).toBeLessThan(12);
    expect(new Set(await pages('&sort=id')).size).toBe(12);
  });

  it('serves the API under /legacy/Api when asked to look like SuiteCRM 8', async () => {
    const eight = await startStandIn({ now: NOW, scale: false, apiBase: '/legacy/Api' });
    try {
      const body = JSON.stringify({
        grant_type: 'client_credentials',
        client_id: '3f1c2a8e-7b64-4c1d-9a55-cc0000000001',
        client_secret: 'lab-cc-secret-0001',
      });
      const headers = { 'Content-Type': 'application/json' };
      expect(
        (await rawRequest(eight.url, { method: 'POST', path: '/legacy/Api/access_token', headers, body }))
          .status,
      ).toBe(200);
      const old = await rawRequest(eight.url, { method: 'POST', path: '/Api/access_token', headers, body });
      expect(old.status).toBe(404);
      expect(old.headers['content-type']).toContain('text/html');
    } finally {
      await eight.close();
    }
  });
});
