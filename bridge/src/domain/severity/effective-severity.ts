import { type Cause, type Environment, lowerOf, type Severity } from './severity.js';

/** Systems that have not completed UAT: Severity 1 is capped to 2 there (the seed). */
export const NO_SEVERITY_1_ENVIRONMENTS: ReadonlySet<Environment> = new Set(['uat', 'lab', 'demo']);
/** Problems in these are never Severity 1 or 2 (the seed): capped to 3. */
export const CAPPED_CAUSES: ReadonlySet<Cause> = new Set(['customer_software', 'third_party_software']);

export interface SeverityFacts {
  severity: Severity;
  environment: Environment;
  cause: Cause;
  downgradeTo: Severity | null;
}

export interface EffectiveSeverity {
  facts: SeverityFacts;
  /** After the seed's caps (environment, cause), before any downgrade: what sets the response target. */
  capped: Severity;
  /** After the caps and the downgrade. */
  effective: Severity;
  /** Severity 1 on a system that has not completed UAT. */
  environmentCapped: boolean;
  /** Severity 1-2 in customer or third-party software. */
  causeCapped: boolean;
  /** Severity 1 accepted while the environment is still unknown: not capped, but said. */
  environmentUnconfirmed: boolean;
  /** A recorded downgrade that lowers the severity further. */
  downgraded: boolean;
  /** A recorded downgrade that changes nothing (the severity is already that low). */
  downgradeIneffective: boolean;
}

/**
 * The effective severity (docs/sla-rules.md#severity): Severity 1 is allowed on production and
 * on pre-production systems that completed UAT and capped to 2 on uat, lab and demo; customer
 * or third-party software caps Severities 1-2 to 3; an unknown environment is not capped but
 * noted; a staff downgrade lowers it further and never raises it.
 */
export function effectiveSeverity(facts: SeverityFacts): EffectiveSeverity {
  const { severity, environment, cause, downgradeTo } = facts;
  const environmentCapped = severity === '1' && NO_SEVERITY_1_ENVIRONMENTS.has(environment);
  const causeCapped = (severity === '1' || severity === '2') && CAPPED_CAUSES.has(cause);
  let capped = severity;
  if (environmentCapped) capped = lowerOf(capped, '2');
  if (causeCapped) capped = lowerOf(capped, '3');
  const downgraded = downgradeTo !== null && Number(downgradeTo) > Number(capped);
  return {
    facts,
    capped,
    effective: downgraded && downgradeTo ? downgradeTo : capped,
    environmentCapped,
    causeCapped,
    environmentUnconfirmed: capped === '1' && environment === 'unknown',
    downgraded,
    downgradeIneffective: downgradeTo !== null && !downgraded,
  };
}

export function sameEffectiveSeverity(a: EffectiveSeverity, b: EffectiveSeverity): boolean {
  return (
    a.effective === b.effective &&
    a.capped === b.capped &&
    a.facts.severity === b.facts.severity &&
    a.facts.downgradeTo === b.facts.downgradeTo &&
    a.environmentCapped === b.environmentCapped &&
    a.causeCapped === b.causeCapped
  );
}
