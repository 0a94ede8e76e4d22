import { describe, expect, it } from 'vitest';
import { demoEnvironment } from '../../../bridge/src/config/demo-env.js';
import { apiUse } from '../../../bridge/src/demo/demo-board.js';
import { renderTable } from '../../../bridge/src/demo/text-table.js';

describe('the demo board', () => {
  it('counts API requests once each (the stand-in counts them with and without the module)', () => {
    const use = apiUse({
      total: 11,
      tokensIssued: 2,
      byRoute: {
        'POST token': 2,
        'GET current-user': 1,
        'GET list': 5,
        'GET list Cases': 3,
        'GET list Accounts': 2,
        'PATCH update': 3,
        'PATCH update Cases': 3,
      },
    });
    expect(use).toMatchObject({ requests: 11, listReads: 5, recordReads: 0, writes: 3, tokensIssued: 2 });
  });

  it('pads table columns, right-aligns numbers and cuts long text', () => {
    expect(
      renderTable(
        [
          { header: 'Name', max: 6 },
          { header: 'Hours', align: 'right' },
        ],
        [
          ['Short', '1.00'],
          ['Much longer name', '12.50'],
        ],
      ),
    ).toEqual(['  Name   Hours', '  Short   1.00', '  Much…  12.50']);
  });
});

describe('what the demo takes from the environment', () => {
  it('logs at warn unless LOG_LEVEL says otherwise', () => {
    expect(demoEnvironment({}).logging).toEqual({ level: 'warn', format: 'auto' });
    expect(demoEnvironment({ LOG_LEVEL: 'DEBUG', LOG_FORMAT: 'json' }).logging).toEqual({
      level: 'debug',
      format: 'json',
    });
    expect(() => demoEnvironment({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('names the SuiteCRM, store and policy settings it ignores', () => {
    expect(
      demoEnvironment({
        SUITECRM_URL: 'https://crm.example.com',
        SUITECRM_CLIENT_SECRET: 's3cret',
        SUITECRM_CLIENT_ID: ' ',
        SLA_POLICY_FILE: 'policy.json',
        LOG_LEVEL: 'info',
      }).ignored,
    ).toEqual(['SUITECRM_URL', 'SUITECRM_CLIENT_SECRET', 'SLA_POLICY_FILE']);
  });
});
