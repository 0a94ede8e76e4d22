/**
 * Which SuiteCRM doctor talks to, from what its API shows. The V8 API has no version endpoint on
 * either major: its meta routes (modules, fields, swagger.json) and headers are the same on
 * 7.14.6 and 8.8.0 (8.x serves 7.14.6's Api code from public/legacy), and swagger.json's
 * `info.version` ("8.1") is the API's own version on both, not SuiteCRM's. What does differ is
 * where the API lives: SuiteCRM 8's front controller redirects /Api to /legacy/Api, so an API
 * that answers at /legacy/Api is SuiteCRM 8's, and one that answers at /Api is SuiteCRM 7's.
 * The exact version stays unknown until an API exposes it.
 */
export interface SuiteCrmIdentity {
  /** 7 or 8, or null when the API path says neither (a path set by hand). */
  major: 7 | 8 | null;
  /** The exact version when the API exposes it; none does today, so always null. */
  version: string | null;
  /** What the major was read from, for the check line. */
  basis: string;
}

const BY_PATH: ReadonlyArray<readonly [string, 7 | 8]> = [
  ['/Api', 7],
  ['/legacy/Api', 8],
];

export function identifySuiteCrm(apiPath: string): SuiteCrmIdentity {
  const known = BY_PATH.find(([path]) => path === apiPath);
  if (known === undefined) {
    return {
      major: null,
      version: null,
      basis: `the API path ${apiPath || '/'} is neither /Api nor /legacy/Api`,
    };
  }
  return { major: known[1], version: null, basis: `the API answers at ${known[0]}` };
}

/** `SuiteCRM 8 (the API answers at /legacy/Api), version unknown: the V8 API does not expose it` */
export function identityText(identity: SuiteCrmIdentity): string {
  const major = identity.major === null ? 'SuiteCRM major unknown' : `SuiteCRM ${identity.major}`;
  const version =
    identity.version === null
      ? 'version unknown: the V8 API does not expose it'
      : `version ${identity.version}`;
  return `${major} (${identity.basis}), ${version}`;
}

/** Where SuiteCRM keeps its OAuth2 keys, relative to its install folder. */
export function oauthKeyFolder(major: 7 | 8 | null): string {
  if (major === 8) return 'public/legacy/Api/V8/OAuth2';
  if (major === 7) return 'Api/V8/OAuth2';
  return 'Api/V8/OAuth2 (public/legacy/Api/V8/OAuth2 on SuiteCRM 8)';
}
