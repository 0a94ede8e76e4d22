import { isBridgeError } from '../../errors/bridge-error.js';
import type { SuiteCrmClient } from '../../suitecrm/index.js';
import { type CheckResult, pass, skip, warn } from './check.js';

/**
 * Whether SuiteCRM's AOD (Lucene) search indexes every Case save. On a real 7.14.6 it took
 * 48 of a bridge PATCH's 82 ms of PHP CPU (docs/cost.md). The V8 API does not expose
 * `$sugar_config['aod']['enable_aod']`, but what AOD does is visible: with AOD on, every save of a
 * Case records an AOD_IndexEvent for it (modules/AOD_Index/AOD_Index.php index(): Cases are
 * always indexable) stamped at the save. So: take a case saved in the last week and look for an
 * index event of it from that save on. When the API does not show AOD_IndexEvent records to the
 * bridge's user, the check says how to look instead.
 */
const WINDOW_MS = 7 * 24 * 3600_000;
/** An index event is stamped when AOD indexes the save: within moments of the case's date_modified. */
const SLACK_MS = 60_000;
export const AOD_HOW_TO_CHECK =
  "in SuiteCRM, Admin → AOD Settings: untick \"Enable AOD\" (or set $sugar_config['aod']['enable_aod'] = false in config_override.php); see docs/cost.md";

export async function aodCheck(client: SuiteCrmClient, now: number): Promise<CheckResult> {
  let sample: { id: string; modified: number } | undefined;
  const parse = (raw: Record<string, unknown>) => Date.parse(`${String(raw.date_modified)}`);
  for await (const batch of client.readChanged('Cases', {
    since: now - WINDOW_MS,
    fields: ['date_modified'],
    pageSize: 20,
    parse,
  })) {
    const record = batch.records[batch.records.length - 1];
    if (record && Number.isFinite(record.attributes)) sample = { id: record.id, modified: record.attributes };
    break;
  }
  if (sample === undefined)
    return skip(
      'aod',
      `no case was saved in the last 7 days to look at; to check by hand: ${AOD_HOW_TO_CHECK}`,
    );
  let events: number[] = [];
  try {
    for await (const page of client.scanAll('AOD_IndexEvent', {
      filter: { record_module: { eq: 'Cases' }, record_id: { eq: sample.id } },
      fields: ['date_modified'],
      pageSize: 20,
      parse,
    })) {
      events = events.concat(page.map((event) => event.attributes).filter(Number.isFinite));
    }
  } catch (error) {
    if (!isBridgeError(error)) throw error;
    return skip(
      'aod',
      `SuiteCRM's API does not show its AOD index events (${error.code}); to check by hand: ${AOD_HOW_TO_CHECK}`,
    );
  }
  const indexed = events.some((at) => at >= sample.modified - SLACK_MS);
  const details = {
    case: sample.id,
    caseModified: new Date(sample.modified).toISOString(),
    indexEvents: events.length,
  };
  if (indexed) {
    return warn(
      'aod',
      'AOD search indexing is on for Cases: every case the bridge writes is also indexed, about half the PHP CPU of a save',
      `turn it off unless staff use AOD's global search: ${AOD_HOW_TO_CHECK}`,
      details,
    );
  }
  return pass(
    'aod',
    'the last case saves have no AOD index event: AOD search indexing is off for Cases',
    details,
  );
}
