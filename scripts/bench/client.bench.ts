import http from 'node:http';
import { MODULE_CODECS } from '../../bridge/src/catalogue/index.js';
import { startStandInProcess } from '../../bridge/src/demo/standin-process.js';
import { LAB_CLIENT } from '../../bridge/src/standin/index.js';
import { createSuiteCrmClient, RETRY_POLICIES, systemClock } from '../../bridge/src/suitecrm/index.js';
import { fmt, labAccessToken } from './measure.js';

/**
 * What one V8 request costs the bridge in CPU, through the real client (axios, zod, the data
 * contract's parsers), against the stand-in in its own process: a PATCH of one field, as the
 * sync sends it (4 in flight), and a list page of 100 Cases. A bare `node:http` PATCH with the
 * same body and keep-alive is the baseline, so the client's overhead reads as a ratio. This is
 * the floor under the sync's CPU per record: the V8 API has no bulk update, so every record
 * whose fields differ costs one PATCH.
 */
const PATCHES = 3_000;
const IN_FLIGHT = 4;

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function inParallel(count: number, send: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = process.cpuUsage();
  const worker = async () => {
    while (next < count) await send(next++);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return cpuMs(started);
}

function barePatch(agent: http.Agent, url: URL, token: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'PATCH',
        agent,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/vnd.api+json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          JSON.parse(Buffer.concat(chunks).toString('utf8'));
          if (response.statusCode !== 201) reject(new Error(`PATCH answered ${response.statusCode}`));
          else resolve();
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export async function benchClient(log: (line: string) => void): Promise<void> {
  const standIn = await startStandInProcess({ now: Date.now(), seed: 42, accounts: 300, clock: 'running' });
  const client = createSuiteCrmClient({
    baseUrl: standIn.url,
    apiPath: '/Api',
    auth: { grant: 'client_credentials', ...LAB_CLIENT },
    timeoutMs: 30_000,
    retry: RETRY_POLICIES.standard,
    clock: systemClock,
  });
  const agent = new http.Agent({ keepAlive: true });
  try {
    const parse = (raw: Record<string, unknown>) => MODULE_CODECS.Cases.parse(raw);
    const scan = async () => {
      const ids: string[] = [];
      for await (const page of client.scanAll('Cases', { parse }))
        for (const record of page) ids.push(record.id);
      return ids;
    };
    const ids = await scan(); // warm-up: token, JIT
    const pages = Math.ceil(ids.length / 100);
    const listStart = process.cpuUsage();
    for (let round = 0; round < 5; round++) await scan();
    const listMs = cpuMs(listStart) / (5 * pages);

    const owned = (raw: Record<string, unknown>) =>
      MODULE_CODECS.Cases.parse({ sla_explanation_c: raw.sla_explanation_c });
    const idAt = (index: number) => ids[index % ids.length] as string;
    const viaClient = (index: number) =>
      client
        .updateRecord('Cases', idAt(index), { sla_explanation_c: `bench ${index}` }, { parse: owned })
        .then(() => undefined);
    await inParallel(300, viaClient); // warm-up
    const clientMs = (await inParallel(PATCHES, viaClient)) / PATCHES;

    const token = await labAccessToken(standIn.apiUrl);
    const url = new URL(`${standIn.apiUrl}/V8/module`);
    const bare = (index: number) =>
      barePatch(
        agent,
        url,
        token,
        JSON.stringify({
          data: { type: 'Cases', id: idAt(index), attributes: { sla_explanation_c: `bare ${index}` } },
        }),
      );
    await inParallel(300, bare); // warm-up
    const bareMs = (await inParallel(PATCHES, bare)) / PATCHES;

    log('V8 client CPU per request (stand-in in its own process, 4 requests in flight)');
    log(
      `  PATCH of one field      ${fmt(clientMs, 3)} ms through the client; bare node:http ${fmt(bareMs, 3)} ms (client ${fmt(clientMs / bareMs, 1)}x); ${fmt(PATCHES)} PATCHes each`,
    );
    log(
      `  list page of 100 Cases  ${fmt(listMs, 3)} ms (${fmt(listMs / 100, 4)} ms a record), parsed by the data contract`,
    );
  } finally {
    agent.destroy();
    client.close();
    await standIn.stop();
  }
}
