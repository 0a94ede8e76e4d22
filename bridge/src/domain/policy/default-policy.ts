import defaultDocument from '../../../../schemas/default-policy.json' with { type: 'json' };
import { type CompiledPolicy, loadPolicy } from './compiled-policy.js';

/** The policy shipped with the product (`schemas/default-policy.json`), as written. */
export const DEFAULT_POLICY_DOCUMENT: unknown = defaultDocument;
export const DEFAULT_POLICY_SOURCE = 'schemas/default-policy.json';

let compiled: CompiledPolicy | undefined;

/** The default policy, validated and compiled once. */
export function defaultPolicy(): CompiledPolicy {
  compiled ??= loadPolicy(structuredClone(defaultDocument), DEFAULT_POLICY_SOURCE);
  return compiled;
}
