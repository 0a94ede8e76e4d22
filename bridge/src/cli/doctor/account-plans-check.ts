import { decodeHTMLStrict } from 'entities';
import type { CompiledPolicy } from '../../domain/index.js';
import { isBridgeError } from '../../errors/bridge-error.js';
import type { SuiteCrmClient } from '../../suitecrm/index.js';
import { type CheckResult, fail, listSome, pass, plural } from './check.js';
import { planField } from './package-checks.js';

/**
 * Every plan used on an Account is one the policy defines (or free support, or blank): an
 * account on an unknown plan cannot be computed. One keyset scan of all accounts with the plan
 * field only; the rows are tiny, so the pages are large.
 */
const SCAN_PAGE_SIZE = 1000;
const EXAMPLES = 3;

interface PlanUse {
  count: number;
  examples: string[];
}

export async function accountPlansCheck(
  client: SuiteCrmClient,
  policy: CompiledPolicy,
): Promise<CheckResult> {
  const field = planField();
  if (field === undefined) throw new Error('the field catalogue has no plan field');
  const known = new Set(['', 'free', ...policy.plans.keys()]);
  const uses = new Map<string, PlanUse>();
  let accounts = 0;
  try {
    for await (const page of client.scanAll(field.module, {
      fields: [field.name],
      pageSize: SCAN_PAGE_SIZE,
      parse: (raw) => raw[field.name],
    })) {
      for (const record of page) {
        accounts++;
        const value = typeof record.attributes === 'string' ? decodeHTMLStrict(record.attributes).trim() : '';
        const use = uses.get(value) ?? { count: 0, examples: [] };
        use.count++;
        if (use.examples.length < EXAMPLES) use.examples.push(record.id);
        uses.set(value, use);
      }
    }
  } catch (error) {
    if (!isBridgeError(error)) throw error;
    return fail('account-plans', `cannot scan the accounts' plans: ${error.message}`, 'see the message');
  }
  const byPlan = [...uses.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const counts = Object.fromEntries(byPlan.map(([plan, use]) => [plan, use.count]));
  const unknown = byPlan
    .filter(([plan]) => !known.has(plan))
    .sort(([, a], [, b]) => b.count - a.count)
    .map(([plan, use]) => ({ plan, accounts: use.count, examples: use.examples }));
  const details = { accounts, counts, unknown };
  if (unknown.length === 0) {
    const used = byPlan.map(([plan, use]) => `${plan === '' ? 'no plan' : plan} ${use.count}`);
    return pass(
      'account-plans',
      `${plural(accounts, 'account')}, every plan one of the policy's${used.length > 0 ? ` (${used.join(', ')})` : ''}`,
      details,
    );
  }
  const affected = unknown.reduce((sum, item) => sum + item.accounts, 0);
  return fail(
    'account-plans',
    `${plural(affected, 'account has', 'accounts have')} a plan the policy does not define: ${listSome(unknown.map((item) => `${item.plan} (${item.accounts})`))}`,
    `give those accounts one of the policy's plans (${['free', ...policy.plans.keys()].join(', ')}) or none, or add the plans to the policy (SLA_POLICY_FILE) and to the package's plan dropdown; until then they are "not computed"`,
    details,
  );
}
