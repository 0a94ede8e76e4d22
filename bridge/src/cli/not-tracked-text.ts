import { NOT_TRACKED_REASONS, NOT_TRACKED_WORDS, type NotTrackedReason } from '../domain/index.js';

/** Cases not tracked, by reason: every known reason (0 when none), then any other stored one. */
export interface NotTrackedCounts {
  total: number;
  byReason: Record<string, number>;
}

export function notTrackedCounts(counts: Readonly<Record<string, number>>): NotTrackedCounts {
  const byReason: Record<string, number> = {};
  for (const reason of NOT_TRACKED_REASONS) byReason[reason] = counts[reason] ?? 0;
  for (const [reason, count] of Object.entries(counts)) if (!(reason in byReason)) byReason[reason] = count;
  return { total: Object.values(byReason).reduce((sum, count) => sum + count, 0), byReason };
}

/** "12 cases (10 reported before the tracking start, 2 created before the package was installed)". */
export function notTrackedText(counts: NotTrackedCounts): string {
  if (counts.total === 0) return 'none';
  const parts = Object.entries(counts.byReason)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${count} ${NOT_TRACKED_WORDS[reason as NotTrackedReason] ?? reason}`);
  return `${counts.total} case${counts.total === 1 ? '' : 's'} (${parts.join(', ')})`;
}
