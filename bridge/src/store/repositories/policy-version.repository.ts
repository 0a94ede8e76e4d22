import { canonicalContent, parseJsonColumn } from '../canonical-json.js';
import type { StoreContext } from '../store-context.js';
import { insertIgnoringDuplicates, toInstant } from '../store-context.js';
import { TABLES } from '../tables.js';

/**
 * Every policy version the bridge has evaluated with: its version (the domain's content hash
 * of the effective policy), the policy itself as canonical JSON, and when it was first seen,
 * so a pinned case or an old event can always be explained by the exact policy it used.
 */
export interface PolicyVersion {
  version: string;
  content: unknown;
  /** SHA-256 of the canonical JSON of `content`. */
  contentHash: string;
  firstSeenAt: number;
}

export class PolicyVersionRepository {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Records a version the first time it is seen and returns the stored one (a version already
   * stored keeps its first content and first-seen instant).
   */
  async remember(version: string, content: unknown): Promise<{ policy: PolicyVersion; created: boolean }> {
    if (version === '' || version.length > 64) throw new TypeError('a policy version has 1 to 64 characters');
    const { json, hash } = canonicalContent(content);
    const inserted = await insertIgnoringDuplicates(
      this.ctx,
      TABLES.policyVersions,
      [{ version, content_hash: hash, content: json, first_seen_at_ms: this.ctx.now() }],
      ['version'],
    );
    const policy = await this.get(version);
    if (!policy) throw new Error(`policy version ${version} vanished after insert`);
    return { policy, created: inserted > 0 };
  }

  async get(version: string): Promise<PolicyVersion | null> {
    const row = await this.ctx.db(TABLES.policyVersions).where({ version }).first();
    return row ? fromRow(row) : null;
  }

  /** Every version, oldest first. */
  async list(): Promise<PolicyVersion[]> {
    const rows = await this.ctx
      .db(TABLES.policyVersions)
      .orderBy([{ column: 'first_seen_at_ms' }, { column: 'version' }]);
    return rows.map(fromRow);
  }
}

function fromRow(row: Record<string, unknown>): PolicyVersion {
  return {
    version: String(row.version),
    content: parseJsonColumn(row.content),
    contentHash: String(row.content_hash),
    firstSeenAt: toInstant(row.first_seen_at_ms),
  };
}
