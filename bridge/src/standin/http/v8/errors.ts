/**
 * How a V8 request fails, by the layer that fails it: ParamsMiddleware (400,
 * `application/json`), a controller catching an exception (400, JSON:API media type), the
 * database (400 plus trailing text), or PHP itself (500).
 */
export class ParamsError extends Error {
  override readonly name = 'ParamsError';
}

export class ControllerError extends Error {
  override readonly name = 'ControllerError';
}

export class DatabaseFailure extends Error {
  override readonly name = 'DatabaseFailure';
}

/** Symfony OptionsResolver's rendering of a value in its messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value) || (value !== null && typeof value === 'object')) return 'array';
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

function typeName(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return 'array';
  if (typeof value === 'boolean') return 'bool';
  return Number.isInteger(value) ? 'int' : 'float';
}

export function invalidOption(name: string, value: unknown): ParamsError {
  return new ParamsError(`The option "${name}" with value ${describeValue(value)} is invalid.`);
}

export function wrongType(name: string, value: unknown, expected: string): ParamsError {
  return new ParamsError(
    `The option "${name}" with value ${describeValue(value)} is expected to be of type "${expected}", but is of type "${typeName(value)}".`,
  );
}

/** OptionsResolver's checks for unknown and missing options. */
export function checkOptions(
  given: readonly string[],
  defined: readonly string[],
  required: readonly string[],
): void {
  const unknown = given.filter((name) => !defined.includes(name)).sort();
  if (unknown.length > 0) {
    const list = `"${unknown.join('", "')}"`;
    const definedList = `"${[...defined].sort().join('", "')}"`;
    throw new ParamsError(
      unknown.length === 1
        ? `The option ${list} does not exist. Defined options are: ${definedList}.`
        : `The options ${list} do not exist. Defined options are: ${definedList}.`,
    );
  }
  const missing = required.filter((name) => !given.includes(name)).sort();
  if (missing.length > 0) {
    const list = `"${missing.join('", "')}"`;
    throw new ParamsError(
      missing.length === 1
        ? `The required option ${list} is missing.`
        : `The required options ${list} are missing.`,
    );
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/** Symfony's NotBlank: '', null, false and empty arrays are blank. */
export function isBlank(value: unknown): boolean {
  if (value === '' || value === null || value === undefined || value === false) return true;
  return isObject(value) && Object.keys(value).length === 0;
}

const MODULE_NAME_PATTERN = /^(\d|\W)|\W/;
const ID_PATTERN = /^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function checkModuleName(name: string, value: unknown): string {
  if (typeof value !== 'string') throw wrongType(name, value, 'string');
  if (isBlank(value) || MODULE_NAME_PATTERN.test(value)) throw invalidOption(name, value);
  return value;
}

export function checkId(name: string, value: unknown): string {
  if (typeof value !== 'string') throw wrongType(name, value, 'string');
  if (!ID_PATTERN.test(value)) throw invalidOption(name, value);
  return value;
}

/** Symfony's Uuid constraint in non-strict mode (dashes, braces or urn prefix allowed). */
export function checkUuid(name: string, value: unknown): string {
  if (typeof value !== 'string') throw wrongType(name, value, 'string');
  const bare = value
    .replace(/^urn:uuid:/i, '')
    .replace(/^\{|\}$/g, '')
    .replace(/-/g, '');
  if (isBlank(value) || !/^[0-9a-f]{32}$/i.test(bare)) throw invalidOption(name, value);
  return value;
}
