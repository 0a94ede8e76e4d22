import type { ChangeLogActor, ChangeLogEntry, ChangeLogField } from '../../catalogue/change-log-entry.js';
import { dataProblem } from '../data-problem.js';
import { floorToMinute } from '../time/local-day.js';

/** One logged change of a field, at a whole minute (docs/business-time.md rule 1.3). */
export interface FieldChange {
  at: number;
  from: string | null;
  to: string | null;
  actor: ChangeLogActor;
  userId: string | null;
}

/**
 * The history of one case field, from its change log: the value before the first logged change
 * and every change in order. The clocks read the past from here, never from the time the bridge
 * happened to poll.
 */
export class FieldHistory {
  constructor(
    readonly field: ChangeLogField,
    readonly initial: string | null,
    readonly changes: readonly FieldChange[],
  ) {}

  /** The value in force at `instant` (changes at or before it applied). */
  valueAt(instant: number): string | null {
    let value = this.initial;
    for (const change of this.changes) {
      if (change.at > instant) break;
      value = change.to;
    }
    return value;
  }

  get current(): string | null {
    const last = this.changes[this.changes.length - 1];
    return last ? last.to : this.initial;
  }

  /** The first value that was not blank, and when it was set (undefined: never set). */
  firstSet(): { value: string; at: number | null } | undefined {
    if (this.initial !== null) return { value: this.initial, at: null };
    for (const change of this.changes) if (change.to !== null) return { value: change.to, at: change.at };
    return undefined;
  }
}

/**
 * Builds a field's history. `normalize` maps blank to the field's default (unknown environment,
 * reportable yes, ...), applied to the log and the record alike. When the log has entries, its
 * last value must be the record's current value: a mismatch means a change bypassed the hook,
 * and the history cannot be trusted.
 */
export function fieldHistory(
  log: readonly ChangeLogEntry[],
  field: ChangeLogField,
  recordValue: string | null,
  normalize: (value: string | null) => string | null,
): FieldHistory {
  const entries = log
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.field === field)
    .sort((a, b) => a.entry.at - b.entry.at || a.index - b.index)
    .map(({ entry }) => entry);
  const current = normalize(recordValue);
  const first = entries[0];
  if (!first) return new FieldHistory(field, current, []);
  const changes = entries.map((entry) => ({
    at: floorToMinute(entry.at),
    from: normalize(entry.from),
    to: normalize(entry.to),
    actor: entry.actor,
    userId: entry.userId,
  }));
  const history = new FieldHistory(field, normalize(first.from), changes);
  if (history.current !== current) {
    dataProblem({ code: 'log_disagrees', field, logged: history.current, current });
  }
  return history;
}

export function blankToNull(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}

export function blankTo(defaultValue: string): (value: string | null) => string {
  return (value) => blankToNull(value) ?? defaultValue;
}
