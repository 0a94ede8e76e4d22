import type { Language } from '../policy/policy.schema.js';
import { ENGLISH } from './en.js';
import { SPANISH } from './es.js';
import type { ExplanationTemplates } from './explanation-model.js';

export function templatesFor(language: Language): ExplanationTemplates {
  return language === 'es' ? SPANISH : ENGLISH;
}
