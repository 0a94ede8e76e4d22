import type { FilterSpec } from './query-string.js';
import type { AttributeParser, V8Record, WritableAttributes } from './v8-record.js';
import type { FieldDefinition } from './v8-response.schemas.js';

/** The public interface of the V8 client and its option types. */
export interface ReadOptions<T> {
  /** Sparse fieldset (`fields[Module]=a,b`); all attributes when absent. */
  fields?: readonly string[];
  parse: AttributeParser<T>;
}

export interface ListOptions<T> extends ReadOptions<T> {
  /** ANDed conditions; the keys the reader pages by (`id`, and `date_modified` for readChanged) are not allowed. */
  filter?: FilterSpec;
  pageSize?: number;
}

export interface ChangedOptions<T> extends ListOptions<T> {
  /** Epoch ms; floored to the minute. */
  since: number;
}

export interface ChangedBatch<T> {
  records: V8Record<T>[];
  /** Every record modified before this instant (whole minute, UTC, SuiteCRM's clock) has been yielded. */
  completeBefore: number;
  last: boolean;
}

export interface RelatedOptions<T> {
  parse: AttributeParser<T>;
  filter?: FilterSpec;
  pageSize?: number;
}

export interface ModuleAccess {
  label: string;
  access: string[];
}

export interface CurrentUser {
  id: string;
  userName: string;
}

/** The SuiteCRM V8 API, as the sync engine and `doctor` use it. */
export interface SuiteCrmClient {
  /** `/Api` or `/legacy/Api`: configured, or detected on first use. */
  apiPath(): Promise<string>;
  getRecord<T>(module: string, id: string, options: ReadOptions<T>): Promise<V8Record<T>>;
  /** Like getRecord, but undefined when SuiteCRM says the record is not found (deleted or never existed). */
  findRecord<T>(module: string, id: string, options: ReadOptions<T>): Promise<V8Record<T> | undefined>;
  /** Records modified since a minute, in batches that say up to where the read is complete. */
  readChanged<T>(module: string, options: ChangedOptions<T>): AsyncGenerator<ChangedBatch<T>>;
  /** Every record (matching the filter), page by page, by id. */
  scanAll<T>(module: string, options: ListOptions<T>): AsyncGenerator<V8Record<T>[]>;
  /** Records related through a link field (`cases`, not `Cases`), page by page, by id. Sparse fields do not work there. */
  readRelated<T>(
    module: string,
    id: string,
    link: string,
    options: RelatedOptions<T>,
  ): AsyncGenerator<V8Record<T>[]>;
  /** POST; 201. With a client-chosen `id` the request is safe to retry. */
  createRecord<T>(
    module: string,
    attributes: WritableAttributes,
    options: { id?: string; parse: AttributeParser<T> },
  ): Promise<V8Record<T>>;
  /**
   * PATCH with the id in the body; SuiteCRM answers 201 with the whole record. Send `""` to
   * clear a field (null is ignored by SuiteCRM and refused here); `date_modified` is set by
   * SuiteCRM whatever is sent.
   */
  updateRecord<T>(
    module: string,
    id: string,
    attributes: WritableAttributes,
    options: { parse: AttributeParser<T> },
  ): Promise<V8Record<T>>;
  deleteRecord(module: string, id: string): Promise<void>;
  /** POST .../relationships/{link} with the related record. */
  link(module: string, id: string, link: string, related: { module: string; id: string }): Promise<void>;
  /** DELETE .../relationships/{link}/{relatedId}. */
  unlink(module: string, id: string, link: string, relatedId: string): Promise<void>;
  /** `meta/fields/{Module}`: vardefs without options or labels. */
  fieldDefinitions(module: string): Promise<Record<string, FieldDefinition>>;
  /** `meta/modules`: what the API user may do in each module. */
  moduleAccess(): Promise<Record<string, ModuleAccess>>;
  currentUser(): Promise<CurrentUser>;
  /** The user's time zone preference (`data.attributes.global.timezone`); undefined when unset. */
  userTimeZone(userId: string): Promise<string | undefined>;
  /**
   * SuiteCRM's clock as its answers' `Date` headers show it: the newest seen so far (epoch ms,
   * whole seconds), or undefined before any answer. `doctor` compares it with the local clock.
   */
  lastServerTime(): number | undefined;
  /** Revokes the cached access token, if any. */
  logout(): Promise<void>;
  /** Closes idle connections. */
  close(): void;
}
