/**
 * SuiteCRM HTML-encodes & < > " ' on every save, so text the bridge writes must not contain
 * them or the next read would differ and the sync would write forever. Staff text quoted in an
 * explanation (a downgrade reason) is made safe here; templates never use these characters.
 */
const REPLACEMENTS: Record<string, string> = { '&': '+', '<': '(', '>': ')', '"': '', "'": '’' };

export function safeText(text: string): string {
  return text.replace(/[&<>"']/g, (character) => REPLACEMENTS[character] ?? '');
}

export function isSafeText(text: string): boolean {
  return !/[&<>"']/.test(text);
}

/** Cuts a text to a varchar length (characters), ending with an ellipsis when cut. */
export function fitLength(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
