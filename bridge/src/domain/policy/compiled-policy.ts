import {
  type BusinessCalendar,
  compileDefinition,
  createHolidayRegistry,
  type HolidayRegistry,
} from '../calendar/index.js';
import type { Severity } from '../severity/severity.js';
import { parsePolicy } from './parse-policy.js';
import type { Language, PlanDefinition, Policy } from './policy.schema.js';
import { policyVersion } from './policy-version.js';

export interface CompiledPlan {
  readonly definition: PlanDefinition;
  readonly calendarName: string;
  /** The calendar's label in the policy language (see `calendarLabel`). */
  readonly calendarLabel: string;
  readonly calendar: BusinessCalendar;
}

/** The calendar one clock runs on: its policy name, and the label the explanation shows. */
export interface ClockCalendar {
  readonly name: string;
  readonly label: string;
  readonly calendar: BusinessCalendar;
}

/**
 * Labels of the shipped calendars (schemas/default-policy.json), used unless the policy's
 * `calendarLabels` names them: people read "London business hours", not an id.
 */
const SHIPPED_CALENDAR_LABELS: Record<string, Record<Language, string>> = {
  'london-business-hours': { en: 'London business hours', es: 'horario laboral de Londres' },
  'london-24x7': { en: '24/7', es: '24/7' },
};

/** The label of a calendar: the policy's, else the shipped one, else its name. */
export function calendarLabel(policy: Policy, name: string): string {
  return policy.calendarLabels?.[name] ?? SHIPPED_CALENDAR_LABELS[name]?.[policy.language] ?? name;
}

/**
 * A validated policy with its calendars compiled against its own holiday registry (the
 * built-in set plus the policy's overrides) and its version computed. Built once per policy
 * file; every evaluation takes it as an argument.
 */
export interface CompiledPolicy {
  readonly document: Policy;
  readonly version: string;
  readonly registry: HolidayRegistry;
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
  readonly plans: ReadonlyMap<string, CompiledPlan>;
  readonly alwaysOpen: ClockCalendar;
}

export function compilePolicy(policy: Policy): CompiledPolicy {
  const registry = createHolidayRegistry({ englandAndWales: policy.holidayOverrides });
  const calendars = new Map<string, BusinessCalendar>();
  for (const [name, definition] of Object.entries(policy.calendars)) {
    calendars.set(name, compileDefinition(definition, registry));
  }
  const plans = new Map<string, CompiledPlan>();
  for (const plan of policy.plans) {
    // The schema guarantees every plan's calendar exists.
    const calendar = calendars.get(plan.calendar) as BusinessCalendar;
    plans.set(plan.id, {
      definition: plan,
      calendarName: plan.calendar,
      calendarLabel: calendarLabel(policy, plan.calendar),
      calendar,
    });
  }
  const alwaysOpen = calendars.get(policy.alwaysOpenCalendar) as BusinessCalendar;
  return {
    document: policy,
    version: policyVersion(policy, registry),
    registry,
    calendars,
    plans,
    alwaysOpen: {
      name: policy.alwaysOpenCalendar,
      label: calendarLabel(policy, policy.alwaysOpenCalendar),
      calendar: alwaysOpen,
    },
  };
}

/** Validates (throwing `policy_invalid` with every mistake named) and compiles. */
export function loadPolicy(value: unknown, where = 'policy'): CompiledPolicy {
  return compilePolicy(parsePolicy(value, where));
}

/**
 * The calendar a clock runs on: Severity 1 runs on the 24/7 calendar when the account has 24/7
 * phone cover (the plan's setting, or the account's override); everything else on the plan's
 * calendar.
 */
export function clockCalendar(
  policy: CompiledPolicy,
  plan: CompiledPlan,
  severity: Severity,
  severity1AlwaysOpen: boolean,
): ClockCalendar {
  if (severity === '1' && severity1AlwaysOpen) return policy.alwaysOpen;
  return { name: plan.calendarName, label: plan.calendarLabel, calendar: plan.calendar };
}
