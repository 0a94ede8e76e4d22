import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';

/** The shipped unit starts the real daemon entry point and stops it with the signal it handles. */
describe('scripts/systemd/sla-bridge.service', () => {
  const unit = readFileSync(join(ROOT, 'scripts/systemd/sla-bridge.service'), 'utf8');
  const value = (key: string) => unit.match(new RegExp(`^${key}=(.*)$`, 'm'))?.[1];

  it('runs `sla-bridge run` after `migrate`, from the bin the package ships', () => {
    expect(value('ExecStart')).toMatch(/bridge\/bin\/sla-bridge\.js run$/);
    expect(value('ExecStartPre')).toMatch(/bridge\/bin\/sla-bridge\.js migrate$/);
    expect(existsSync(join(ROOT, 'bridge/bin/sla-bridge.js'))).toBe(true);
  });

  it('stops with SIGTERM and gives the batch in hand time to finish', () => {
    expect(value('KillSignal')).toBe('SIGTERM');
    expect(Number(value('TimeoutStopSec'))).toBeGreaterThanOrEqual(60);
    expect(value('Restart')).toBe('on-failure');
  });

  it('keeps secrets in an environment file, not in the unit', () => {
    expect(value('EnvironmentFile')).toBe('/etc/sla-bridge/bridge.env');
    expect(unit).not.toMatch(/SUITECRM_CLIENT_SECRET=/);
  });
});
