import { isAlwaysOpen } from '../calendar/index.js';
import type { Coverage } from '../case/coverage.js';
import type { Environment, Reportable } from '../severity/severity.js';
import type { BreakdownItem } from './day-breakdown.js';
import type {
  CaseExplanationModel,
  CoverageFacts,
  ExplanationTemplates,
  ResolutionExplanation,
  ResponseExplanation,
  SeverityExplanation,
} from './explanation-model.js';
import { dateTime, reasonText, shortDay, SPANISH_DATES as WORDS } from './local-format.js';
import { spanText, SPANISH_TIME as TIME, targetText } from './target-words.js';

const ENVIRONMENTS: Record<Environment, string> = {
  production: 'producción',
  pre_production: 'preproducción',
  uat: 'UAT',
  lab: 'laboratorio',
  demo: 'demostración',
  unknown: 'desconocido',
};

const NOT_REPORTABLE: Record<Exclude<Reportable, 'yes'>, string> = {
  misuse: 'mal uso del cliente (a)',
  no_material_effect: 'sin efecto material en la operación (b)',
  unsupported_modification: 'una modificación no contemplada en el acuerdo (c)',
  update_not_applied: 'no se aplicó una actualización entregada (d)',
};

function coverageSentence(model: CoverageFacts): string {
  const plan = model.planLabel ?? 'dedicado';
  const sentences: Record<Exclude<Coverage, 'not_tracked'>, string> = {
    covered: `Cubierto por el plan ${plan}.`,
    withdrawn: 'Sin SLA: cerrado como duplicado o rechazado antes de que nadie lo confirmara (retirado).',
    no_contract: 'Sin SLA: la cuenta no tiene contrato de soporte.',
    free_support: 'Sin SLA: la cuenta solo tiene soporte gratuito (el foro).',
    not_started: `Sin SLA: el contrato ${plan} no había empezado cuando se notificó el caso.`,
    ended: `Sin SLA: el contrato ${plan} había terminado cuando se notificó el caso.`,
    not_paid: `Sin SLA: el periodo del plan ${plan} no estaba pagado cuando se notificó el caso.`,
    not_reportable: `Sin SLA: no es un incidente notificable (${model.reportable === 'yes' ? 'notificable' : NOT_REPORTABLE[model.reportable]}).`,
    hours_exhausted: `Sin SLA: las horas reservadas del plan ${plan} se habían agotado antes de notificarse el caso.`,
  };
  return model.coverage === 'not_tracked'
    ? 'Sin seguimiento: notificado antes de que el puente empezara a seguir casos.'
    : sentences[model.coverage];
}

function severityNote(model: SeverityExplanation): string | null {
  const { current } = model;
  const { facts } = current;
  const parts: string[] = [];
  if (current.environmentCapped && current.causeCapped) {
    parts.push(
      `Notificado con gravedad ${facts.severity}, limitada a ${current.capped}: los problemas de software del cliente o de terceros nunca son de gravedad 1 ni 2, y la gravedad 1 exige producción o un sistema de preproducción con la UAT completada (entorno: ${ENVIRONMENTS[facts.environment]}).`,
    );
  } else if (current.environmentCapped) {
    parts.push(
      `Notificado con gravedad 1, limitada a 2: la gravedad 1 exige producción o un sistema de preproducción con la UAT completada (entorno: ${ENVIRONMENTS[facts.environment]}).`,
    );
  } else if (current.causeCapped) {
    parts.push(
      `Notificado con gravedad ${facts.severity}, limitada a 3: los problemas de software del cliente o de terceros nunca son de gravedad 1 ni 2.`,
    );
  }
  if (current.environmentUnconfirmed) parts.push('Gravedad 1 aceptada; entorno sin confirmar.');
  if (current.downgraded) {
    const when = model.downgradeAt === null ? '' : ` el ${dateTime(model.downgradeAt, model.zone, WORDS)}`;
    parts.push(
      `Rebajado a ${current.effective}${when}: ${reasonText(model.downgradeReason) ?? 'sin motivo registrado'}.`,
    );
  } else if (current.downgradeIneffective) {
    parts.push(`La rebaja a ${facts.downgradeTo} no cambia nada: la gravedad ya es ${current.capped}.`);
  }
  if (model.responseSeverity) {
    parts.push(
      `El objetivo de respuesta mantiene la gravedad ${model.responseSeverity.capped} notificada al principio.`,
    );
  }
  return parts.length === 0 ? null : parts.join(' ');
}

function breakdown(items: readonly BreakdownItem[]): string {
  return items
    .map((item) => {
      if (item.kind === 'minutes') return `${item.minutes} minutos el ${shortDay(item.day, WORDS)}`;
      if (item.kind === 'run')
        return `${item.minutes} minutos en cada uno de ${item.days} días, del ${shortDay(item.from, WORDS)} al ${shortDay(item.to, WORDS)}`;
      return `${shortDay(item.day, WORDS)} cerrado (${item.name})`;
    })
    .join('; ');
}

function response(model: ResponseExplanation): string {
  const at = (instant: number) => dateTime(instant, model.zone, WORDS);
  const calendar = calendarText(model.calendarName, model.alwaysOpen);
  const steps = model.breakdown ? `; ${breakdown(model.breakdown)}` : '';
  const head = `Respuesta: gravedad ${model.severity}, objetivo ${targetText(model.targetMinutes, model.calendar, TIME)} (${calendar}). Notificado ${at(model.start)}${steps}; vence ${at(model.due)}.`;
  const acknowledged = (verdict: string) =>
    `Confirmado ${at(model.acknowledgedAt ?? model.start)} tras ${spanText(model.minutes ?? 0, TIME)}: ${verdict}.`;
  switch (model.status) {
    case 'met':
      return `${head} ${acknowledged('cumplido')}`;
    case 'met_late':
      return `${head} ${acknowledged(`cumplido con retraso (incumplido el ${at(model.breachedAt)})`)}`;
    case 'breached':
      return `${head} No se confirmó a tiempo: incumplido el ${at(model.breachedAt)}.`;
    case 'at_risk':
      return `${head} Aún sin confirmar: en riesgo desde el ${at(model.atRiskAt)}; incumplido el ${at(model.breachedAt)} si sigue sin confirmar.`;
    default:
      return `${head} Aún sin confirmar: en riesgo a partir del ${at(model.atRiskAt)}.`;
  }
}

function resolution(model: ResolutionExplanation): string {
  const at = (instant: number) => dateTime(instant, model.zone, WORDS);
  const paused =
    model.paused > 0 ? ` ${spanText(model.paused, TIME)} en pausa esperando al cliente hasta ahora.` : '';
  const calendar = calendarText(model.calendarName, isAlwaysOpen(model.calendar));
  const head = `Resolución: gravedad ${model.severity}, objetivo ${targetText(model.targetMinutes, model.calendar, TIME)} (${calendar}).${paused}`;
  switch (model.status) {
    case 'pending':
      return `${head} Vence ${at(model.due ?? 0)}.`;
    case 'at_risk':
      return `${head} Vence ${at(model.due ?? 0)}: en riesgo.`;
    case 'paused':
      return `${head} En pausa esperando al cliente tras ${spanText(model.consumed, TIME)}: sin vencimiento.`;
    case 'breached':
      return `${head} Incumplido el ${at(model.breach?.at ?? 0)} (vencía ${at(model.breach?.due ?? 0)}).`;
    case 'met':
      return `${head} Cerrado ${at(model.closedAt ?? 0)} tras ${spanText(model.consumed, TIME)}, vencía ${at(model.due ?? 0)}: cumplido.`;
    case 'met_late':
      return `${head} Cerrado ${at(model.closedAt ?? 0)}, vencía ${at(model.due ?? 0)}: cumplido con retraso.`;
    case 'hours_exhausted':
      return `${head} Detenido: las horas reservadas del plan se agotaron${model.hoursExhaustedAt === null ? '' : ` el ${at(model.hoursExhaustedAt)}`}.`;
    case 'not_applicable':
      return `${head} Cerrado como ${model.closedStatus === 'Closed_Duplicate' ? 'duplicado' : 'rechazado'} después de confirmarse: no aplicable.`;
    default:
      return head;
  }
}

/** La etiqueta del calendario; un calendario 24/7 cuya etiqueta no lo dice recibe ", 24/7". */
function calendarText(label: string, alwaysOpen: boolean): string {
  return alwaysOpen && !label.includes('24/7') ? `${label}, 24/7` : label;
}

function caseExplanation(model: CaseExplanationModel): string {
  const parts = [coverageSentence(model)];
  const note = severityNote(model.severity);
  parts.push(`Gravedad ${model.severity.current.effective}.${note ? ` ${note}` : ''}`);
  if (model.response) parts.push(response(model.response));
  if (model.resolution && 'target' in model.resolution) parts.push('El plan no fija objetivo de resolución.');
  else if (model.resolution) parts.push(resolution(model.resolution));
  parts.push(`Horas en ${model.zone}.`);
  return parts.join(' ');
}

export const SPANISH: ExplanationTemplates = { coverageSentence, severityNote, caseExplanation };
