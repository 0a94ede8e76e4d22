import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/raw-http.js';

const MAIN = 'build/bridge/src/standin/main.js';

interface Ready {
  url: string;
  apiUrl: string;
  control: string;
  pid: number;
  counts: Record<string, number>;
}

describe('the stand-in in its own process', () => {
  let child: ChildProcess | undefined;

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints its URL as one JSON line, serves the API and the control endpoint, and stops on SIGTERM', async () => {
    expect(existsSync(MAIN), `${MAIN} is missing: run npm run build (npm test does)`).toBe(true);
    child = spawn(
      process.execPath,
      [
        MAIN,
        '--port',
        '0',
        '--seed',
        '4',
        '--accounts',
        '3',
        '--now',
        '2026-11-25T12:00:00Z',
        '--clock',
        'frozen',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const first = await new Promise<string>((resolve) => lines.once('line', resolve));
    const ready = JSON.parse(first) as Ready;
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.apiUrl).toBe(`${ready.url}/Api`);
    expect(ready.counts).toEqual({ Accounts: 3, Cases: 30, SLA_TimeEntries: 90 });

    const tokenAnswer = await rawRequest(ready.url, {
      method: 'POST',
      path: '/Api/access_token',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=3f1c2a8e-7b64-4c1d-9a55-cc0000000001&client_secret=lab-cc-secret-0001',
    });
    expect(tokenAnswer.status).toBe(200);
    const { access_token: accessToken } = JSON.parse(tokenAnswer.body) as { access_token: string };
    const cases = await rawRequest(ready.url, {
      method: 'GET',
      path: '/Api/V8/module/Cases?page[size]=100&page[number]=1&sort=id&fields[Cases]=name',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(cases.status).toBe(200);
    expect(JSON.parse(cases.body).data).toHaveLength(30);
    const state = await rawRequest(ready.url, { method: 'GET', path: '/__standin/state' });
    expect(JSON.parse(state.body).now).toBe('2026-11-25T12:00:00.000Z');

    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
