import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { ROOT } from '../../support/run-cli.js';
import { describeStore } from '../../support/store-backends.js';

const run = promisify(execFile);
const CHILD = join(ROOT, 'test', 'support', 'store-tz-child.ts');

const WINTER = Date.UTC(2026, 0, 15, 14, 37, 0);
const SUMMER = Date.UTC(2026, 6, 1, 8, 5, 0);
const AUTUMN_REPEAT = Date.UTC(2026, 9, 25, 1, 30, 0);

async function child(tz: string, url: string, mode: 'write' | 'read', tag: string) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, url, mode, tag], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', TZ: tz, LOG_LEVEL: 'error' },
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describeStore('instants stored in UTC whatever the host zone', (env) => {
  it('round-trips instants written under America/New_York and read under Asia/Kolkata', async () => {
    await env.writeUnfenced((repositories) => repositories.trackingStart.set('2026-03-30', 'test'));
    const written = await child('America/New_York', env.url, 'write', 'ny');
    expect(written).toMatchObject({
      tz: 'America/New_York',
      offsetMinutes: 300,
      cursor: WINTER,
      event: SUMMER,
      transition: AUTUMN_REPEAT,
      dateModified: SUMMER,
      trackingStart: { at: Date.UTC(2026, 2, 29, 23, 0), date: '2026-03-30' },
    });
    const readElsewhere = await child('Asia/Kolkata', env.url, 'read', 'ny');
    expect(readElsewhere).toMatchObject({
      offsetMinutes: -330,
      cursor: WINTER,
      event: SUMMER,
      transition: AUTUMN_REPEAT,
    });
    // And in this process, whatever its zone.
    expect(await env.store.read((readers) => readers.cursors.get('ny-cursor'))).toMatchObject({ at: WINTER });
    expect((await env.store.read((readers) => readers.events.forCase('ny')))[0]?.at).toBe(SUMMER);
  });

  it('reads under America/New_York what this process wrote', async () => {
    await env.write((repositories) =>
      repositories.cursors.save('here-cursor', { at: AUTUMN_REPEAT, lastId: 'x' }),
    );
    const read = await child('America/New_York', env.url, 'read', 'here');
    expect(read).toMatchObject({ cursor: AUTUMN_REPEAT, trackingStart: { date: '2026-03-30' } });
  });
});
