/**
 * Faults a test or the demo asks for. Each fault matches requests (by method, route, module or
 * path), lets `skip` of them through, then hits the next `times` of them (default once): back
 * to back, or one in every `every` of them (the benchmarks spread faults through a long run).
 *
 * - error: an HTTP error status with an Apache-style body (default 500).
 * - rate-limit: 429 with Retry-After (SuiteCRM has no rate limiting; a proxy in front may).
 * - slow: the answer is held for `delayMs` real milliseconds (longer than a client's timeout).
 * - drop: the socket is destroyed, before any byte (`at: 'start'`) or after the headers and
 *   part of the body (`at: 'mid-body'`, the default).
 * - truncate: a complete HTTP answer whose body is cut to `keepBytes` (default half): a 200
 *   with broken JSON.
 * - expire-token: the presented access token expires server-side just before the request is
 *   checked (SuiteCRM answers 401 "Access token has been revoked").
 */
export type FaultKind = 'error' | 'rate-limit' | 'slow' | 'drop' | 'truncate' | 'expire-token';

export interface FaultMatch {
  method?: string;
  route?: string;
  module?: string;
  /** A substring of the request path. */
  path?: string;
}

export interface FaultSpec {
  kind: FaultKind;
  match?: FaultMatch;
  times?: number;
  skip?: number;
  /** After each hit, `every - 1` matching requests go through before the next hit (default 1). */
  every?: number;
  status?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
  at?: 'start' | 'mid-body';
  keepBytes?: number;
}

export interface ActiveFault extends FaultSpec {
  id: number;
  remaining: number;
  toSkip: number;
  hits: number;
}

export interface RequestInfo {
  method: string;
  route: string;
  module: string | undefined;
  path: string;
}

const KINDS: readonly FaultKind[] = ['error', 'rate-limit', 'slow', 'drop', 'truncate', 'expire-token'];

export function validateFault(spec: FaultSpec): void {
  if (!KINDS.includes(spec.kind)) throw new Error(`unknown fault kind ${String(spec.kind)}`);
  for (const key of ['times', 'skip', 'delayMs', 'keepBytes', 'retryAfterSeconds'] as const) {
    const value = spec[key];
    if (value !== undefined && (!Number.isFinite(value) || value < 0) && value !== Number.POSITIVE_INFINITY) {
      throw new Error(`fault ${key} must be a number >= 0`);
    }
  }
  if (spec.every !== undefined && !(Number.isInteger(spec.every) && spec.every >= 1)) {
    throw new Error('fault every must be a whole number >= 1');
  }
}

export class FaultQueue {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): ActiveFault {
    validateFault(spec);
    const fault: ActiveFault = {
      ...spec,
      id: this.nextId++,
      remaining: spec.times ?? 1,
      toSkip: spec.skip ?? 0,
      hits: 0,
    };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveFault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  /** The fault this request meets, if any (used up as it is met). */
  take(request: RequestInfo): ActiveFault | undefined {
    for (const fault of this.faults) {
      if (!matches(fault.match, request)) continue;
      if (fault.toSkip > 0) {
        fault.toSkip--;
        continue;
      }
      fault.remaining--;
      fault.hits++;
      fault.toSkip = (fault.every ?? 1) - 1;
      if (fault.remaining <= 0) this.faults = this.faults.filter((other) => other !== fault);
      return fault;
    }
    return undefined;
  }
}

function matches(match: FaultMatch | undefined, request: RequestInfo): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== request.method) return false;
  if (match.route && match.route !== request.route) return false;
  if (match.module && match.module !== request.module) return false;
  if (match.path && !request.path.includes(match.path)) return false;
  return true;
}
