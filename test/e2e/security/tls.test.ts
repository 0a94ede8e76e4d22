import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandIn, startStandIn } from '../../../bridge/src/standin/index.js';
import { type HttpRelay, startRelay } from '../../support/http-relay.js';
import { ROOT, runCli } from '../../support/run-cli.js';
import { LAB_CLIENT } from '../../support/sync-harness.js';

/**
 * TLS is verified by default and nothing turns it off: `sla-bridge sync` against SuiteCRM
 * behind HTTPS with a self-signed certificate (test/fixtures/tls) is refused, even with
 * NODE_TLS_REJECT_UNAUTHORIZED=0 in its environment or another CA in SUITECRM_CA_FILE, and
 * works only once SUITECRM_CA_FILE holds that certificate. The source has no switch to turn
 * verification off.
 */
const TLS_DIR = join(ROOT, 'test', 'fixtures', 'tls');
const cert = readFileSync(join(TLS_DIR, 'self-signed-127.0.0.1.crt'), 'utf8');
const key = readFileSync(join(TLS_DIR, 'self-signed-127.0.0.1.key'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'tls-'));

let standIn: StandIn;
let relay: HttpRelay;
let env: Record<string, string>;

beforeAll(async () => {
  standIn = await startStandIn({ seed: 5, scale: { accounts: 2 }, clock: 'running' });
  relay = await startRelay(standIn.url, { tls: { cert, key } });
  env = {
    SUITECRM_URL: relay.url,
    SUITECRM_API_PATH: '/Api',
    SUITECRM_CLIENT_ID: LAB_CLIENT.clientId,
    SUITECRM_CLIENT_SECRET: LAB_CLIENT.clientSecret,
    BRIDGE_STORE_URL: join(dir, 'bridge.sqlite'),
    LOG_FORMAT: 'json',
  };
  expect((await runCli(['migrate'], { env })).status).toBe(0);
});
afterAll(async () => {
  await relay?.close();
  await standIn?.close();
});

const sync = (extra: Record<string, string> = {}) =>
  runCli(['sync', '--json'], { env: { ...env, ...extra } });

describe('TLS against an HTTPS SuiteCRM with a self-signed certificate', () => {
  it('is refused by default, without retrying, and no request gets through', async () => {
    const result = await sync();
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(
      /sla-bridge: unavailable: TLS check failed for POST \/Api\/access_token: DEPTH_ZERO_SELF_SIGNED_CERT/,
    );
    expect(result.stderr).not.toMatch(/retrying SuiteCRM request/);
    expect(result.stdout).toBe('');
    expect(relay.exchanges).toEqual([]);
  });

  it('NODE_TLS_REJECT_UNAUTHORIZED=0 does not turn verification off', async () => {
    const result = await sync({ NODE_TLS_REJECT_UNAUTHORIZED: '0' });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/TLS check failed .*DEPTH_ZERO_SELF_SIGNED_CERT/);
    expect(relay.exchanges).toEqual([]);
  });

  it('a CA bundle with other certificates does not make it trusted', async () => {
    const other = join(dir, 'other-ca.pem');
    writeFileSync(other, `${tls.rootCertificates.slice(0, 3).join('\n')}\n`);
    const result = await sync({ SUITECRM_CA_FILE: other });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/TLS check failed/);
    expect(relay.exchanges).toEqual([]);
  });

  it('a CA file that cannot be read is a configuration error, not a fallback', async () => {
    const result = await sync({ SUITECRM_CA_FILE: join(dir, 'missing.pem') });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/config_invalid: [\s\S]*SUITECRM_CA_FILE: cannot read .*missing\.pem/);
    expect(relay.exchanges).toEqual([]);
  });

  it('is accepted once SUITECRM_CA_FILE holds the certificate, and the sync runs', async () => {
    const ca = join(dir, 'suitecrm-ca.pem');
    writeFileSync(ca, cert);
    const result = await sync({ SUITECRM_CA_FILE: ca });
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { failures: unknown[]; records: unknown[] };
    expect(report.failures).toEqual([]);
    expect(report.records.length).toBe(19);
    expect(relay.exchanges.some((e) => e.method === 'PATCH' && e.status === 201)).toBe(true);
  });

  it('a trusted certificate for another name is still refused (host names are checked)', async () => {
    const ca = join(dir, 'suitecrm-ca.pem');
    const before = relay.exchanges.length;
    const result = await sync({
      SUITECRM_CA_FILE: ca,
      SUITECRM_URL: relay.url.replace('127.0.0.1', 'localhost'),
    });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/TLS check failed .*ERR_TLS_CERT_ALTNAME_INVALID/);
    expect(relay.exchanges.length).toBe(before);
  });
});

describe('the source', () => {
  function sources(folder: string): string[] {
    return readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return sources(path);
      return name.endsWith('.ts') ? [path] : [];
    });
  }

  it('has no way to turn certificate verification off', () => {
    const offenders: string[] = [];
    for (const file of sources(join(ROOT, 'bridge', 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of [
        /rejectUnauthorized\s*:\s*(false|!|0|process|options|config|settings)/,
        /NODE_TLS_REJECT_UNAUTHORIZED/,
        /checkServerIdentity/,
        /\binsecure\b/i,
      ]) {
        if (pattern.test(text)) offenders.push(`${file.slice(ROOT.length + 1)}: ${pattern}`);
      }
    }
    expect(offenders).toEqual([]);
    // The one HTTPS agent verifies, and an extra CA is added to Node's roots, not put in their place.
    const transport = readFileSync(join(ROOT, 'bridge', 'src', 'suitecrm', 'http-transport.ts'), 'utf8');
    expect(transport).toMatch(/rejectUnauthorized: true/);
    expect(transport).toMatch(/ca: \[\.\.\.tls\.rootCertificates, options\.caBundle\]/);
  });
});
