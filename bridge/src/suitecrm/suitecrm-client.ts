import type { z } from 'zod';
import { BridgeError, isBridgeError } from '../errors/bridge-error.js';
import { formatIssues } from '../errors/zod-issues.js';
import { logger } from '../logging/logger.js';
import { registerSecret } from '../logging/redact.js';
import { detectApiPath, normaliseApiPath, normaliseBaseUrl } from './api-path.js';
import { describeUrl, type HttpMethod, type HttpResponse, HttpTransport } from './http-transport.js';
import { type FetchPage, readChangedPages, scanByIdPages } from './keyset-reader.js';
import { parseLenientJson } from './lenient-json.js';
import { buildQuery, type FilterSpec, type QueryPairs, segment } from './query-string.js';
import {
  type Clock,
  checkClientConfig,
  DEFAULT_CONCURRENCY,
  DEFAULT_PAGE_SIZE,
  type SuiteCrmClientConfig,
} from './suitecrm-config.js';
import { TokenProvider } from './token-provider.js';
import { V8Connection } from './v8-connection.js';
import { errorFromResponse } from './v8-error.js';
import {
  type AttributeParser,
  checkWritable,
  toRecord,
  type V8Record,
  type WritableAttributes,
} from './v8-record.js';
import {
  currentUserSchema,
  type FieldDefinition,
  fieldListSchema,
  metaMessageSchema,
  moduleListSchema,
  resourceListSchema,
  singleResourceSchema,
  userPreferencesSchema,
} from './v8-response.schemas.js';

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
  /** Revokes the cached access token, if any. */
  logout(): Promise<void>;
  /** Closes idle connections. */
  close(): void;
}

const JSON_API = 'application/vnd.api+json';

interface CallSpec<S> {
  method: HttpMethod;
  /** Under the API path, e.g. `/V8/module/Cases`. */
  path: string;
  query?: QueryPairs;
  body?: unknown;
  ok: readonly number[];
  schema: z.ZodType<S>;
  idempotent: boolean;
  /** Re-authenticate once on a 401 (all calls but logout). */
  reauthenticate?: boolean;
}

interface CallResult<S> {
  value: S;
  response: HttpResponse;
  /** SuiteCRM's clock as last seen before the answered request was sent (see V8Connection.serverTime). */
  serverTimeBefore: number | undefined;
}

export class SuiteCrmV8Client implements SuiteCrmClient {
  private readonly baseUrl: string;
  private readonly pageSize: number;
  private readonly clock: Clock;
  private readonly connection: V8Connection;
  private readonly tokens: TokenProvider;
  private root: Promise<string> | undefined;

  constructor(private readonly config: SuiteCrmClientConfig) {
    checkClientConfig(config);
    registerSecret(config.auth.clientSecret);
    if (config.auth.grant === 'password') registerSecret(config.auth.password);
    this.baseUrl = normaliseBaseUrl(config.baseUrl);
    this.pageSize = config.pageSize ?? DEFAULT_PAGE_SIZE;
    this.clock = config.clock;
    this.connection = new V8Connection({
      transport: new HttpTransport({
        timeoutMs: config.timeoutMs,
        ...(config.caBundle === undefined ? {} : { caBundle: config.caBundle }),
      }),
      concurrency: config.concurrency ?? DEFAULT_CONCURRENCY,
      retry: config.retry,
      clock: config.clock,
      random: config.random ?? Math.random,
      log: logger('suitecrm'),
    });
    this.tokens = new TokenProvider(
      config.auth,
      this.connection,
      async () => `${await this.apiRoot()}/access_token`,
    );
  }

  async apiPath(): Promise<string> {
    return (await this.apiRoot()).slice(this.baseUrl.length);
  }

  async getRecord<T>(module: string, id: string, options: ReadOptions<T>): Promise<V8Record<T>> {
    const { value } = await this.call({
      method: 'GET',
      path: `/V8/module/${segment(module)}/${segment(id)}`,
      query: fieldsQuery(module, options.fields),
      ok: [200],
      schema: singleResourceSchema,
      idempotent: true,
    });
    return toRecord(value.data, module, options.parse);
  }

  async findRecord<T>(module: string, id: string, options: ReadOptions<T>): Promise<V8Record<T> | undefined> {
    try {
      return await this.getRecord(module, id, options);
    } catch (error) {
      if (isBridgeError(error) && error.code === 'not_found') return undefined;
      throw error;
    }
  }

  async *readChanged<T>(module: string, options: ChangedOptions<T>): AsyncGenerator<ChangedBatch<T>> {
    const pageSize = options.pageSize ?? this.pageSize;
    // The reader needs each record's minute, whatever the caller asked for.
    const fields =
      options.fields && !options.fields.includes('date_modified')
        ? [...options.fields, 'date_modified']
        : options.fields;
    const fetch = this.pageFetcher(`/V8/module/${segment(module)}`, pageSize, fieldsQuery(module, fields));
    const plan = {
      since: options.since,
      pageSize,
      ...(options.filter === undefined ? {} : { filter: options.filter }),
    };
    for await (const batch of readChangedPages(fetch, plan)) {
      yield {
        records: batch.records.map((resource) => toRecord(resource, module, options.parse)),
        completeBefore: batch.completeBefore,
        last: batch.last,
      };
    }
  }

  async *scanAll<T>(module: string, options: ListOptions<T>): AsyncGenerator<V8Record<T>[]> {
    const pageSize = options.pageSize ?? this.pageSize;
    const fetch = this.pageFetcher(
      `/V8/module/${segment(module)}`,
      pageSize,
      fieldsQuery(module, options.fields),
    );
    const plan = { pageSize, ...(options.filter === undefined ? {} : { filter: options.filter }) };
    for await (const page of scanByIdPages(fetch, plan)) {
      yield page.map((resource) => toRecord(resource, module, options.parse));
    }
  }

  async *readRelated<T>(
    module: string,
    id: string,
    link: string,
    options: RelatedOptions<T>,
  ): AsyncGenerator<V8Record<T>[]> {
    const pageSize = options.pageSize ?? this.pageSize;
    // No `fields` here: SuiteCRM ignores it on relationship routes (fixtures README item 30).
    const fetch = this.pageFetcher(
      `/V8/module/${segment(module)}/${segment(id)}/relationships/${segment(link)}`,
      pageSize,
      [],
    );
    const plan = { pageSize, ...(options.filter === undefined ? {} : { filter: options.filter }) };
    for await (const page of scanByIdPages(fetch, plan)) {
      yield page.map((resource) => toRecord(resource, link, options.parse));
    }
  }

  async createRecord<T>(
    module: string,
    attributes: WritableAttributes,
    options: { id?: string; parse: AttributeParser<T> },
  ): Promise<V8Record<T>> {
    checkWritable(module, attributes);
    const data = {
      type: module,
      ...(options.id === undefined ? {} : { id: nonEmpty(options.id, 'id') }),
      attributes,
    };
    try {
      const { value } = await this.call({
        method: 'POST',
        path: '/V8/module',
        body: { data },
        ok: [201, 200],
        schema: singleResourceSchema,
        // Without an id a lost answer could mean a created record: a retry would duplicate it.
        idempotent: options.id !== undefined,
      });
      return toRecord(value.data, module, options.parse);
    } catch (error) {
      // Our earlier attempt created it and its answer was lost.
      if (options.id !== undefined && retriedAndGot(error, 'duplicate_id')) {
        return this.getRecord(module, options.id, { parse: options.parse });
      }
      throw error;
    }
  }

  async updateRecord<T>(
    module: string,
    id: string,
    attributes: WritableAttributes,
    options: { parse: AttributeParser<T> },
  ): Promise<V8Record<T>> {
    checkWritable(module, attributes);
    if (Object.keys(attributes).length === 0) {
      throw new BridgeError(
        'invalid_request',
        `nothing to update on ${module} ${id}: an empty PATCH still bumps date_modified`,
      );
    }
    const { value } = await this.call({
      method: 'PATCH',
      path: '/V8/module',
      body: { data: { type: module, id: nonEmpty(id, 'id'), attributes } },
      // SuiteCRM 7.14 answers 201; 200 is what JSON:API says and a later version may send.
      ok: [201, 200],
      schema: singleResourceSchema,
      // Setting values is idempotent.
      idempotent: true,
    });
    return toRecord(value.data, module, options.parse);
  }

  async deleteRecord(module: string, id: string): Promise<void> {
    try {
      await this.call({
        method: 'DELETE',
        path: `/V8/module/${segment(module)}/${segment(id)}`,
        ok: [200],
        schema: metaMessageSchema,
        idempotent: true,
      });
    } catch (error) {
      // Our earlier attempt deleted it and its answer was lost.
      if (retriedAndGot(error, 'record_not_found')) return;
      throw error;
    }
  }

  async link(
    module: string,
    id: string,
    link: string,
    related: { module: string; id: string },
  ): Promise<void> {
    await this.call({
      method: 'POST',
      path: `/V8/module/${segment(module)}/${segment(id)}/relationships/${segment(link)}`,
      body: {
        data: { type: nonEmpty(related.module, 'related module'), id: nonEmpty(related.id, 'related id') },
      },
      ok: [201, 200],
      schema: metaMessageSchema,
      // Relating a pair that is already related leaves one relationship.
      idempotent: true,
    });
  }

  async unlink(module: string, id: string, link: string, relatedId: string): Promise<void> {
    await this.call({
      method: 'DELETE',
      path: `/V8/module/${segment(module)}/${segment(id)}/relationships/${segment(link)}/${segment(relatedId)}`,
      ok: [200],
      schema: metaMessageSchema,
      idempotent: true,
    });
  }

  async fieldDefinitions(module: string): Promise<Record<string, FieldDefinition>> {
    const { value } = await this.call({
      method: 'GET',
      path: `/V8/meta/fields/${segment(module)}`,
      ok: [200],
      schema: fieldListSchema,
      idempotent: true,
    });
    return value.data.attributes;
  }

  async moduleAccess(): Promise<Record<string, ModuleAccess>> {
    const { value } = await this.call({
      method: 'GET',
      path: '/V8/meta/modules',
      ok: [200],
      schema: moduleListSchema,
      idempotent: true,
    });
    const out: Record<string, ModuleAccess> = {};
    for (const [name, entry] of Object.entries(value.data.attributes)) {
      out[name] = { label: entry.label, access: [...entry.access] };
    }
    return out;
  }

  async currentUser(): Promise<CurrentUser> {
    const { value } = await this.call({
      method: 'GET',
      path: '/V8/current-user',
      ok: [200],
      schema: currentUserSchema,
      idempotent: true,
    });
    return { id: value.data.id, userName: value.data.attributes.user_name };
  }

  async userTimeZone(userId: string): Promise<string | undefined> {
    const { value } = await this.call({
      method: 'GET',
      path: `/V8/user-preferences/${segment(userId)}`,
      ok: [200],
      schema: userPreferencesSchema,
      idempotent: true,
    });
    const global = value.data.attributes.global;
    const zone = global && !Array.isArray(global) ? global.timezone : undefined;
    return zone === '' ? undefined : zone;
  }

  async logout(): Promise<void> {
    if (this.tokens.cachedToken() === undefined) return;
    try {
      await this.call({
        method: 'POST',
        path: '/V8/logout',
        ok: [200],
        schema: metaMessageSchema,
        idempotent: false,
        // A 401 means the token is already unusable, which is what logging out wants.
        reauthenticate: false,
      });
    } catch (error) {
      if (
        !(isBridgeError(error) && error.code === 'auth_failed' && error.details.reason === 'token_rejected')
      ) {
        throw error;
      }
    } finally {
      this.tokens.forget();
    }
  }

  close(): void {
    this.connection.close();
  }

  /** `https://crm.example.com/Api`, detected once (again after a failed detection). */
  private apiRoot(): Promise<string> {
    if (this.root === undefined) {
      this.root = this.resolveApiRoot();
      this.root.catch(() => {
        this.root = undefined;
      });
    }
    return this.root;
  }

  private async resolveApiRoot(): Promise<string> {
    if (this.config.apiPath !== undefined) return `${this.baseUrl}${normaliseApiPath(this.config.apiPath)}`;
    const path = await detectApiPath(this.baseUrl, (url) =>
      this.connection.retrying(`GET ${describeUrl(url)}`, true, () =>
        this.connection.exchange({ method: 'GET', url, headers: { Accept: 'application/json' } }),
      ),
    );
    this.connection.log.info('SuiteCRM V8 API found', { apiPath: path });
    return `${this.baseUrl}${path}`;
  }

  /** Page 1 of a list with the reader's query, always with `page[size]` and `page[number]=1`. */
  private pageFetcher(path: string, pageSize: number, tail: QueryPairs): FetchPage {
    return async (query) => {
      const { value, serverTimeBefore } = await this.call({
        method: 'GET',
        path,
        query: [...query, ['page[size]', String(pageSize)], ['page[number]', '1'], ...tail],
        ok: [200],
        schema: resourceListSchema,
        idempotent: true,
      });
      return { records: value.data, serverTimeBefore };
    };
  }

  private async call<S>(spec: CallSpec<S>): Promise<CallResult<S>> {
    const url = `${await this.apiRoot()}${spec.path}${buildQuery(spec.query ?? [])}`;
    const path = describeUrl(url);
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    let reauthenticated = spec.reauthenticate === false;
    return this.connection.retrying(`${spec.method} ${path}`, spec.idempotent, async () => {
      for (;;) {
        const token = await this.tokens.accessToken();
        const serverTimeBefore = this.connection.serverTime;
        const response = await this.connection.exchange({
          method: spec.method,
          url,
          headers: {
            // The scheme is case-sensitive in SuiteCRM: "bearer" is rejected (capture 134).
            Authorization: `Bearer ${token}`,
            Accept: JSON_API,
            ...(body === undefined ? {} : { 'Content-Type': JSON_API }),
          },
          ...(body === undefined ? {} : { body }),
        });
        if (response.status === 401 && !reauthenticated) {
          // Expired early, revoked, or the server's keys changed: one new token, one more try.
          reauthenticated = true;
          this.tokens.invalidate(token);
          this.connection.log.info('access token rejected; signing in again', { path: pathOnly(path) });
          continue;
        }
        if (!spec.ok.includes(response.status)) {
          throw errorFromResponse(response, {
            endpoint: 'api',
            method: spec.method,
            path,
            now: this.clock.now(),
          });
        }
        return { value: this.parseBody(response, spec, path), response, serverTimeBefore };
      }
    });
  }

  private parseBody<S>(response: HttpResponse, spec: CallSpec<S>, path: string): S {
    const where = `${spec.method} ${pathOnly(path)}`;
    const json = parseLenientJson(response.body);
    if (json === undefined) {
      throw new BridgeError(
        'bad_response',
        `SuiteCRM answered ${response.status} to ${where} with a body that is not JSON`,
        {
          details: {
            status: response.status,
            method: spec.method,
            path,
            truncated: true,
            bodyLength: response.body.length,
          },
        },
      );
    }
    if (json.leading !== '' || json.trailing !== '') {
      // PHP notices or a "Database failure" line around the JSON: usable, but worth knowing.
      this.connection.log.warn('SuiteCRM printed text around a JSON answer', {
        request: where,
        leadingChars: json.leading.length,
        trailingChars: json.trailing.length,
      });
    }
    const parsed = spec.schema.safeParse(json.value);
    if (!parsed.success) {
      throw new BridgeError(
        'bad_response',
        `SuiteCRM answered ${response.status} to ${where} with an unexpected shape: ${formatIssues(parsed.error.issues, 'body')}`,
        { details: { status: response.status, method: spec.method, path } },
      );
    }
    return parsed.data;
  }
}

/** Builds a client; nothing is sent until the first call. */
export function createSuiteCrmClient(config: SuiteCrmClientConfig): SuiteCrmClient {
  return new SuiteCrmV8Client(config);
}

function fieldsQuery(module: string, fields: readonly string[] | undefined): QueryPairs {
  if (fields === undefined || fields.length === 0) return [];
  return [[`fields[${module}]`, fields.join(',')]];
}

function retriedAndGot(error: unknown, reason: string): boolean {
  return (
    isBridgeError(error) &&
    error.details.reason === reason &&
    typeof error.details.attempts === 'number' &&
    error.details.attempts > 1
  );
}

function nonEmpty(value: string, what: string): string {
  if (value === '') throw new BridgeError('invalid_request', `empty ${what}`);
  return value;
}

function pathOnly(path: string): string {
  const query = path.indexOf('?');
  return query < 0 ? path : path.slice(0, query);
}
