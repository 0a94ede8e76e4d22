import { recordAttributes } from '../../output/attributes.js';
import { runListQuery } from '../../query/list-query.js';
import type { LinkDef, ModuleDef } from '../../schema/module-defs.js';
import type { Row } from '../../store/row.js';
import { saveRecord } from '../../write/record-writer.js';
import type { Reply } from '../reply.js';
import { getBeanSafe, type V8Deps, type V8Request } from './context.js';
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
import { DEFAULT_PAGE_SIZE, type PageParams, parseFilter, parsePage, parseSort } from './list-params.js';

interface Source {
  module: ModuleDef;
  row: Row;
  link: LinkDef;
  linkName: string;
}

/** The sourceBean and linkFieldName options: both fail in the params layer (captures 76-77). */
function source(deps: V8Deps, request: V8Request): Source {
  const moduleArg = checkModuleName('moduleName', request.args.moduleName);
  const id = checkId('id', request.args.id);
  const { module, row } = getBeanSafe(deps, moduleArg, id, (message) => new ParamsError(message));
  const linkName = checkModuleName('linkFieldName', request.args.linkFieldName);
  const link = module.links.get(linkName);
  if (!link) throw new ParamsError(`Cannot load relationship ${linkName} for ${module.objectName} module`);
  return { module, row, link, linkName };
}

/** The records a link holds now. */
function relatedRows(deps: V8Deps, from: Source): Row[] {
  const { link, row } = from;
  if (link.kind === 'none' || !link.target || !link.foreignKey) return [];
  const target = deps.store.table(link.target);
  if (link.kind === 'children') return target.childrenOf(link.foreignKey, row.id);
  const parentId = row[link.foreignKey];
  const parent = parentId ? target.getLive(parentId) : undefined;
  return parent ? [parent] : [];
}

/** GET /V8/module/{moduleName}/{id}/relationships/{linkFieldName} (fixtures item 30). */
export function listRelationship(deps: V8Deps, request: V8Request): Reply {
  const { query } = request;
  checkOptions(
    ['moduleName', 'id', 'linkFieldName', ...Object.keys(query)],
    ['filter', 'id', 'linkFieldName', 'moduleName', 'page', 'sort', 'sourceBean'],
    ['id', 'linkFieldName', 'moduleName'],
  );
  const from = source(deps, request);
  const emptyAnswer = () =>
    documentReply(200, [], {
      message: `There is no relationship set in ${from.module.objectName} module with ${from.linkName} link field`,
    });
  // Links to modules the stand-in does not model (contacts, documents...) hold nothing.
  if (from.link.kind === 'none' || !from.link.target) return emptyAnswer();
  const target = deps.store.module(from.link.target);
  const filter = parseFilter(query.filter ?? { deleted: { eq: '0' } }, target);
  let page: PageParams = { size: DEFAULT_PAGE_SIZE, number: 0 };
  let sort: ReturnType<typeof parseSort> | undefined;
  for (const key of Object.keys(query)) {
    if (key === 'page') page = parsePage(query.page);
    else if (key === 'sort') sort = parseSort(query.sort, target, deps.store);
    else if (key === 'fields') throw invalidOption('fields', query.fields);
  }
  if (filter.conditions.some((c) => c.field.storage === 'non-db') || sort?.nonDb) {
    throw new DatabaseFailure('Database failure. Please refer to suitecrm.log for details.');
  }
  const { size, number } = page;
  const paged = size > 0;
  const result = runListQuery(deps.store.table(target.name), {
    ...filter,
    deleted: false,
    within: filter.deleted ? [] : relatedRows(deps, from),
    sort,
    offset: paged && number > 0 ? (number - 1) * size : 0,
    limit: paged ? size : -1,
  });
  if (result.rows.length === 0) return emptyAnswer();
  const data = result.rows.map((row) => ({
    type: target.objectName,
    id: row.id,
    attributes: recordAttributes(deps.store, target, row, request.user),
    links: { self: `V8/module/${target.objectName}/${row.id}` },
  }));
  const totalPages = paged ? Math.ceil(result.total / size) : 1;
  const meta = {
    'total-records': paged ? result.total : data.length,
    'total-pages': totalPages,
    'records-on-this-page': data.length,
  };
  return documentReply(
    200,
    data,
    meta,
    paged ? paginationLinks(request.path, query, totalPages, number) : undefined,
  );
}

/** The `data` of a relationship POST: the related record (GetRelationshipDataParams). */
function relatedFromBody(
  deps: V8Deps,
  request: V8Request,
  required: string[],
): { module: ModuleDef; row: Row } {
  const body = isObject(request.body) && !Array.isArray(request.body) ? request.body : {};
  const merged: Record<string, unknown> = { ...request.query, ...body };
  checkOptions(
    ['moduleName', 'id', ...required.filter((name) => name === 'linkFieldName'), ...Object.keys(merged)],
    [
      'data',
      'id',
      'moduleName',
      'relatedBean',
      'sourceBean',
      ...required.filter((name) => name === 'linkFieldName'),
    ],
    ['data', 'id', 'moduleName', ...required.filter((name) => name === 'linkFieldName')],
  );
  const data = merged.data;
  if (!isObject(data) || Array.isArray(data)) throw wrongType('data', data, 'array');
  for (const value of Object.values(data)) if (isBlank(value)) throw invalidOption('data', data);
  checkOptions(Object.keys(data), ['id', 'type'], ['id', 'type']);
  const type = checkModuleName('type', data.type);
  const id = checkId('id', data.id);
  return getBeanSafe(deps, type, id, (message) => new ParamsError(message));
}

function link(
  deps: V8Deps,
  request: V8Request,
  from: Source,
  related: { module: ModuleDef; row: Row },
): void {
  const { link: def } = from;
  const fail = () =>
    new ControllerError(
      `Cannot create relationship ${from.linkName} between module ${from.module.objectName} and ${related.module.objectName}`,
    );
  if (def.kind === 'none' || def.target !== related.module.name || !def.foreignKey) throw fail();
  const context = { now: deps.clock.now(), user: request.user, actor: deps.actor, newId: deps.newId };
  // One-to-many: the child's key is set and the child saved (its hooks run, date_modified moves).
  if (def.kind === 'children') {
    const attributes = { [def.foreignKey]: from.row.id };
    saveRecord(deps.store, { module: related.module.name, existing: related.row, attributes }, context);
  } else {
    const attributes = { [def.foreignKey]: related.row.id };
    saveRecord(deps.store, { module: from.module.name, existing: from.row, attributes }, context);
  }
}

/** POST /V8/module/{moduleName}/{id}/relationships/{linkFieldName} (capture 125). */
export function createRelationshipByLink(deps: V8Deps, request: V8Request): Reply {
  const related = relatedFromBody(deps, request, ['linkFieldName']);
  const from = source(deps, request);
  link(deps, request, from, related);
  return documentReply(201, [], {
    message: `${related.module.label} record with id ${related.row.id} has been related to ${from.module.label} record with id ${from.row.id} using link ${from.linkName}`,
    sourceModule: from.module.name,
    sourceModuleLabel: from.module.label,
    sourceId: from.row.id,
    relatedModule: related.module.name,
    relatedModuleLabel: related.module.label,
    relatedId: related.row.id,
    relationshipLink: from.linkName,
  });
}

/** POST /V8/module/{moduleName}/{id}/relationships: the link is found from the two modules. */
export function createRelationship(deps: V8Deps, request: V8Request): Reply {
  const related = relatedFromBody(deps, request, []);
  const moduleArg = checkModuleName('moduleName', request.args.moduleName);
  const id = checkId('id', request.args.id);
  const { module, row } = getBeanSafe(deps, moduleArg, id, (message) => new ParamsError(message));
  const found = [...module.links.values()].find((candidate) => candidate.target === related.module.name);
  if (!found) {
    throw new ControllerError(
      `Link field has not found in ${module.objectName} to determine relationship for ${related.module.objectName}`,
    );
  }
  link(deps, request, { module, row, link: found, linkName: found.name }, related);
  return documentReply(201, [], {
    message: `${related.module.objectName} with id ${related.row.id} has been added to ${module.objectName} with id ${row.id}`,
  });
}

/** DELETE /V8/module/{moduleName}/{id}/relationships/{linkFieldName}/{relatedBeanId} (capture 127). */
export function deleteRelationship(deps: V8Deps, request: V8Request): Reply {
  checkOptions(
    ['moduleName', 'id', 'linkFieldName', 'relatedBeanId', ...Object.keys(request.query)],
    ['id', 'linkFieldName', 'moduleName', 'relatedBeanId', 'sourceBean'],
    ['id', 'linkFieldName', 'moduleName', 'relatedBeanId'],
  );
  const relatedId = checkUuid('relatedBeanId', request.args.relatedBeanId);
  const from = source(deps, request);
  const related = relatedRows(deps, from).find((row) => row.id === relatedId);
  if (!related || !from.link.target || !from.link.foreignKey) {
    throw new ControllerError(`Module with ${relatedId} id is not related to ${from.module.objectName}`);
  }
  const target = deps.store.module(from.link.target);
  const context = { now: deps.clock.now(), user: request.user, actor: deps.actor, newId: deps.newId };
  if (from.link.kind === 'children') {
    const attributes = { [from.link.foreignKey]: '' };
    saveRecord(deps.store, { module: target.name, existing: related, attributes }, context);
  } else {
    const attributes = { [from.link.foreignKey]: '' };
    saveRecord(deps.store, { module: from.module.name, existing: from.row, attributes }, context);
  }
  return documentReply(200, [], {
    message: `Relationship has been deleted between ${from.module.objectName} with id ${from.row.id} and ${target.objectName} with id ${related.id}`,
  });
}
