import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandIn, startStandIn } from '../../../bridge/src/standin/index.js';
import { type HttpRelay, startRelay } from '../../support/http-relay.js';
import { BIN, type CliResult, ROOT, runCli } from '../../support/run-cli.js';
import { MARIADB, needMariaDb } from '../../support/services.js';

/**
 * Secrets never reach logs, errors or `--json` output. A whole operator's session runs with
 * debug logging as JSON lines (migrate, tracking-start, sync --dry-run, a sync that meets an
 * expired token and failing writes, syncs, explain, policy show, a daemon tick, doctor,
 * status and events, text and --json), plus sign-ins that fail (a wrong password,
 * which SuiteCRM echoes back in its error; a wrong client secret) and a store password that is
 * wrong. Every line any of them printed, on stdout or stderr, is searched for every configured
 * secret and every access and refresh token SuiteCRM issued (seen on the wire by a relay in
 * front of the stand-in).
 */
const mariadb = await needMariaDb();
const PASSWORD_CLIENT = { id: '3f1c2a8e-7b64-4c1d-9a55-cc0000000002', secret: 'lab-pw-secret-0001' };
const API_USER = { name: 'admin', password: 'Admin123!lab' };
const suffix = randomBytes(5).toString('hex');
const DB = {
  user: `sla_sec_${suffix}`,
  password: `Db-${randomBytes(9).toString('hex')}`,
  name: `sla_sec_${suffix}`,
};
const WRONG = {
  password: `Wrong-${randomBytes(6).toString('hex')}`,
  secret: `wrong-secret-${randomBytes(6).toString('hex')}`,
  dbPassword: `Db-wrong-${randomBytes(6).toString('hex')}`,
};

let standIn: StandIn;
let relay: HttpRelay;
let env: Record<string, string>;
const outputs: Array<{ command: string; stream: 'stdout' | 'stderr'; text: string }> = [];
const results = new Map<string, CliResult>();

async function admin<T>(fn: (connection: mysql.Connection) => Promise<T>): Promise<T> {
  const connection = await mysql.createConnection(MARIADB);
  try {
    return await fn(connection);
  } finally {
    await connection.end();
  }
}

async function cli(label: string, args: string[], extra: Record<string, string> = {}): Promise<CliResult> {
  const result = await runCli(args, { env: { ...env, ...extra } });
  outputs.push({ command: label, stream: 'stdout', text: result.stdout });
  outputs.push({ command: label, stream: 'stderr', text: result.stderr });
  results.set(label, result);
  return result;
}

/** `sla-bridge run` until its first tick is done, then SIGTERM. */
async function daemonTick(): Promise<number | null> {
  const child = spawn(process.execPath, [BIN, 'run'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  const ticked = new Promise<void>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (/"message":"tick (done|failed)"/.test(stderr)) resolve();
    });
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await Promise.race([ticked, exited, new Promise((resolve) => setTimeout(resolve, 60_000))]);
  child.kill('SIGTERM');
  const code = await exited;
  outputs.push(
    { command: 'run', stream: 'stdout', text: stdout },
    { command: 'run', stream: 'stderr', text: stderr },
  );
  return code;
}

beforeAll(async () => {
  standIn = await startStandIn({ seed: 3, scale: { accounts: 4 }, clock: 'running' });
  relay = await startRelay(standIn.url);
  let storeUrl = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'bridge.sqlite');
  if (!mariadb.skip) {
    await admin(async (c) => {
      await c.query('CREATE DATABASE ?? CHARACTER SET utf8mb4 COLLATE utf8mb4_bin', [DB.name]);
      await c.query('CREATE USER ?@? IDENTIFIED BY ?', [DB.user, '%', DB.password]);
      await c.query('GRANT ALL ON ??.* TO ?@?', [DB.name, DB.user, '%']);
    });
    storeUrl = `mysql://${DB.user}:${encodeURIComponent(DB.password)}@${MARIADB.host}:${MARIADB.port}/${DB.name}`;
  }
  env = {
    SUITECRM_URL: relay.url,
    SUITECRM_API_PATH: '/Api',
    SUITECRM_CLIENT_ID: PASSWORD_CLIENT.id,
    SUITECRM_CLIENT_SECRET: PASSWORD_CLIENT.secret,
    SUITECRM_USERNAME: API_USER.name,
    SUITECRM_PASSWORD: API_USER.password,
    SUITECRM_PAGE_SIZE: '20',
    BRIDGE_STORE_URL: storeUrl,
    LOG_LEVEL: 'debug',
    LOG_FORMAT: 'json',
  };

  const help = await cli('--help', ['--help']);
  expect((await cli('migrate', ['migrate', '--json'])).status).toBe(0);
  expect((await cli('tracking-start', ['tracking-start', '--set', '2020-01-01', '--json'])).status).toBe(0);
  expect((await cli('sync --dry-run', ['sync', '--dry-run', '--json'])).status).toBe(0);
  // A sync that meets an expired token (signs in again with the refresh token) and then
  // SuiteCRM refusing its writes: retries, warnings and the final error all get printed.
  standIn.control.injectFault({ kind: 'expire-token', match: { route: 'list', module: 'Cases' }, skip: 1 });
  standIn.control.injectFault({ kind: 'error', match: { method: 'PATCH' }, skip: 5, times: Infinity });
  expect((await cli('sync (failing writes)', ['sync', '--json'])).status).toBe(3);
  standIn.control.clearFaults();
  expect((await cli('sync --json', ['sync', '--json'])).status).toBe(0);
  expect((await cli('sync', ['sync'])).status).toBe(0);
  const caseRow = standIn.store.table('Cases').byId.at(0);
  expect((await cli('explain --json', ['explain', String(caseRow?.case_number), '--json'])).status).toBe(0);
  expect((await cli('explain', ['explain', String(caseRow?.id)])).status).toBe(0);
  expect((await cli('policy show', ['policy', 'show', '--json'])).status).toBe(0);
  expect(await daemonTick()).toBe(0);
  for (const command of ['doctor', 'status', 'events']) {
    expect(help.stdout).toMatch(new RegExp(`^\\s{2}${command}\\b`, 'm'));
    // doctor may find something to warn about or fail (exit 1); none of them may crash.
    expect([0, 1]).toContain((await cli(command, [command])).status);
    expect([0, 1]).toContain((await cli(`${command} --json`, [command, '--json'])).status);
  }
  // Sign-ins that fail, and a store password that is wrong.
  await cli('sync (wrong password)', ['sync', '--json'], { SUITECRM_PASSWORD: WRONG.password });
  await cli('sync (wrong client secret)', ['sync', '--json'], { SUITECRM_CLIENT_SECRET: WRONG.secret });
  if (!mariadb.skip) {
    await cli('status of the store (wrong password)', ['tracking-start', '--json'], {
      BRIDGE_STORE_URL:
        env.BRIDGE_STORE_URL?.replace(encodeURIComponent(DB.password), WRONG.dbPassword) ?? '',
    });
  }
}, 240_000);

afterAll(async () => {
  await relay?.close();
  await standIn?.close();
  if (!mariadb.skip) {
    await admin(async (c) => {
      await c.query('DROP DATABASE IF EXISTS ??', [DB.name]);
      await c.query('DROP USER IF EXISTS ?@?', [DB.user, '%']);
    });
  }
});

/** Every token the stand-in issued, and the signature part of each (a JWT's unique part). */
function issuedTokens(): string[] {
  const tokens: string[] = [];
  for (const exchange of relay.exchanges) {
    if (!exchange.path.endsWith('/access_token') || exchange.status !== 200) continue;
    const body = JSON.parse(exchange.responseBody) as { access_token?: string; refresh_token?: string };
    for (const token of [body.access_token, body.refresh_token]) {
      if (!token) continue;
      tokens.push(token);
      const signature = token.split('.')[2];
      if (signature && signature.length >= 16) tokens.push(signature);
    }
  }
  return tokens;
}

describe('secrets in a whole session with debug logging', () => {
  it('ran what it says: commands, debug lines, token renewals, failed sign-ins', () => {
    const stderr = outputs
      .filter((o) => o.stream === 'stderr')
      .map((o) => o.text)
      .join('\n');
    expect(stderr).toMatch(/"level":"debug"/);
    expect(stderr).toMatch(/"message":"suitecrm request"/);
    expect(stderr).toMatch(/"message":"access token rejected; signing in again"/);
    expect(stderr).toMatch(/"message":"write failed"/);
    expect(results.get('sync (wrong password)')?.status).toBe(3);
    expect(results.get('sync (wrong password)')?.stderr).toMatch(/sla-bridge: auth_failed: /);
    expect(results.get('sync (wrong client secret)')?.status).toBe(3);
    if (!mariadb.skip) expect(results.get('status of the store (wrong password)')?.status).toBe(4);
    // SuiteCRM did echo the wrong password in its answer: the bridge had it in hand.
    expect(relay.exchanges.some((e) => e.status === 500 && e.responseBody.includes(WRONG.password))).toBe(
      true,
    );
    // Several tokens were issued: the first sign-in of each run, and the renewals.
    expect(issuedTokens().length).toBeGreaterThanOrEqual(10);
  });

  it('no line of stdout or stderr holds a configured secret or an issued token', () => {
    const secrets: Array<[string, string]> = [
      ['client secret', PASSWORD_CLIENT.secret],
      ['password', API_USER.password],
      ['wrong password', WRONG.password],
      ['wrong client secret', WRONG.secret],
      ...(mariadb.skip
        ? []
        : ([
            ['store password', DB.password],
            ['wrong store password', WRONG.dbPassword],
          ] as Array<[string, string]>)),
      ...issuedTokens().map((token, index): [string, string] => [`token #${index}`, token]),
    ];
    const leaks: string[] = [];
    let lines = 0;
    for (const output of outputs) {
      for (const line of output.text.split('\n')) {
        lines++;
        for (const [name, value] of secrets) {
          if (line.includes(value))
            leaks.push(`${output.command} ${output.stream}: ${name}: ${line.slice(0, 200)}`);
        }
      }
    }
    expect(lines).toBeGreaterThan(500);
    expect(leaks).toEqual([]);
  });

  it('every --json output is JSON (or JSON Lines), and every log line is a JSON object', () => {
    for (const output of outputs) {
      if (output.stream === 'stdout' && output.command.includes('--json') && output.text.trim() !== '') {
        // One JSON document, or JSON Lines (`events --json`).
        const lines = output.text.split('\n').filter((line) => line.trim() !== '');
        const parses = (text: string) => {
          try {
            JSON.parse(text);
            return true;
          } catch {
            return false;
          }
        };
        expect(parses(output.text) || lines.every(parses), output.command).toBe(true);
      }
      // `policy show --json` puts the policy version on stderr as a note, by design.
      if (output.stream === 'stderr' && output.command !== 'policy show') {
        for (const line of output.text.split('\n').filter((l) => l.trim() !== '')) {
          // The one exception: the final one-line error a failing command prints.
          if (line.startsWith('sla-bridge: ') || line.startsWith('(node:')) continue;
          expect(() => JSON.parse(line), `${output.command}: ${line.slice(0, 120)}`).not.toThrow();
        }
      }
    }
  });
});
