import type { ModuleName } from '../../catalogue/catalogue-schema.js';
import { dateTime, ENGLISH_DATES, SPANISH_DATES } from '../explanation/local-format.js';
import type { Language } from '../policy/policy.schema.js';
import { CONTRACT_ZONE } from '../time/local-day.js';
import { fieldLabel, listOf, optionLabel, optionLabels, trackedField } from './field-words.js';
import type { Problem } from './problem.js';

/**
 * A problem in words staff act on: the field's label as the form shows it, the value, and what to
 * do, in the site's language (the policy's `language`). The texts avoid & < > " ' (SuiteCRM
 * HTML-encodes them, and the sync would then see a change on every read).
 */
export function problemText(problem: Problem, language: Language): string {
  return (language === 'es' ? spanish : english)(problem);
}

const caseLabel = (field: string, language: Language) => fieldLabel('Cases', field, language);
const accountLabel = (field: string, language: Language) => fieldLabel('Accounts', field, language);
const entryLabel = (field: string, language: Language) => fieldLabel('SLA_TimeEntries', field, language);
/** A change-log field name (severity) as its form label (Severity (as reported)). */
const loggedLabel = (field: string, language: Language) => caseLabel(trackedField(field), language);
const listLabels = (module: ModuleName, field: string, language: Language) =>
  optionLabels(listOf(module, field) ?? '', language).join(', ');
const shown = (module: ModuleName, field: string, value: string | null, language: Language, blank: string) =>
  value === null ? blank : optionLabel(listOf(module, field) ?? '', value, language);

/** 10000 → 10,000 (en) or 10.000 (es), by hand: the text must not depend on the Node build's ICU. */
function grouped(value: number, separator: string): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function english(problem: Problem): string {
  const en: Language = 'en';
  switch (problem.code) {
    case 'text':
      return problem.text;
    case 'change_log_unreadable':
      // "change log entry 3: ..." reads "SLA change log entry 3: ..." with the field's label.
      return `${caseLabel('sla_change_log_c', en)} ${problem.first.replace(/^change log /, '')}${problem.more > 0 ? ` (and ${problem.more} more)` : ''}: the field was edited outside SuiteCRM; ask an administrator to restore it`;
    case 'status_missing':
      return `${caseLabel('status', en)} is empty: choose one`;
    case 'reported_at_missing':
      return `${caseLabel('sla_reported_at_c', en)} is empty and the case has no creation time: enter when the customer reported the problem`;
    case 'reported_at_future':
      return `${caseLabel('sla_reported_at_c', en)} (${dateTime(problem.at, CONTRACT_ZONE, ENGLISH_DATES)} ${CONTRACT_ZONE} time) is in the future: the SLA starts then; if the customer reported the problem earlier, correct ${caseLabel('sla_reported_at_c', en)}`;
    case 'no_status_history':
      return `the ${caseLabel('sla_change_log_c', en)} has no ${caseLabel('status', en)} history (the case is ${problem.status}): the case was probably created before the package was installed`;
    case 'log_starts_late':
      return `the ${caseLabel('sla_change_log_c', en)} starts after the case left New (its first entry is from ${problem.status}): the case was probably created before the package was installed`;
    case 'downgrade_without_time':
      return `${caseLabel('sla_downgrade_to_c', en)} is set but ${caseLabel('sla_downgraded_at_c', en)} is empty: choose ${caseLabel('sla_downgrade_to_c', en)} again and save`;
    case 'log_disagrees':
      return `the ${caseLabel('sla_change_log_c', en)} ends with ${loggedLabel(problem.field, en)} ${shown('Cases', trackedField(problem.field), problem.logged, en, 'empty')} but the case has ${shown('Cases', trackedField(problem.field), problem.current, en, 'empty')}: it was changed outside SuiteCRM (an import or a database edit); change it in SuiteCRM so the change is logged`;
    case 'value_not_in_list':
      return `${loggedLabel(problem.field, en)} is ${problem.value ?? 'empty'}, which is not in its list: choose one of ${listLabels('Cases', trackedField(problem.field), en)}`;
    case 'severity_missing':
      return `${caseLabel('sla_severity_c', en)} is empty: choose one to start the SLA clock`;
    case 'pinned_elsewhere':
      return `the case is pinned to policy version ${problem.pinned} but was evaluated with ${problem.used}: restate the case (sla-bridge policy restate)`;
    case 'plan_not_in_version':
      return `plan ${problem.plan} is not in policy version ${problem.version}, which the case is pinned to: restate the case (sla-bridge policy restate)`;
    case 'account_not_found':
      return `the ${problem.of === 'case' ? 'case' : 'entry'}’s account (${problem.accountId}) is not in SuiteCRM: choose the account again`;
    case 'account_mismatch':
      return `account ${problem.accountId} is not the case’s account (a bridge error: report it)`;
    case 'account_contract':
      return `the account’s contract cannot be computed: ${english(problem.inner)}`;
    case 'plan_unknown':
      return `${accountLabel('sla_plan_c', en)} ${problem.plan} is not in the support policy (plans: ${problem.plans.join(', ')}): choose a plan from the list`;
    case 'contract_start_missing':
      return `${accountLabel('sla_contract_start_c', en)} is empty: enter the day the contract started`;
    case 'reserved_hours_not_number':
      return `${accountLabel('sla_reserved_hours_c', en)} is not a number of hours: enter 0 to 10,000 hours, or leave it empty for the plan’s hours`;
    case 'reserved_hours_out_of_range':
      return `${accountLabel('sla_reserved_hours_c', en)} is ${problem.value}: enter 0 to ${grouped(problem.max, ',')} hours, or leave it empty for the plan’s hours`;
    case 'phone_cover_invalid':
      return `${accountLabel('sla_phone_cover_c', en)} is ${problem.value}, which is not in its list: choose one of ${listLabels('Accounts', 'sla_phone_cover_c', en)}`;
    case 'cancelled_on_missing':
      return `${accountLabel('sla_will_not_renew_c', en)} is ticked but ${accountLabel('sla_cancelled_on_c', en)} is empty: enter the day the customer cancelled`;
    case 'refunded_without_cancel':
      return `${accountLabel('sla_refunded_c', en)} is ticked but ${accountLabel('sla_will_not_renew_c', en)} is not: tick it and enter ${accountLabel('sla_cancelled_on_c', en)}, or untick ${accountLabel('sla_refunded_c', en)}`;
    case 'refund_after_window':
      return `${accountLabel('sla_refunded_c', en)} is ticked, but ${accountLabel('sla_cancelled_on_c', en)} (${problem.cancelledOn}) is after the refund window (the first 6 months of the term): untick ${accountLabel('sla_refunded_c', en)} or correct ${accountLabel('sla_cancelled_on_c', en)}`;
    case 'date_invalid':
      return `${fieldLabel(problem.module, problem.field, en)} ${problem.text} is not a date (YYYY-MM-DD): enter a date`;
    case 'work_date_missing':
      return `${entryLabel('work_date', en)} is empty: enter the day the work was done`;
    case 'hours_missing':
      return `${entryLabel('hours', en)} is empty: enter the time spent`;
    case 'hours_not_number':
      return `${entryLabel('hours', en)} is not a number of hours: enter more than 0 and at most 24`;
    case 'hours_out_of_range':
      return `${entryLabel('hours', en)} is ${problem.value}: enter more than 0 and at most ${problem.max}; an entry is one day’s work, so log longer work as one entry per work date`;
    case 'category_missing':
      return `${entryLabel('category', en)} is empty: choose one of ${listLabels('SLA_TimeEntries', 'category', en)}`;
    case 'category_unknown':
      return `${entryLabel('category', en)} is ${problem.value}, which is not in its list: choose one of ${listLabels('SLA_TimeEntries', 'category', en)}`;
  }
}

function spanish(problem: Problem): string {
  const es: Language = 'es';
  switch (problem.code) {
    case 'text':
      return problem.text;
    case 'change_log_unreadable':
      return `${caseLabel('sla_change_log_c', es)}: ${problem.first}${problem.more > 0 ? ` (y ${problem.more} más)` : ''}: el campo se editó fuera de SuiteCRM; pida a un administrador que lo restaure`;
    case 'status_missing':
      return `${caseLabel('status', es)} está vacío: elija uno`;
    case 'reported_at_missing':
      return `${caseLabel('sla_reported_at_c', es)} está vacío y el caso no tiene fecha de creación: indique cuándo notificó el cliente el problema`;
    case 'reported_at_future':
      return `${caseLabel('sla_reported_at_c', es)} (${dateTime(problem.at, CONTRACT_ZONE, SPANISH_DATES)}, hora de ${CONTRACT_ZONE}) está en el futuro: el SLA empieza entonces; si el cliente lo notificó antes, corrija ${caseLabel('sla_reported_at_c', es)}`;
    case 'no_status_history':
      return `el ${caseLabel('sla_change_log_c', es)} no tiene historial de ${caseLabel('status', es)} (el caso está en ${problem.status}): probablemente el caso se creó antes de instalar el paquete`;
    case 'log_starts_late':
      return `el ${caseLabel('sla_change_log_c', es)} empieza después de que el caso dejara New (su primera entrada es desde ${problem.status}): probablemente el caso se creó antes de instalar el paquete`;
    case 'downgrade_without_time':
      return `${caseLabel('sla_downgrade_to_c', es)} tiene valor pero ${caseLabel('sla_downgraded_at_c', es)} está vacío: elija de nuevo ${caseLabel('sla_downgrade_to_c', es)} y guarde`;
    case 'log_disagrees':
      return `el ${caseLabel('sla_change_log_c', es)} termina con ${loggedLabel(problem.field, es)} ${shown('Cases', trackedField(problem.field), problem.logged, es, 'vacío')} pero el caso tiene ${shown('Cases', trackedField(problem.field), problem.current, es, 'vacío')}: se cambió fuera de SuiteCRM (una importación o una edición de la base de datos); cámbielo en SuiteCRM para que el cambio quede registrado`;
    case 'value_not_in_list':
      return `${loggedLabel(problem.field, es)} es ${problem.value ?? 'vacío'}, que no está en su lista: elija una de estas opciones: ${listLabels('Cases', trackedField(problem.field), es)}`;
    case 'severity_missing':
      return `${caseLabel('sla_severity_c', es)} está vacía: elija una para iniciar el reloj del SLA`;
    case 'pinned_elsewhere':
      return `el caso está fijado a la versión de política ${problem.pinned} pero se evaluó con ${problem.used}: reformule el caso (sla-bridge policy restate)`;
    case 'plan_not_in_version':
      return `el plan ${problem.plan} no está en la versión de política ${problem.version}, a la que está fijado el caso: reformule el caso (sla-bridge policy restate)`;
    case 'account_not_found':
      return `la cuenta ${problem.of === 'case' ? 'del caso' : 'del registro'} (${problem.accountId}) no está en SuiteCRM: elija de nuevo la cuenta`;
    case 'account_mismatch':
      return `la cuenta ${problem.accountId} no es la cuenta del caso (un error del puente: notifíquelo)`;
    case 'account_contract':
      return `el contrato de la cuenta no se puede calcular: ${spanish(problem.inner)}`;
    case 'plan_unknown':
      return `${accountLabel('sla_plan_c', es)} ${problem.plan} no está en la política de soporte (planes: ${problem.plans.join(', ')}): elija un plan de la lista`;
    case 'contract_start_missing':
      return `${accountLabel('sla_contract_start_c', es)} está vacío: indique el día en que empezó el contrato`;
    case 'reserved_hours_not_number':
      return `${accountLabel('sla_reserved_hours_c', es)} no es un número de horas: indique de 0 a 10.000 horas, o déjelo vacío para usar las horas del plan`;
    case 'reserved_hours_out_of_range':
      return `${accountLabel('sla_reserved_hours_c', es)} es ${problem.value}: indique de 0 a ${grouped(problem.max, '.')} horas, o déjelo vacío para usar las horas del plan`;
    case 'phone_cover_invalid':
      return `${accountLabel('sla_phone_cover_c', es)} es ${problem.value}, que no está en su lista: elija una de estas opciones: ${listLabels('Accounts', 'sla_phone_cover_c', es)}`;
    case 'cancelled_on_missing':
      return `${accountLabel('sla_will_not_renew_c', es)} está marcado pero ${accountLabel('sla_cancelled_on_c', es)} está vacía: indique el día en que canceló el cliente`;
    case 'refunded_without_cancel':
      return `${accountLabel('sla_refunded_c', es)} está marcado pero ${accountLabel('sla_will_not_renew_c', es)} no: márquelo e indique ${accountLabel('sla_cancelled_on_c', es)}, o desmarque ${accountLabel('sla_refunded_c', es)}`;
    case 'refund_after_window':
      return `${accountLabel('sla_refunded_c', es)} está marcado, pero ${accountLabel('sla_cancelled_on_c', es)} (${problem.cancelledOn}) es posterior al plazo de reembolso (los 6 primeros meses del periodo): desmarque ${accountLabel('sla_refunded_c', es)} o corrija ${accountLabel('sla_cancelled_on_c', es)}`;
    case 'date_invalid':
      return `${fieldLabel(problem.module, problem.field, es)} ${problem.text} no es una fecha (AAAA-MM-DD): indique una fecha`;
    case 'work_date_missing':
      return `${entryLabel('work_date', es)} está vacía: indique el día en que se hizo el trabajo`;
    case 'hours_missing':
      return `${entryLabel('hours', es)} está vacío: indique el tiempo dedicado`;
    case 'hours_not_number':
      return `${entryLabel('hours', es)} no es un número de horas: indique más de 0 y como mucho 24`;
    case 'hours_out_of_range':
      return `${entryLabel('hours', es)} es ${problem.value}: indique más de 0 y como mucho ${problem.max}; un registro es el trabajo de un día, así que registre un trabajo más largo con un registro por fecha de trabajo`;
    case 'category_missing':
      return `${entryLabel('category', es)} está vacía: elija una de estas opciones: ${listLabels('SLA_TimeEntries', 'category', es)}`;
    case 'category_unknown':
      return `${entryLabel('category', es)} es ${problem.value}, que no está en su lista: elija una de estas opciones: ${listLabels('SLA_TimeEntries', 'category', es)}`;
  }
}
