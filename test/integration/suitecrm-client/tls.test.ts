import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../bridge/src/errors/bridge-error.js';
import { createSuiteCrmClient, rawAttributes } from '../../../bridge/src/suitecrm/index.js';
import { loadCapture } from '../../support/capture-file.js';
import { fakeClock, testConfig } from '../../support/v8-replay.js';

/** A real HTTPS server with a self-signed certificate: verified by default, trusted only through the CA bundle. */

const TLS_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'tls');
const cert = readFileSync(join(TLS_DIR, 'self-signed-127.0.0.1.crt'), 'utf8');
const key = readFileSync(join(TLS_DIR, 'self-signed-127.0.0.1.key'), 'utf8');
const CASE_ID = '5853e09d-f441-f948-70c1-6b06dbf28f3d';

let server: https.Server;
let baseUrl: string;
const seen: string[] = [];

beforeAll(async () => {
  nock.restore(); // real sockets in this file
  server = https.createServer({ cert, key }, (request, response) => {
    seen.push(`${request.method} ${request.url}`);
    const capture =
      request.url === '/Api/access_token' ? '03-token-client_credentials-form' : '70-case-get-single';
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(loadCapture(capture).response.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  nock.activate();
});

describe('TLS', () => {
  it('refuses a certificate it cannot verify, and does not retry that', async () => {
    const clock = fakeClock();
    const client = createSuiteCrmClient(testConfig({ baseUrl, clock }));
    let error: unknown;
    try {
      await client.getRecord('Cases', CASE_ID, { parse: rawAttributes });
    } catch (caught) {
      error = caught;
    }
    client.close();
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('unavailable');
    expect((error as BridgeError<'unavailable'>).details.tls).toBe(true);
    expect(clock.sleeps).toEqual([]);
    expect(seen).toEqual([]); // no request got through the handshake
  });

  it('trusts the certificate when it is in the extra CA bundle', async () => {
    const client = createSuiteCrmClient(testConfig({ baseUrl, caBundle: cert }));
    const record = await client.getRecord('Cases', CASE_ID, { parse: rawAttributes });
    client.close();
    expect(record.type).toBe('Case');
    expect(seen).toEqual(['POST /Api/access_token', `GET /Api/V8/module/Cases/${CASE_ID}`]);
  });
});
