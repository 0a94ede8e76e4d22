/**
 * One field of a stand-in module, as SuiteCRM's vardefs describe it. `meta` is exactly what
 * `GET /V8/meta/fields/{Module}` shows for it (the vardef pruned to a few keys, with `required`
 * and `dbType` added when the vardef has none).
 */
export type FieldStorage = 'db' | 'custom' | 'non-db';

export type ValueKind = 'string' | 'int' | 'float' | 'bool' | 'date' | 'datetime';

export interface FieldDef {
  name: string;
  type: string;
  /** The vardef's own dbType; undefined when meta/fields added it. */
  rawDbType: string | undefined;
  storage: FieldStorage;
  kind: ValueKind;
  len: number | undefined;
  precision: number | undefined;
  /** The vardef default; undefined when the vardef has none (or null). */
  defaultValue: string | undefined;
  required: boolean;
  autoIncrement: boolean;
  /** A link field (`type: link`): loadable through the relationship routes. */
  isLink: boolean;
  /** Non-db fields the API renders as `{}` instead of `""` (e.g. `member_of`). */
  objectValued: boolean;
  meta: Record<string, unknown>;
}

const INT_TYPES = new Set(['int', 'uint', 'ulong', 'long', 'short', 'tinyint']);
const FLOAT_TYPES = new Set(['float', 'double', 'decimal', 'currency']);

export function valueKind(type: string, dbType: string | undefined): ValueKind {
  const effective = dbType ?? type;
  if (type === 'datetime' || type === 'datetimecombo' || effective === 'datetime') return 'datetime';
  if (type === 'date' || effective === 'date') return 'date';
  if (type === 'bool' || effective === 'bool') return 'bool';
  if (INT_TYPES.has(effective) || INT_TYPES.has(type)) return 'int';
  if (FLOAT_TYPES.has(effective) || FLOAT_TYPES.has(type)) return 'float';
  return 'string';
}

/**
 * `cleanBean()` sanitises a value when the vardef type plus dbType contains `char` or `text`, or
 * the type is exactly `enum` (so `dynamicenum`, like Cases.status, is left alone).
 */
export function isCleaned(field: FieldDef): boolean {
  const combined = field.type + (field.rawDbType ?? '');
  return combined.includes('char') || combined.includes('text') || combined === 'enum';
}

/** `cleanBean()` trims `name` and `varchar` values before sanitising them. */
export function isTrimmed(field: FieldDef): boolean {
  return field.type === 'name' || field.type === 'varchar';
}

function numberOrUndefined(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/** Builds a field from its meta/fields entry (the captured stock ones, or one we build). */
export function fieldFromMeta(
  name: string,
  meta: Record<string, unknown>,
  extra: { objectValued?: boolean; autoIncrement?: boolean } = {},
): FieldDef {
  const keys = Object.keys(meta);
  const type = String(meta.type ?? 'varchar');
  // meta/fields appends dbType last when the vardef had none.
  const dbTypeIsRaw = typeof meta.dbType === 'string' && keys[keys.length - 1] !== 'dbType';
  const rawDbType = dbTypeIsRaw ? String(meta.dbType) : undefined;
  const source = meta.source;
  const storage: FieldStorage =
    source === 'custom_fields' ? 'custom' : source === 'non-db' || type === 'link' ? 'non-db' : 'db';
  const defaultValue = meta.default === null || meta.default === undefined ? undefined : String(meta.default);
  return {
    name,
    type,
    rawDbType,
    storage,
    kind: valueKind(type, typeof meta.dbType === 'string' ? meta.dbType : undefined),
    len: numberOrUndefined(meta.len),
    precision: numberOrUndefined(meta.precision),
    defaultValue,
    required: meta.required === true,
    autoIncrement: extra.autoIncrement ?? false,
    isLink: type === 'link',
    objectValued: extra.objectValued ?? false,
    meta,
  };
}
