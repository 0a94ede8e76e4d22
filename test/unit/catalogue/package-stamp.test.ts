import { describe, expect, it } from 'vitest';
import { catalogueHash } from '../../../bridge/src/catalogue/catalogue.js';
import { formatPackageStamp, parsePackageStamp } from '../../../bridge/src/catalogue/package-stamp.js';

describe('the package stamp in field comments', () => {
  const hash = catalogueHash();

  it('round-trips with and without plan keys', () => {
    const plain = { version: '1.0.0', catalogueHash: hash };
    const withPlans = { ...plain, plans: ['free', 'essential', 'professional', 'enterprise'] };
    expect(parsePackageStamp(formatPackageStamp(plain))).toEqual(plain);
    expect(parsePackageStamp(formatPackageStamp(withPlans))).toEqual(withPlans);
    expect(formatPackageStamp(withPlans)).toBe(
      `sla-bridge package=1.0.0 catalogue=${hash} plans=free,essential,professional,enterprise`,
    );
  });

  it('finds no stamp in comments someone else wrote', () => {
    expect(parsePackageStamp('')).toBeUndefined();
    expect(parsePackageStamp(null)).toBeUndefined();
    expect(parsePackageStamp('Account tier, set by sales')).toBeUndefined();
    expect(parsePackageStamp(`sla-bridge package=1.0 catalogue=${hash}`)).toBeUndefined();
  });
});
