/**
 * Every write request the API received (POST, PATCH, DELETE under /V8, never the token), with
 * the attributes it carried, so a test can check what a client sent: e.g. that the bridge's
 * PATCHes carry only the fields the bridge owns. Off unless asked for (`journalWrites`), so a
 * benchmark's stand-in does not grow with every PATCH. Bearer tokens are never recorded.
 */
export interface JournalEntry {
  /** The stand-in's clock when the request arrived. */
  at: number;
  method: string;
  route: string;
  module: string | undefined;
  /** `data.id` of the body, or the record id in the path of a DELETE. */
  id: string | undefined;
  /** `data.attributes` of the body (empty when none). */
  attributes: Record<string, unknown>;
  /** The status SuiteCRM's handler answered; null when a fault answered instead (nothing applied). */
  status: number | null;
  /** The fault this request met, if any (a `drop`, `truncate` or `slow` write was still applied). */
  fault: string | null;
}

export class WriteJournal {
  private entries: JournalEntry[] = [];

  constructor(public enabled = false) {}

  record(entry: JournalEntry): void {
    if (this.enabled) this.entries.push(entry);
  }

  list(): JournalEntry[] {
    return this.entries.map((entry) => ({ ...entry, attributes: { ...entry.attributes } }));
  }

  clear(): void {
    this.entries = [];
  }
}

/** `data.id` and `data.attributes` of a JSON:API body, when it has them. */
export function bodyParts(body: unknown): { id: string | undefined; attributes: Record<string, unknown> } {
  const data = body !== null && typeof body === 'object' ? (body as { data?: unknown }).data : undefined;
  if (data === null || typeof data !== 'object') return { id: undefined, attributes: {} };
  const { id, attributes } = data as { id?: unknown; attributes?: unknown };
  return {
    id: typeof id === 'string' ? id : undefined,
    attributes:
      attributes !== null && typeof attributes === 'object' && !Array.isArray(attributes)
        ? { ...(attributes as Record<string, unknown>) }
        : {},
  };
}
