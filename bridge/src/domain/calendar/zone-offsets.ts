import { IANAZone } from 'luxon';

/** A stretch of the UTC timeline, in epoch minutes, over which the zone's UTC offset is constant. */
export interface OffsetPiece {
  start: number;
  end: number;
  offset: number; // minutes to add to UTC to get local wall time
}

const SAMPLE_STEP = 12 * 60; // minutes; zones never change offset twice within 12 hours

/**
 * Splits [from, to) into pieces of constant offset. Offsets come from luxon's IANA zone data
 * (the ICU time zone database); transitions are located to the minute by bisection.
 */
export function offsetPieces(zoneName: string, from: number, to: number): OffsetPiece[] {
  const zone = IANAZone.create(zoneName);
  const offsetAt = (minute: number): number => zone.offset(minute * 60_000);
  const pieces: OffsetPiece[] = [];
  let pieceStart = from;
  let current = offsetAt(from);
  let probe = from;
  while (probe < to) {
    const next = Math.min(probe + SAMPLE_STEP, to);
    const nextOffset = next < to ? offsetAt(next) : current;
    if (nextOffset !== current) {
      // The change happens in (probe, next]: find the first minute carrying the new offset.
      let lo = probe;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid) === current) lo = mid;
        else hi = mid;
      }
      pieces.push({ start: pieceStart, end: hi, offset: current });
      pieceStart = hi;
      current = offsetAt(hi);
    }
    probe = next;
  }
  pieces.push({ start: pieceStart, end: to, offset: current });
  return pieces;
}
