import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CATALOGUE, type PlanOption } from '../../bridge/src/catalogue/catalogue.js';
import type { Catalogue } from '../../bridge/src/catalogue/catalogue-schema.js';

/** The committed inputs every generator reads, loaded when generate() runs. */
export const REPO_ROOT = join(import.meta.dirname, '..', '..');

export function readRepoFile(path: string): string {
  return readFileSync(join(REPO_ROOT, path), 'utf8');
}

const packageJson = z.object({ version: z.string().regex(/^\d+\.\d+\.\d+$/) });

/** The package's version: package.json's, so the bridge and the package are released together. */
export function packageVersion(): string {
  return packageJson.parse(JSON.parse(readRepoFile('package.json'))).version;
}

const policyPlans = z.object({
  plans: z.array(z.object({ id: z.string().min(1), label: z.string().min(1) })),
});

/** The plans of the default policy: the plan dropdown the package ships lists them. */
export function defaultPolicyPlans(): PlanOption[] {
  return policyPlans
    .parse(JSON.parse(readRepoFile('schemas/default-policy.json')))
    .plans.map(({ id, label }) => ({ id, label }));
}

export function catalogue(): Catalogue {
  return CATALOGUE;
}
