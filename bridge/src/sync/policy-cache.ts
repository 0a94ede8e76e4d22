import { type CompiledPolicy, loadPolicy } from '../domain/index.js';
import type { StoreReaders } from '../store/index.js';

type StoreRead = <T>(fn: (readers: StoreReaders) => Promise<T>) => Promise<T>;

/**
 * The compiled policies a process has needed, by version: the current one, and the older
 * versions cases are pinned to, each read from the store and compiled once.
 */
export class PolicyCache {
  private readonly compiled = new Map<string, CompiledPolicy>();

  constructor(readonly current: CompiledPolicy) {
    this.compiled.set(current.version, current);
  }

  /** The version's policy; undefined when the store has no such version. */
  async get(version: string, read: StoreRead): Promise<CompiledPolicy | undefined> {
    const cached = this.compiled.get(version);
    if (cached) return cached;
    const stored = await read((readers) => readers.policies.get(version));
    if (!stored) return undefined;
    const policy = loadPolicy(stored.content, `stored policy ${version}`);
    this.compiled.set(version, policy);
    return policy;
  }
}
