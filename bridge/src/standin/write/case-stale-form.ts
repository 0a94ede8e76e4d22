import { decodeHTMLStrict } from 'entities';
import { CATALOGUE } from '../../catalogue/catalogue.js';
import { escapeChangeLogValue } from '../../catalogue/change-log.js';

/**
 * A person's save from a page opened before someone else's save (mirrors
 * SupportSla_StaleForm.php). SuiteCRM 8's record view posts every attribute, the change log
 * included, so the log it posts is the copy the page loaded. When the stored log starts with
 * that copy, the entries after it are saves the person has not seen; for a tracked field one of
 * them changed, the value the person saw is that field's "from" in the first of them, and a
 * post of exactly that value is a re-post, not a change: the stored value is kept. SuiteCRM 7's
 * forms post no log (the bean holds the stored one), so nothing is touched for them.
 */
type Values = Record<string, string | null>;

function text(value: string | null | undefined): string {
  return value ?? '';
}

/** The stored entries written after the posted copy of the log (none unless it is an earlier copy). */
export function unseenEntries(posted: string, stored: string): string[] {
  if (posted === '' || posted === stored) return [];
  const prefix = `${posted};`;
  if (stored.length <= prefix.length || !stored.startsWith(prefix)) return [];
  return stored.slice(prefix.length).split(';');
}

function firstFrom(entries: readonly string[], logName: string): string | undefined {
  for (const entry of entries) {
    const parts = entry.split('|');
    if (parts.length === 6 && parts[1] === logName) return parts[2] as string;
  }
  return undefined;
}

export function keepUnseenChanges(bean: Values, stored: Readonly<Values>, logField: string): void {
  const unseen = unseenEntries(text(bean[logField]), text(stored[logField]));
  if (unseen.length === 0) return;
  for (const [logName, field] of Object.entries(CATALOGUE.changeLog.tracked)) {
    if (field === undefined) continue;
    const seen = firstFrom(unseen, logName);
    if (seen === undefined) continue;
    if (escapeChangeLogValue(decodeHTMLStrict(text(bean[field]))) === seen)
      bean[field] = stored[field] ?? null;
  }
}
