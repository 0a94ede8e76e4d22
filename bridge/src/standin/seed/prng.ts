/**
 * A small seeded pseudo-random generator (mulberry32): the same seed always gives the same
 * stand-in data, faults and latencies, so a failing test or a benchmark can be replayed.
 */
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(value: number): string {
  return (
    (BYTE_HEX[value >>> 24] as string) +
    (BYTE_HEX[(value >>> 16) & 0xff] as string) +
    (BYTE_HEX[(value >>> 8) & 0xff] as string) +
    (BYTE_HEX[value & 0xff] as string)
  );
}

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (choices[choices.length - 1] as readonly [T, number])[0];
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += hex8((this.next() * 0x100000000) >>> 0);
    return out.slice(0, length);
  }

  /** A SuiteCRM-style id (create_guid: 8-4-4-4-12 lower-case hex). */
  guid(): string {
    const a = hex8((this.next() * 0x100000000) >>> 0);
    const b = hex8((this.next() * 0x100000000) >>> 0);
    const c = hex8((this.next() * 0x100000000) >>> 0);
    const d = hex8((this.next() * 0x100000000) >>> 0);
    // join() gives one flat string (seeding keeps hundreds of thousands of ids).
    return [a, b.slice(0, 4), b.slice(4), c.slice(0, 4), c.slice(4) + d].join('-');
  }
}
