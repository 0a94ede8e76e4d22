import { BridgeError, isBridgeError } from '../errors/bridge-error.js';
import type { RawResource } from './v8-response.schemas.js';

/**
 * A record as the client hands it out. `type` is SuiteCRM's bean object name (`Case`,
 * `Account`), not the module name (fixtures README item 14). `attributes` is whatever the
 * caller's parser made of the raw attributes.
 */
export interface V8Record<T> {
  id: string;
  type: string;
  attributes: T;
}

/**
 * Raw attributes exactly as SuiteCRM sent them: every value a string (`"0"`, `"7"`,
 * `"0.00000000"`, `""` for NULL), link fields `""` or `{}`, text HTML-encoded (items 15, 37).
 */
export type RawAttributes = Readonly<Record<string, unknown>>;

/**
 * A record named by module and id: the one way the client, the sync and the commands say which
 * record they mean. The sync narrows `module` to the modules it syncs.
 */
export interface RecordRef<M extends string = string> {
  module: M;
  id: string;
}

/**
 * Turns raw attributes into the caller's type (the data contract's generated parsers). It may
 * throw; a thrown error stops the read with `bad_response`. A caller that wants to go on past
 * one bad record returns a result value instead (e.g. `{ ok: false, reason }`).
 */
export type AttributeParser<T> = (raw: RawAttributes, record: SentRecord) => T;

/**
 * What a parser is told about the record: `module` is the module asked for (for related
 * records, the link name they were read through), `type` the JSON:API type SuiteCRM sent.
 */
export type SentRecord = RecordRef & { type: string };

/** The identity parser, for callers that want SuiteCRM's strings as they are. */
export const rawAttributes: AttributeParser<RawAttributes> = (raw) => raw;

/** Values the client writes. No `null`: SuiteCRM ignores it (item 32); send `""` to clear a field. */
export type WritableValue = string | number | boolean;
export type WritableAttributes = Readonly<Record<string, WritableValue>>;

export function toRecord<T>(resource: RawResource, module: string, parse: AttributeParser<T>): V8Record<T> {
  const ref: SentRecord = { module, id: resource.id, type: resource.type };
  try {
    return { id: resource.id, type: resource.type, attributes: parse(resource.attributes, ref) };
  } catch (error) {
    if (isBridgeError(error)) throw error;
    throw new BridgeError(
      'bad_response',
      `${module} ${resource.id}: attributes rejected: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error, details: { module, id: resource.id, reason: 'attributes_rejected' } },
    );
  }
}

/** Rejects what SuiteCRM would silently drop or mangle, before anything is sent. */
export function checkWritable(module: string, attributes: WritableAttributes): void {
  for (const [name, value] of Object.entries(attributes as Record<string, unknown>)) {
    if (value === null || value === undefined) {
      throw new BridgeError(
        'invalid_request',
        `${module}.${name} is ${value === null ? 'null' : 'undefined'}: SuiteCRM ignores null and keeps the old value; send "" to clear a field`,
      );
    }
    if (typeof value === 'object') {
      throw new BridgeError(
        'invalid_request',
        `${module}.${name} is an object: SuiteCRM attributes are flat values`,
      );
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new BridgeError('invalid_request', `${module}.${name} is not a finite number`);
    }
  }
}
