/** `at('2024-06-05T08:00Z')` → epoch ms; `iso(ms)` → `2024-06-05T08:00Z` (tests read and write whole minutes). */
export function at(text: string): number {
  const ms = Date.parse(text.length === 17 ? text.replace('Z', ':00Z') : text);
  if (Number.isNaN(ms)) throw new Error(`bad instant in test: ${text}`);
  return ms;
}

export function iso(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16)}Z`;
}

export function minuteOf(text: string): number {
  return at(text) / 60_000;
}
