/**
 * What every evaluation needs besides the records and the policy. The domain never reads the
 * clock or the store: the sync passes these in.
 */
export interface EvaluationContext {
  /** Epoch milliseconds: the instant the evaluation describes. */
  now: number;
  /** Epoch milliseconds: cases reported before it are not tracked (never written). */
  trackingStart: number;
  /** The bridge's own SuiteCRM API user: its saves never acknowledge a case. */
  bridgeUserId: string | null;
}
