/**
 * Run by the UTC round-trip test in a child process with another TZ (the host zone must never
 * leak into stored instants): `node --import tsx store-tz-child.ts <store url> write|read <tag>`.
 * Prints one JSON line: the host's UTC offset and what the store holds for <tag>.
 */
import { openStore } from '../../bridge/src/store/index.js';

const [url, mode, tag] = process.argv.slice(2);
if (!url || !tag || (mode !== 'write' && mode !== 'read')) throw new Error('usage: <url> write|read <tag>');

// Instants in both halves of the year, and one in London's repeated autumn hour.
const INSTANTS = {
  winter: Date.UTC(2026, 0, 15, 14, 37, 0),
  summer: Date.UTC(2026, 6, 1, 8, 5, 0),
  autumnRepeat: Date.UTC(2026, 9, 25, 1, 30, 0),
};

const store = await openStore(url);
try {
  if (mode === 'write') {
    await store.writeUnfenced(async (repositories) => {
      await repositories.cursors.save(`${tag}-cursor`, { at: INSTANTS.winter, lastId: null });
      await repositories.events.insertMany([
        {
          key: `${tag}-event`,
          module: 'Cases',
          recordId: tag,
          type: 'breached',
          clock: 'response',
          at: INSTANTS.summer,
          policyVersion: 'p',
          cause: 'tz',
        },
      ]);
      await repositories.transitions.setMany([
        { module: 'Cases', recordId: tag, dueAt: INSTANTS.autumnRepeat, reason: 'tz' },
      ]);
      await repositories.inputs.upsertMany([
        { module: 'Cases', recordId: tag, accountId: null, dateModified: INSTANTS.summer, data: {} },
      ]);
    });
  }
  const out = await store.read(async (readers) => ({
    cursor: (await readers.cursors.get(`${tag}-cursor`))?.at ?? null,
    event: (await readers.events.forCase(tag))[0]?.at ?? null,
    transition: (await readers.transitions.getMany('Cases', [tag])).get(tag)?.dueAt ?? null,
    dateModified: (await readers.inputs.get('Cases', tag))?.dateModified ?? null,
    trackingStart: await readers.trackingStart.get(),
  }));
  process.stdout.write(
    `${JSON.stringify({ tz: process.env.TZ, offsetMinutes: new Date(INSTANTS.winter).getTimezoneOffset(), ...out })}\n`,
  );
} finally {
  await store.close();
}
