import { LAB_CLIENT } from '../../bridge/src/standin/index.js';

/** Small helpers shared by the benchmarks: repeat until enough time has passed, report ns/op; sign in to the stand-in. */
export interface Rate {
  opsPerSecond: number;
  nsPerOp: number;
  ops: number;
}

export function rate(fn: (i: number) => number, options: { minMs?: number; batch?: number } = {}): Rate {
  const minMs = options.minMs ?? 1000;
  const batch = options.batch ?? 10_000;
  let sink = 0;
  // Warm-up: let the JIT settle before timing.
  for (let i = 0; i < batch; i++) sink += fn(i);
  let ops = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs * 1e6) {
    for (let i = 0; i < batch; i++) sink += fn(ops + i);
    ops += batch;
    elapsed = Number(process.hrtime.bigint() - start);
  }
  if (sink === Number.MIN_SAFE_INTEGER) process.stdout.write(''); // keep `sink` alive
  return { opsPerSecond: (ops / elapsed) * 1e9, nsPerOp: elapsed / ops, ops };
}

export function timeOnce<T>(fn: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export function fmt(value: number, digits = 0): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** A deterministic PRNG (mulberry32) so every run measures the same inputs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An access token from the stand-in's client_credentials client, for requests sent without the bridge's client. */
export async function labAccessToken(apiUrl: string): Promise<string> {
  const answer = await fetch(`${apiUrl}/access_token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: LAB_CLIENT.clientId,
      client_secret: LAB_CLIENT.clientSecret,
    }),
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}
