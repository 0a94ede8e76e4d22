/**
 * SLA events: a timeline computed from a record's inputs, the policy and `now`, never a diff
 * between two polls. Each event has a deterministic key (record, type, clock, instant, policy
 * version), so the ledger can insert them idempotently and ends up the same whether the bridge
 * ticked every minute or was down for an hour.
 */
export const SLA_EVENT_TYPES = [
  'reported',
  'acknowledged',
  'paused',
  'resumed',
  'at_risk',
  'breached',
  'met',
  'severity_capped',
  'downgraded',
  'hours_warning',
  'hours_exhausted',
  'renewal_due',
  'renewed',
  'lapsed',
  'ended_early',
  'restated',
] as const;
export type SlaEventType = (typeof SLA_EVENT_TYPES)[number];

/** Which clock an at-risk / breached / met event is about. */
export type SlaClock = 'response' | 'resolution';

export type EventModule = 'Cases' | 'Accounts';

export interface SlaEvent {
  key: string;
  module: EventModule;
  recordId: string;
  type: SlaEventType;
  clock: SlaClock | null;
  /** Epoch milliseconds, a whole minute. */
  at: number;
  policyVersion: string;
  /** What caused it, in plain English for the ledger (the explanation field carries the policy's language). */
  cause: string;
}

export function eventKey(
  module: EventModule,
  recordId: string,
  type: SlaEventType,
  clock: SlaClock | null,
  at: number,
  policyVersion: string,
): string {
  const instant = new Date(at).toISOString().slice(0, 16);
  return `${module}/${recordId}/${clock ? `${clock}.` : ''}${type}/${instant}Z/${policyVersion}`;
}

export function slaEvent(fields: Omit<SlaEvent, 'key'>): SlaEvent {
  return {
    key: eventKey(fields.module, fields.recordId, fields.type, fields.clock, fields.at, fields.policyVersion),
    ...fields,
  };
}

/** Events up to `now`, in time order (ties by key), without duplicate keys. */
export function timelineUpTo(events: readonly SlaEvent[], now: number): SlaEvent[] {
  const byKey = new Map<string, SlaEvent>();
  for (const event of events) if (event.at <= now && !byKey.has(event.key)) byKey.set(event.key, event);
  return [...byKey.values()].sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
