import type { CaseFields } from './case-fields.js';
import type { CaseRecord } from './case-record.js';

/**
 * The bridge's echo of the case's SLA input stamp (docs/freshness.md#being-updated). The package's
 * Cases hook stamps `sla_input_stamp_c` on every save that is not the bridge's and that creates
 * the case or changes what its SLA is computed from; the views say "SLA being updated" while the
 * stamp differs from `sla_input_seen_c`. The desired echo is the stamp of the case as it was read
 * for this evaluation, so it is written in the same PATCH as the fields computed from those
 * inputs, and only when the stamp moved (the sync writes differences only). A save made after
 * that read leaves a newer stamp, which the next pass echoes.
 */
export function caseInputEcho(record: Pick<CaseRecord, 'inputStamp'>): Pick<CaseFields, 'sla_input_seen_c'> {
  const stamp = record.inputStamp ?? null;
  return { sla_input_seen_c: stamp === null || stamp.trim() === '' ? null : stamp };
}
