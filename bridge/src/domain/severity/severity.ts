/**
 * Severities 1 (critical) to 4 (question or cosmetic), as the `sla_severity_list` keys. A larger
 * number is a lower severity: "capping" and "downgrading" only ever raise the number.
 */
export const SEVERITIES = ['1', '2', '3', '4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ENVIRONMENTS = ['production', 'pre_production', 'uat', 'lab', 'demo', 'unknown'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const CAUSES = ['product', 'customer_software', 'third_party_software', 'unknown'] as const;
export type Cause = (typeof CAUSES)[number];

/** `yes`, or the seed's reason (a)-(d) why a case is not a reportable incident. */
export const REPORTABLE_VALUES = [
  'yes',
  'misuse',
  'no_material_effect',
  'unsupported_modification',
  'update_not_applied',
] as const;
export type Reportable = (typeof REPORTABLE_VALUES)[number];

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

export function isEnvironment(value: unknown): value is Environment {
  return typeof value === 'string' && (ENVIRONMENTS as readonly string[]).includes(value);
}

export function isCause(value: unknown): value is Cause {
  return typeof value === 'string' && (CAUSES as readonly string[]).includes(value);
}

export function isReportable(value: unknown): value is Reportable {
  return typeof value === 'string' && (REPORTABLE_VALUES as readonly string[]).includes(value);
}

/** The lower of two severities (the larger number). */
export function lowerOf(a: Severity, b: Severity): Severity {
  return Number(a) >= Number(b) ? a : b;
}
