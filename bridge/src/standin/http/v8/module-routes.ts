import { dbDatetime } from '../../clock/virtual-clock.js';
import { runListQuery } from '../../query/list-query.js';
import type { ModuleDef } from '../../schema/module-defs.js';
import { isDeleted, type Row } from '../../store/row.js';
import { saveRecord } from '../../write/record-writer.js';
import type { Reply } from '../reply.js';
import { changeMarkerReply } from './change-marker-route.js';
import { getBeanSafe, moduleFor, resourceObject, type V8Deps, type V8Request } from './context.js';
import { documentReply, paginationLinks } from './document.js';
import {
  ControllerError,
  checkId,
  checkModuleName,
  checkOptions,
  checkUuid,
  DatabaseFailure,
  invalidOption,
  isBlank,
  isObject,
  ParamsError,
  wrongType,
} from './errors.js';
import {
  DEFAULT_PAGE_SIZE,
  LIST_MAX_ENTRIES_PER_PAGE,
  type PageParams,
  parseFields,
  parseFilter,
  parsePage,
  parseSort,
} from './list-params.js';

const EMAIL_FIELDS = new Set(['email1', 'email2']);

function moduleResolver(deps: V8Deps) {
  return (name: string): ModuleDef | undefined => {
    const module = moduleFor(deps, name);
    return module ? deps.store.module(module) : undefined;
  };
}

/** newBeanSafe inside the params layer. */
function paramsModule(deps: V8Deps, name: string): ModuleDef {
  const module = moduleFor(deps, name);
  if (!module) throw new ParamsError(`Module ${deps.aliases[name] ?? name} does not exist`);
  return deps.store.module(module);
}

/** GET /V8/module/{moduleName}: ModuleService::getRecords. */
export function listRecords(deps: V8Deps, request: V8Request): Reply {
  const { query } = request;
  checkOptions(
    ['moduleName', ...Object.keys(query)],
    ['fields', 'filter', 'moduleName', 'page', 'sort'],
    ['moduleName'],
  );
  const moduleArg = checkModuleName('moduleName', request.args.moduleName);
  // The filter option has a default, so OptionsResolver resolves it first.
  const module = paramsModule(deps, moduleArg);
  const filter = parseFilter(query.filter ?? { deleted: { eq: '0' } }, module);
  let fields: string[] | undefined;
  let page: PageParams = { size: DEFAULT_PAGE_SIZE, number: 0 };
  let sort: ReturnType<typeof parseSort> | undefined;
  for (const key of Object.keys(query)) {
    if (key === 'fields') fields = parseFields(query.fields, moduleResolver(deps));
    else if (key === 'page') page = parsePage(query.page);
    else if (key === 'sort') sort = parseSort(query.sort, module, deps.store);
  }

  const { size, number } = page;
  const paged = size !== DEFAULT_PAGE_SIZE;
  const offset = number !== 0 && paged ? (number - 1) * size : 0;
  if (
    filter.conditions.some((c) => c.field.storage === 'non-db' && !EMAIL_FIELDS.has(c.field.name)) ||
    sort?.nonDb
  ) {
    throw new DatabaseFailure('Database failure. Please refer to suitecrm.log for details.');
  }
  const table = deps.store.table(module.name);
  const result = runListQuery(table, {
    ...filter,
    sort,
    offset,
    limit: paged ? size : LIST_MAX_ENTRIES_PER_PAGE,
    ...(sort === undefined && deps.unsortedOrder() === 'unstable'
      ? { unstableSeed: deps.nextRequestNumber() }
      : {}),
  });
  // Each listed id is loaded again with the non-deleted lookup (fixtures item 22, capture 100).
  const deleted = result.rows.find(isDeleted);
  if (deleted) throw new ControllerError(`${module.name} module with id ${deleted.id} is not found`);
  const data = result.rows.map((row) =>
    resourceObject(deps, module, row, request.user, `${request.path}/${row.id}`, fields),
  );
  if (data.length > 0 && paged) {
    const totalPages = Math.ceil(result.total / size);
    return documentReply(
      200,
      data,
      { 'total-pages': totalPages, 'records-on-this-page': data.length },
      paginationLinks(request.path, query, totalPages, number),
    );
  }
  return documentReply(200, data);
}

/** GET /V8/module/{moduleName}/{id}. */
export function getRecord(deps: V8Deps, request: V8Request): Reply {
  const { query } = request;
  checkOptions(
    ['moduleName', 'id', ...Object.keys(query)],
    ['fields', 'id', 'moduleName'],
    ['id', 'moduleName'],
  );
  const moduleArg = checkModuleName('moduleName', request.args.moduleName);
  const id = checkId('id', request.args.id);
  const marker = changeMarkerReply(deps, moduleArg, id, query.fields);
  if (marker) return marker;
  const fields = query.fields === undefined ? undefined : parseFields(query.fields, moduleResolver(deps));
  const { module, row } = getBeanSafe(deps, moduleArg, id);
  return documentReply(200, resourceObject(deps, module, row, request.user, request.path, fields));
}

interface DataParams {
  module: ModuleDef;
  type: string;
  id: string | undefined;
  attributes: Record<string, unknown>;
}

/** The `data` option of create and update bodies (CreateModuleDataParams / UpdateModuleDataParams). */
function dataParams(deps: V8Deps, request: V8Request, idRequired: boolean): DataParams {
  const body = isObject(request.body) && !Array.isArray(request.body) ? request.body : {};
  const merged: Record<string, unknown> = { ...request.query, ...body };
  checkOptions(Object.keys(merged), ['data'], ['data']);
  const data = merged.data;
  if (!isObject(data) || Array.isArray(data)) throw wrongType('data', data, 'array');
  for (const value of Object.values(data)) if (isBlank(value)) throw invalidOption('data', data);
  checkOptions(Object.keys(data), ['attributes', 'id', 'type'], idRequired ? ['id', 'type'] : ['type']);
  const type = checkModuleName('type', data.type);
  const id =
    data.id === undefined ? undefined : idRequired ? checkId('id', data.id) : checkUuid('id', data.id);
  const attributes = data.attributes ?? {};
  if (!isObject(attributes) || Array.isArray(attributes)) throw wrongType('attributes', attributes, 'array');
  const module = paramsModule(deps, type);
  for (const name of Object.keys(attributes)) {
    if (!module.byName.has(name))
      throw new ParamsError(`Property ${name} in ${module.objectName} module is invalid`);
  }
  return { module, type, id, attributes: attributes as Record<string, unknown> };
}

function saveContext(deps: V8Deps, request: V8Request) {
  return { now: deps.clock.now(), user: request.user, actor: deps.actor, newId: deps.newId };
}

/** POST /V8/module: 201 with the new record (fixtures item 31). */
export function createRecord(deps: V8Deps, request: V8Request): Reply {
  const { module, type, id, attributes } = dataParams(deps, request, false);
  const table = deps.store.table(module.name);
  // getBean(..., deleted: false) also finds deleted rows.
  if (id !== undefined && table.get(id))
    throw new ControllerError(`Bean ${type} with id ${id} is already exist`);
  const input = { module: module.name, existing: undefined, attributes, ...(id === undefined ? {} : { id }) };
  const row = saveRecord(deps.store, input, saveContext(deps, request));
  return documentReply(201, resourceObject(deps, module, row, request.user, `${request.path}/${row.id}`));
}

/** PATCH /V8/module: the id is in the body; 201 too. */
export function updateRecord(deps: V8Deps, request: V8Request): Reply {
  const { type, id, attributes } = dataParams(deps, request, true);
  const { module, row: existing } = getBeanSafe(deps, type, id as string);
  const row = saveRecord(
    deps.store,
    { module: module.name, existing, attributes },
    saveContext(deps, request),
  );
  return documentReply(201, resourceObject(deps, module, row, request.user, `${request.path}/${row.id}`));
}

/** SugarBean::mark_deleted: soft delete, date_modified and modified_user_id set. */
export function markDeleted(deps: V8Deps, module: ModuleDef, row: Row, userId: string): void {
  deps.store.table(module.name).put({
    ...row,
    deleted: '1',
    date_modified: dbDatetime(deps.clock.now()),
    modified_user_id: userId,
  });
}

/** DELETE /V8/module/{moduleName}/{id}. */
export function deleteRecord(deps: V8Deps, request: V8Request): Reply {
  checkOptions(
    ['moduleName', 'id', ...Object.keys(request.query)],
    ['id', 'moduleName'],
    ['id', 'moduleName'],
  );
  const moduleArg = checkModuleName('moduleName', request.args.moduleName);
  const id = checkId('id', request.args.id);
  const { module, row } = getBeanSafe(deps, moduleArg, id);
  markDeleted(deps, module, row, request.user?.id ?? '1');
  return documentReply(200, [], { message: `Record with id ${row.id} is deleted` });
}
