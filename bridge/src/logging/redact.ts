/**
 * Secret redaction for anything that leaves the process as text (logs, error messages,
 * `--json` output). Two nets: keys whose name says "secret", and the literal values of the
 * secrets the configuration registered (a password echoed back by SuiteCRM's token endpoint
 * is caught by the second net even though its key is "message").
 */
const SECRET_KEY = /pass(word)?|secret|token|authori[sz]ation|cookie|api[-_]?key/i;
export const REDACTED = '[redacted]';

const registered = new Set<string>();

/** Registers secret values (client secret, password, tokens). Short values are ignored to avoid redacting common words. */
export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 4) registered.add(value);
}

export function forgetSecretsForTests(): void {
  registered.clear();
}

export function redactText(text: string): string {
  let out = text;
  for (const secret of registered) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), ...redactRecord(value, depth) };
  }
  return redactRecord(value as Record<string, unknown>, depth);
}

function redactRecord(record: object, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, val] of Object.entries(record)) {
    out[key] = SECRET_KEY.test(key) && val !== undefined && val !== null ? REDACTED : redact(val, depth + 1);
  }
  return out;
}
