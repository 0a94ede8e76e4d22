/**
 * Preloaded (`node --import`) into a bridge process that a test starts, so that its clock reads
 * the stand-in's virtual instant, as the in-process harness gives the engine and the store the
 * stand-in's clock: `BRIDGE_TEST_NOW` (epoch ms) pins `Date.now()`, which is where the bridge
 * reads time (the pass's `now`, the lease's expiry, the token's age). Timers are unaffected.
 * Test-only: nothing in the bridge reads this variable.
 */
const pinned = Number(process.env.BRIDGE_TEST_NOW);
if (process.env.BRIDGE_TEST_NOW !== undefined && Number.isFinite(pinned)) {
  Date.now = () => pinned;
}
