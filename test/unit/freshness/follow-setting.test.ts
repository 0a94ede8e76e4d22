import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bridge/src/config/env-config.js';
import { BridgeError } from '../../../bridge/src/errors/bridge-error.js';

const load = (env: Record<string, string>) => loadConfig({ env, envFile: null });

describe('BRIDGE_FOLLOW_INTERVAL_S', () => {
  it('defaults to 8 s', () => {
    expect(load({}).follow).toEqual({ intervalMs: 8_000 });
  });

  it('takes whole seconds, 0 turning following off', () => {
    expect(load({ BRIDGE_FOLLOW_INTERVAL_S: '20' }).follow.intervalMs).toBe(20_000);
    expect(load({ BRIDGE_FOLLOW_INTERVAL_S: '0' }).follow.intervalMs).toBe(0);
    expect(load({ BRIDGE_FOLLOW_INTERVAL_S: ' ' }).follow.intervalMs).toBe(8_000);
  });

  it('names the setting when the value is bad', () => {
    for (const [value, words] of [
      ['2.5', 'must be a whole number'],
      ['-1', 'must be at least 0'],
      ['61', 'must be at most 60'],
    ] as const) {
      let caught: unknown;
      try {
        load({ BRIDGE_FOLLOW_INTERVAL_S: value });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(BridgeError);
      expect((caught as BridgeError).code).toBe('config_invalid');
      expect((caught as BridgeError).message).toContain(`BRIDGE_FOLLOW_INTERVAL_S: ${words}`);
    }
  });
});
