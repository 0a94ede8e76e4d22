/**
 * A clock's status as a step function of time: each point holds from its instant until the
 * next. Several points may share an instant (breached and met late in the same minute); the
 * last one is the status from then on, the others still happened (and make events).
 */
export interface StatusPoint<S extends string> {
  at: number;
  status: S;
  /** The due time shown while this status holds; null when there is none (paused, not covered...). */
  due: number | null;
}

export function statusAt<S extends string>(
  points: readonly StatusPoint<S>[],
  instant: number,
): StatusPoint<S> | null {
  let found: StatusPoint<S> | null = null;
  for (const point of points) {
    if (point.at > instant) break;
    found = point;
  }
  return found;
}

/** The first instant after `instant` at which the status or due changes. */
export function nextChangeAfter<S extends string>(
  points: readonly StatusPoint<S>[],
  instant: number,
): number | null {
  let current = statusAt(points, instant);
  for (const point of points) {
    if (point.at <= instant) continue;
    if (!current || point.status !== current.status || point.due !== current.due) return point.at;
    current = point;
  }
  return null;
}

/** A stretch of time during which a case has no SLA (withdrawn, not reportable). */
export interface NoSlaPeriod<S extends string> {
  from: number;
  to: number | null;
  status: S;
}

/**
 * Lays no-SLA periods over a clock: inside a period the status is the period's (withdrawn, not
 * covered) with no due; when it ends the clock's own status shows again. Earlier periods in
 * the list win where they overlap.
 */
export function overlay<S extends string>(
  points: readonly StatusPoint<S>[],
  periods: readonly NoSlaPeriod<S>[],
): StatusPoint<S>[] {
  if (periods.length === 0) return [...points];
  const cover = (instant: number): NoSlaPeriod<S> | undefined =>
    periods.find((period) => period.from <= instant && (period.to === null || instant < period.to));
  const out: Array<StatusPoint<S> & { order: number }> = [];
  points.forEach((point, index) => {
    const period = cover(point.at);
    out.push({ ...(period ? { at: point.at, status: period.status, due: null } : point), order: index });
  });
  for (const period of periods) {
    out.push({ at: period.from, status: (cover(period.from) ?? period).status, due: null, order: -1 });
    if (period.to !== null) {
      const inside = cover(period.to);
      const underlying = statusAt(points, period.to);
      if (inside) out.push({ at: period.to, status: inside.status, due: null, order: -1 });
      else if (underlying) out.push({ ...underlying, at: period.to, order: -1 });
    }
  }
  // Stable: at one instant, boundary points first, then the clock's own points in their order.
  out.sort((a, b) => a.at - b.at || a.order - b.order);
  const first = points[0];
  return out
    .filter((point) => !first || point.at >= first.at)
    .map(({ at, status, due }) => ({ at, status, due }));
}

/** The instants at which a clock enters a status, in order (for events). */
export function entries<S extends string>(points: readonly StatusPoint<S>[], status: S): number[] {
  const out: number[] = [];
  let previous: S | null = null;
  for (const point of points) {
    if (point.status === status && previous !== status) out.push(point.at);
    previous = point.status;
  }
  return out;
}
