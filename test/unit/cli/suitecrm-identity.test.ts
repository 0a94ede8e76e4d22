import { describe, expect, it } from 'vitest';
import {
  identifySuiteCrm,
  identityText,
  oauthKeyFolder,
} from '../../../bridge/src/cli/doctor/suitecrm-identity.js';

/**
 * Which SuiteCRM doctor reports. Modelled on the two APIs: SuiteCRM 7.14.6 serves Api/ at the
 * web root; SuiteCRM-Core serves public/legacy/Api (7.14.6's code: meta routes, headers and
 * swagger.json's info.version "8.1" unchanged) and its LegacyRedirectListener redirects /Api to
 * /legacy/Api. Neither exposes SuiteCRM's own version.
 */
describe('identifySuiteCrm', () => {
  it('reads the major from where the API answers, and never invents a version', () => {
    expect(identifySuiteCrm('/legacy/Api')).toEqual({
      major: 8,
      version: null,
      basis: 'the API answers at /legacy/Api',
    });
    expect(identifySuiteCrm('/Api')).toEqual({ major: 7, version: null, basis: 'the API answers at /Api' });
    expect(identifySuiteCrm('/crm/Api')).toMatchObject({ major: null, version: null });
    expect(identifySuiteCrm('')).toMatchObject({
      major: null,
      basis: 'the API path / is neither /Api nor /legacy/Api',
    });
  });

  it('says so in words', () => {
    expect(identityText(identifySuiteCrm('/legacy/Api'))).toBe(
      'SuiteCRM 8 (the API answers at /legacy/Api), version unknown: the V8 API does not expose it',
    );
    expect(identityText(identifySuiteCrm('/x'))).toBe(
      'SuiteCRM major unknown (the API path /x is neither /Api nor /legacy/Api), version unknown: the V8 API does not expose it',
    );
    expect(identityText({ major: 8, version: '8.8.0', basis: 'b' })).toBe('SuiteCRM 8 (b), version 8.8.0');
  });

  it('names the OAuth2 key folder of each major', () => {
    expect(oauthKeyFolder(8)).toBe('public/legacy/Api/V8/OAuth2');
    expect(oauthKeyFolder(7)).toBe('Api/V8/OAuth2');
    expect(oauthKeyFolder(null)).toContain('public/legacy/Api/V8/OAuth2 on SuiteCRM 8');
  });
});
