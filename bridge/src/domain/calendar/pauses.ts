import { BridgeError } from '../../errors/bridge-error.js';

/** A half-open pause [start, end) in epoch minutes ("waiting on the customer"). */
export type MinutePause = readonly [number, number];

/** Sorted and merged: overlapping or touching pauses count once (docs/business-time.md rule 2.6). */
export function mergePauses(pauses: readonly MinutePause[]): MinutePause[] {
  const valid: MinutePause[] = [];
  for (const [start, end] of pauses) {
    if (end < start) throw new BridgeError('input_invalid', 'a pause ends before it starts');
    if (end > start) valid.push([start, end]);
  }
  if (valid.length < 2) return valid;
  valid.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of valid) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
