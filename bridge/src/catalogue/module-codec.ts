import { BridgeError } from '../errors/bridge-error.js';
import {
  type AttributeParseResult,
  type FieldSpec,
  type PatchAttributes,
  parseAttributes,
} from './attribute-codec.js';
import { normaliseStoredValue, storedAttribute, toPatchValue } from './attribute-write.js';
import type { ModuleName } from './catalogue-schema.js';

/** The codec of one module: its field specs bound to the conversions above. */
export interface ModuleCodec<T> {
  readonly module: ModuleName;
  /** The V8 resource `type` of the module (the bean's object name). */
  readonly objectName: string;
  readonly fields: { readonly [K in keyof T]: FieldSpec };
  /** Raw V8 attributes → typed values plus per-field problems. Never throws. */
  parse(raw: unknown): AttributeParseResult<T>;
  /** Typed values → the attributes of a PATCH (only the fields given). */
  toPatch(values: Partial<T>): PatchAttributes;
  /** The raw string V8 will return for `field` once `value` is stored. */
  storedAttribute<K extends keyof T & string>(field: K, value: T[K]): string;
  /** The typed value V8 will return for `field` once `value` is stored. */
  normaliseStored<K extends keyof T & string>(field: K, value: T[K]): T[K];
  /**
   * The fields of `desired` whose stored form differs from `stored` (typed values as last read):
   * exactly what a PATCH must send, nothing when SuiteCRM already holds it.
   */
  changes(stored: Partial<T>, desired: Partial<T>): Partial<T>;
}

export function defineModuleCodec<T>(definition: {
  module: ModuleName;
  objectName: string;
  fields: { readonly [K in keyof T]: FieldSpec };
}): ModuleCodec<T> {
  const { fields } = definition;
  const specOf = (field: string): FieldSpec => {
    const spec = (fields as Record<string, FieldSpec | undefined>)[field];
    if (spec === undefined || !Object.hasOwn(fields, field)) {
      throw new BridgeError('internal', `${definition.module} has no field ${field} in the catalogue`);
    }
    return spec;
  };
  const normalise = (field: string, value: unknown) => normaliseStoredValue(field, specOf(field), value);
  return {
    module: definition.module,
    objectName: definition.objectName,
    fields,
    parse: (raw) => parseAttributes<T>(fields, raw),
    toPatch(values) {
      const patch: PatchAttributes = {};
      for (const [field, value] of Object.entries(values)) {
        if (value === undefined) continue;
        patch[field] = toPatchValue(field, specOf(field), value);
      }
      return patch;
    },
    storedAttribute: (field, value) => storedAttribute(field, specOf(field), value),
    normaliseStored: <K extends keyof T & string>(field: K, value: T[K]) => normalise(field, value) as T[K],
    changes(stored, desired) {
      const out: Partial<T> = {};
      for (const [field, value] of Object.entries(desired) as Array<[keyof T & string, T[keyof T]]>) {
        if (value === undefined) continue;
        const before = (stored as Record<string, unknown>)[field];
        if (before === undefined || normalise(field, value) !== before) out[field] = value as T[typeof field];
      }
      return out;
    },
  };
}
