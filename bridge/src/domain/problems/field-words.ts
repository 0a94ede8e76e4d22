import { CATALOGUE } from '../../catalogue/catalogue.js';
import type { ModuleName } from '../../catalogue/catalogue-schema.js';
import type { Language } from '../policy/policy.schema.js';

/**
 * Field labels and dropdown labels as staff see them in SuiteCRM, from the one field catalogue
 * (`schemas/field-catalogue.json`), in the site's language: problem texts name fields the way
 * the form does, never by their database names.
 */
const CATALOGUE_LANGUAGE = { en: 'en_us', es: 'es_ES' } as const;

/**
 * Stock SuiteCRM fields have no catalogue entry: their labels are SuiteCRM's own language
 * strings (modules/Cases/language/en_us.lang.php and the es_ES pack: LBL_STATUS).
 */
const CORE_LABELS: Record<string, Record<Language, string>> = {
  status: { en: 'Status', es: 'Estado' },
};

export function fieldLabel(module: ModuleName, field: string, language: Language): string {
  const own = CATALOGUE.fields.find((entry) => entry.module === module && entry.name === field);
  if (own) return own.labels[CATALOGUE_LANGUAGE[language]];
  const core = CORE_LABELS[field];
  if (core) return core[language];
  // Only reached through a programming mistake; a test checks every name the texts use.
  return field;
}

/** The label a dropdown shows for a key (the key itself when the list does not have it). */
export function optionLabel(list: string, key: string, language: Language): string {
  const option = CATALOGUE.enums[list]?.options.find((candidate) => candidate.key === key);
  const text = option?.[CATALOGUE_LANGUAGE[language]];
  return text === undefined || text === '' ? key : text;
}

/** The non-blank labels of a dropdown, in list order, for "choose one of ...". */
export function optionLabels(list: string, language: Language): string[] {
  const options = CATALOGUE.enums[list]?.options ?? [];
  return options.map((option) => option[CATALOGUE_LANGUAGE[language]]).filter((text) => text !== '');
}

/** The dropdown list of a catalogue field (e.g. sla_severity_c → sla_severity_list). */
export function listOf(module: ModuleName, field: string): string | undefined {
  return CATALOGUE.fields.find((entry) => entry.module === module && entry.name === field)?.options;
}

/** The catalogue field a change-log entry name stands for (severity → sla_severity_c). */
export function trackedField(name: string): string {
  return (CATALOGUE.changeLog.tracked as Record<string, string>)[name] ?? name;
}
