/**
 * The stamp the package puts in the `comments` of every field it installs, so `doctor` can read,
 * through `GET /V8/meta/fields/{module}` (which returns `comments` and `default`, capture 110),
 * which package version and which field catalogue a SuiteCRM holds, and which plan keys its plan
 * dropdown shipped with (on the plan field only). fields_meta_data.comments holds 255 characters.
 *
 *   sla-bridge package=1.0.0 catalogue=6e98...c3
 *   sla-bridge package=1.0.0 catalogue=6e98...c3 plans=free,essential,professional,enterprise
 */
export interface PackageStamp {
  version: string;
  /** catalogueHash() of the catalogue the package was generated from (64 hex digits). */
  catalogueHash: string;
  /** The non-blank keys of the plan dropdown the package shipped (plan field only). */
  plans?: string[];
}

const STAMP = /^sla-bridge package=(\d+\.\d+\.\d+) catalogue=([0-9a-f]{64})(?: plans=([^\s]*))?$/;

export function formatPackageStamp(stamp: PackageStamp): string {
  const base = `sla-bridge package=${stamp.version} catalogue=${stamp.catalogueHash}`;
  return stamp.plans === undefined ? base : `${base} plans=${stamp.plans.join(',')}`;
}

/** The stamp in a field's comments, or undefined when the comments hold none (not our package, or edited). */
export function parsePackageStamp(comments: string | null | undefined): PackageStamp | undefined {
  const match = STAMP.exec((comments ?? '').trim());
  if (!match) return undefined;
  const stamp: PackageStamp = { version: match[1] as string, catalogueHash: match[2] as string };
  if (match[3] !== undefined) stamp.plans = match[3] === '' ? [] : match[3].split(',');
  return stamp;
}
