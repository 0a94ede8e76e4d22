import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueHash, formatPackageStamp } from '../../bridge/src/catalogue/index.js';
import { VERSION } from '../../bridge/src/cli/version.js';
import { type StandIn, startStandIn } from '../../bridge/src/standin/index.js';
import {
  createSuiteCrmClient,
  RETRY_POLICIES,
  type SuiteCrmClient,
} from '../../bridge/src/suitecrm/index.js';

/**
 * What `doctor` reads from the stand-in: the package stamp in each package field's comments (as
 * the generated manifest and vardefs write it), a field deleted in Studio, and a host clock that
 * is off (the Date header), through the client and through the HTTP control routes.
 */
let standIn: StandIn;
let client: SuiteCrmClient;

function newClient(): SuiteCrmClient {
  return createSuiteCrmClient({
    baseUrl: standIn.url,
    apiPath: '/Api',
    auth: {
      grant: 'client_credentials',
      clientId: '3f1c2a8e-7b64-4c1d-9a55-cc0000000001',
      clientSecret: 'lab-cc-secret-0001',
    },
    timeoutMs: 5_000,
    retry: RETRY_POLICIES.once,
    clock: { now: () => Date.now(), sleep: async () => {} },
  });
}

beforeAll(async () => {
  standIn = await startStandIn({ scale: false });
  client = newClient();
});

afterAll(async () => {
  client?.close();
  await standIn?.close();
});

const stamp = formatPackageStamp({ version: VERSION, catalogueHash: catalogueHash() });

describe('the stand-in as doctor sees it', () => {
  it('stamps every package field the way the package does, the plan field with its plan keys', async () => {
    const accounts = await client.fieldDefinitions('Accounts');
    expect((accounts.sla_plan_c as Record<string, unknown>).comments).toBe(
      `${stamp} plans=free,essential,professional,enterprise`,
    );
    expect((accounts.sla_contract_start_c as Record<string, unknown>).comments).toBe(stamp);
    expect((accounts.name as Record<string, unknown>).comments).not.toBe(stamp);
    const entries = await client.fieldDefinitions('SLA_TimeEntries');
    expect((entries.hours as Record<string, unknown>).comments).toBe(stamp);
  });

  it('loses a field deleted through the control route', async () => {
    const response = await fetch(`${standIn.url}/__standin/fields/Cases/sla_cause_c`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    const cases = await client.fieldDefinitions('Cases');
    expect(cases.sla_cause_c).toBeUndefined();
    expect(cases.sla_severity_c).toBeDefined();
  });

  it("sends a Date header from a host clock that is off, and the client reports SuiteCRM's time", async () => {
    const set = await fetch(`${standIn.url}/__standin/server-clock`, {
      method: 'POST',
      body: JSON.stringify({ offsetMs: -3_600_000 }),
    });
    expect(await set.json()).toEqual({ offsetMs: -3_600_000 });
    // A new client: the time it reports is the newest Date header it has seen.
    const fresh = newClient();
    const before = Date.now();
    await fresh.currentUser();
    const server = fresh.lastServerTime() ?? 0;
    fresh.close();
    // The header has whole seconds: an hour behind, give or take the second it was cut to.
    expect(server - before).toBeGreaterThan(-3_600_000 - 2_000);
    expect(server - before).toBeLessThan(-3_600_000 + 2_000);
    standIn.control.setServerClockOffset(0);
  });
});
