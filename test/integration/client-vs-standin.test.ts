import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandIn, startStandIn } from '../../bridge/src/standin/index.js';
import {
  createSuiteCrmClient,
  RETRY_POLICIES,
  rawAttributes,
  type SuiteCrmClient,
  type SuiteCrmClientConfig,
} from '../../bridge/src/suitecrm/index.js';
import { SUITECRM_MODES } from '../support/sync-harness.js';

/**
 * The bridge's V8 client against the stand-in: not a proof of fidelity (the capture replay is),
 * but a check that the two meet, that keyset reads see every row once even with faults on the
 * way, and that the counters tell how many calls a read costs.
 */
describe.each(SUITECRM_MODES)('$name', ({ suitecrm }) => {
  let standIn: StandIn;
  let client: SuiteCrmClient;

  /** The client as the bridge builds it; apiPath undefined: detected, as doctor and a fresh install do. */
  const clientConfig = (apiPath: string | undefined): SuiteCrmClientConfig => ({
    baseUrl: standIn.url,
    ...(apiPath === undefined ? {} : { apiPath }),
    auth: {
      grant: 'client_credentials',
      clientId: '3f1c2a8e-7b64-4c1d-9a55-cc0000000001',
      clientSecret: 'lab-cc-secret-0001',
    },
    timeoutMs: 5_000,
    pageSize: 40,
    retry: RETRY_POLICIES.rapid,
    clock: { now: () => standIn.control.now(), sleep: async () => {} },
  });

  beforeAll(async () => {
    standIn = await startStandIn({
      now: '2026-11-25T12:00:00Z',
      seed: 8,
      scale: { accounts: 30 },
      clock: 'frozen',
      suitecrm,
    });
    client = createSuiteCrmClient(clientConfig(standIn.apiPath));
  });

  afterAll(async () => {
    client?.close();
    await standIn?.close();
  });

  describe('the V8 client against the stand-in', () => {
    it('scans every case exactly once by id, through a 500, a 429 and a dropped connection', async () => {
      standIn.control.resetCounters();
      standIn.control.injectFault({ kind: 'error', match: { route: 'list' }, skip: 1 });
      standIn.control.injectFault({
        kind: 'rate-limit',
        match: { route: 'list' },
        skip: 2,
        retryAfterSeconds: 0,
      });
      standIn.control.injectFault({ kind: 'drop', match: { route: 'list' }, skip: 3 });
      const seen: string[] = [];
      for await (const page of client.scanAll('Cases', {
        parse: rawAttributes,
        fields: ['name', 'status'],
      })) {
        seen.push(...page.map((record) => record.id));
      }
      expect(seen).toHaveLength(300);
      expect(new Set(seen).size).toBe(300);
      const counters = standIn.control.counters();
      // 300 rows in pages of 40: 8 pages (the last one empty or short), plus the three faulted attempts.
      expect(counters.byRoute['GET list Cases']).toBeLessThanOrEqual(8 + 3 + 1);
      expect(counters.tokensIssued).toBe(1);
    });

    it('reads what changed since a minute, and sees its own write come back with SuiteCRM encoding', async () => {
      const aCase = standIn.store.table('Cases').byId.at(5);
      standIn.control.advance(120_000);
      const updated = await client.updateRecord(
        'Cases',
        aCase?.id as string,
        { sla_product_version_c: `O'Brien & <b>x</b>` },
        { parse: rawAttributes },
      );
      expect(updated.attributes.sla_product_version_c).toBe('O&#039;Brien &amp; &lt;b&gt;x&lt;/b&gt;');
      const changed: string[] = [];
      for await (const batch of client.readChanged('Cases', {
        since: standIn.control.now() - 60_000,
        parse: rawAttributes,
        fields: ['name'],
      })) {
        changed.push(...batch.records.map((record) => record.id));
      }
      expect(changed).toEqual([aCase?.id]);
    });

    it('gets a new token when the stand-in expires the cached one', async () => {
      standIn.control.resetCounters();
      standIn.control.expireTokens();
      const user = await client.currentUser();
      expect(user.id).toBe('1');
      expect(standIn.control.counters().tokensIssued).toBe(1);
    });
    it('finds the API by itself: /legacy/Api on 8 (where /Api is redirected), /Api on 7', async () => {
      const detecting = createSuiteCrmClient(clientConfig(undefined));
      try {
        expect(await detecting.apiPath()).toBe(suitecrm === 8 ? '/legacy/Api' : '/Api');
        expect((await detecting.currentUser()).id).toBe('1');
      } finally {
        detecting.close();
      }
    });
  });
});
