import { isClosedStatus, STATUS_PENDING_INPUT } from './case-record.js';
import type { FieldHistory } from './field-history.js';
import type { Phase } from './resolution-clock.js';

function kindOf(status: string | null): Phase['kind'] {
  if (status === null) return 'running'; // before the case was typed in: it was already reported
  if (status === STATUS_PENDING_INPUT) return 'pending_input';
  return isClosedStatus(status) ? 'closed' : 'running';
}

/** What the case was doing from the report on, from its status history. */
export function statusPhases(status: FieldHistory, start: number): Phase[] {
  const initial = status.valueAt(start);
  const phases: Phase[] = [{ from: start, kind: kindOf(initial), status: initial ?? '' }];
  for (const change of status.changes) {
    if (change.at <= start) continue;
    const last = phases[phases.length - 1] as Phase;
    const kind = kindOf(change.to);
    const next = change.to ?? '';
    if (kind === last.kind && (kind !== 'closed' || next === last.status)) continue;
    phases.push({ from: change.at, kind, status: next });
  }
  return phases;
}
