import nock from 'nock';
import { afterEach, beforeAll } from 'vitest';
import { forgetSecretsForTests } from '../../../bridge/src/logging/redact.js';
import {
  type ChangedBatch,
  createSuiteCrmClient,
  type SuiteCrmClient,
} from '../../../bridge/src/suitecrm/index.js';
import { loadCapture } from '../../support/capture-file.js';
import { BASE_URL, replayToken, splitPath, testConfig } from '../../support/v8-replay.js';

/**
 * What the read tests (fixtures README items 14-19, 24-30 and 38) share: captured list bodies,
 * a client answered by replayed captures, and list routes that record every query sent.
 */
export interface Resource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  relationships?: unknown;
}
export interface ListBody {
  meta?: Record<string, unknown>;
  data: Resource[];
  links?: Record<string, string | null>;
}

export function body(name: string): ListBody {
  return JSON.parse(loadCapture(name).response.body) as ListBody;
}

export function summary(batches: ReadonlyArray<ChangedBatch<unknown>>) {
  return batches.map((batch) => ({
    ids: batch.records.map((record) => record.id),
    completeBefore: new Date(batch.completeBefore).toISOString().slice(11, 16),
    last: batch.last,
  }));
}

export async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}

/**
 * The client of the running test, made by freshClient(); an exported let so that each test file
 * reads the current one (ESM bindings are live).
 */
export let client: SuiteCrmClient;

/** No real network, and no replies or remembered secrets carried from one test to the next. */
export function replayHooks(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    forgetSecretsForTests();
  });
}

export function freshClient(pageSize?: number): void {
  client = createSuiteCrmClient(testConfig(pageSize === undefined ? {} : { pageSize }));
  replayToken(1);
}

/** Records every list query the client sends, answering each from the queue. */
export function listRoute(
  pathname: string,
  answers: Array<{ body: string; date?: string }>,
): Array<Record<string, string>> {
  const seen: Array<Record<string, string>> = [];
  nock(BASE_URL)
    .get(pathname)
    .query(true)
    .times(answers.length)
    .reply((uri) => {
      seen.push(splitPath(uri).query);
      const answer = answers[seen.length - 1] as { body: string; date?: string };
      return [
        200,
        answer.body,
        { 'Content-Type': 'application/vnd.api+json', Date: answer.date ?? 'Wed, 25 Nov 2026 13:00:44 GMT' },
      ];
    });
  return seen;
}
