import { BridgeError, hasCode, isBridgeError, isSuiteCrmError } from '../errors/bridge-error.js';
import type { RefusalReason } from '../errors/error-details.js';
import { logger } from '../logging/logger.js';
import { registerSecret } from '../logging/redact.js';
import { ApiLocation, normaliseBaseUrl } from './api-path.js';
import { describeUrl, HttpTransport } from './http-transport.js';
import { type FetchPage, readChangedPages, scanByIdPages } from './keyset-reader.js';
import { type QueryPairs, segment } from './query-string.js';
import type {
  ChangedBatch,
  ChangedOptions,
  CurrentUser,
  ListOptions,
  ModuleAccess,
  ReadOptions,
  RelatedOptions,
  SuiteCrmClient,
} from './suitecrm-client.types.js';
import {
  checkClientConfig,
  DEFAULT_CONCURRENCY,
  DEFAULT_PAGE_SIZE,
  type SuiteCrmClientConfig,
} from './suitecrm-config.js';
import { TokenProvider } from './token-provider.js';
import { V8Connection } from './v8-connection.js';
import {
  type AttributeParser,
  checkWritable,
  toRecord,
  type V8Record,
  type WritableAttributes,
} from './v8-record.js';
import { V8Requester } from './v8-requester.js';
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

/**
 * The facade the sync engine and `doctor` use: each method is one V8 endpoint, sent through
 * the requester (retries, tokens, parsing) and the keyset readers (lists).
 */
export class SuiteCrmV8Client implements SuiteCrmClient {
  private readonly pageSize: number;
  private readonly connection: V8Connection;
  private readonly location: ApiLocation;
  private readonly tokens: TokenProvider;
  private readonly requests: V8Requester;

  constructor(config: SuiteCrmClientConfig) {
    checkClientConfig(config);
    registerSecret(config.auth.clientSecret);
    if (config.auth.grant === 'password') registerSecret(config.auth.password);
    this.pageSize = config.pageSize ?? DEFAULT_PAGE_SIZE;
    const connection = new V8Connection({
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
    this.connection = connection;
    this.location = new ApiLocation(
      normaliseBaseUrl(config.baseUrl),
      config.apiPath,
      (url) =>
        connection.retrying(`GET ${describeUrl(url)}`, true, () =>
          connection.exchange({ method: 'GET', url, headers: { Accept: 'application/json' } }),
        ),
      (path) => connection.log.info('SuiteCRM V8 API found', { apiPath: path }),
    );
    this.tokens = new TokenProvider(
      config.auth,
      connection,
      async () => `${await this.location.root()}/access_token`,
    );
    this.requests = new V8Requester(connection, this.location, this.tokens);
  }

  apiPath(): Promise<string> {
    return this.location.path();
  }

  async getRecord<T>(module: string, id: string, options: ReadOptions<T>): Promise<V8Record<T>> {
    const { value } = await this.requests.call({
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
      const { value } = await this.requests.call({
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
    const { value } = await this.requests.call({
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
      await this.requests.call({
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
    await this.requests.call({
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
    await this.requests.call({
      method: 'DELETE',
      path: `/V8/module/${segment(module)}/${segment(id)}/relationships/${segment(link)}/${segment(relatedId)}`,
      ok: [200],
      schema: metaMessageSchema,
      idempotent: true,
    });
  }

  async fieldDefinitions(module: string): Promise<Record<string, FieldDefinition>> {
    const { value } = await this.requests.call({
      method: 'GET',
      path: `/V8/meta/fields/${segment(module)}`,
      ok: [200],
      schema: fieldListSchema,
      idempotent: true,
    });
    return value.data.attributes;
  }

  async moduleAccess(): Promise<Record<string, ModuleAccess>> {
    const { value } = await this.requests.call({
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
    const { value } = await this.requests.call({
      method: 'GET',
      path: '/V8/current-user',
      ok: [200],
      schema: currentUserSchema,
      idempotent: true,
    });
    return { id: value.data.id, userName: value.data.attributes.user_name };
  }

  async userTimeZone(userId: string): Promise<string | undefined> {
    const { value } = await this.requests.call({
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

  lastServerTime(): number | undefined {
    return this.connection.serverTime;
  }

  async logout(): Promise<void> {
    if (this.tokens.cachedToken() === undefined) return;
    try {
      await this.requests.call({
        method: 'POST',
        path: '/V8/logout',
        ok: [200],
        schema: metaMessageSchema,
        idempotent: false,
        // A 401 means the token is already unusable, which is what logging out wants.
        reauthenticate: false,
      });
    } catch (error) {
      if (!(hasCode(error, 'auth_failed') && error.details.reason === 'token_rejected')) {
        throw error;
      }
    } finally {
      this.tokens.forget();
    }
  }

  close(): void {
    this.connection.close();
  }

  /** Page 1 of a list with the reader's query, always with `page[size]` and `page[number]=1`. */
  private pageFetcher(path: string, pageSize: number, tail: QueryPairs): FetchPage {
    return async (query) => {
      const { value, serverTimeBefore } = await this.requests.call({
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
}

/** Builds a client; nothing is sent until the first call. */
export function createSuiteCrmClient(config: SuiteCrmClientConfig): SuiteCrmClient {
  return new SuiteCrmV8Client(config);
}

function fieldsQuery(module: string, fields: readonly string[] | undefined): QueryPairs {
  if (fields === undefined || fields.length === 0) return [];
  return [[`fields[${module}]`, fields.join(',')]];
}

function retriedAndGot(error: unknown, reason: RefusalReason): boolean {
  return (
    isSuiteCrmError(error) &&
    error.details.reason === reason &&
    error.details.attempts !== undefined &&
    error.details.attempts > 1
  );
}

function nonEmpty(value: string, what: string): string {
  if (value === '') throw new BridgeError('invalid_request', `empty ${what}`);
  return value;
}
