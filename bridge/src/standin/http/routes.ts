import type { Reply } from './reply.js';
import type { V8Deps, V8Request } from './v8/context.js';
import { currentUser, logout, metaFields, metaModules, swagger, userPreferences } from './v8/misc-routes.js';
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord } from './v8/module-routes.js';
import {
  createRelationship,
  createRelationshipByLink,
  deleteRelationship,
  listRelationship,
} from './v8/relationship-routes.js';

export type RouteName =
  | 'token'
  | 'logout'
  | 'current-user'
  | 'meta.modules'
  | 'meta.fields'
  | 'meta.swagger'
  | 'user-preferences'
  | 'list'
  | 'get'
  | 'create'
  | 'update'
  | 'delete'
  | 'relationship.list'
  | 'relationship.create'
  | 'relationship.create-by-link'
  | 'relationship.delete';

export interface Route {
  method: string;
  name: RouteName;
  pattern: RegExp;
  params: string[];
  /** Under /V8: ResourceServerMiddleware checks the bearer token first. */
  auth: boolean;
  handle: (deps: V8Deps, request: V8Request) => Reply;
}

/** Slim's route table from Api/V8/Config/routes.php, relative to the API base (`/Api`). */
function route(method: string, template: string, name: RouteName, handle: Route['handle']): Route {
  const params: string[] = [];
  const source = template.replace(/\{(\w+)\}/g, (_, param: string) => {
    params.push(param);
    return '([^/]+)';
  });
  return {
    method,
    name,
    pattern: new RegExp(`^${source}$`),
    params,
    auth: template.startsWith('/V8/'),
    handle,
  };
}

const unreachable = (): Reply => {
  throw new Error('the token route is answered by the token service');
};

export const ROUTES: readonly Route[] = [
  route('POST', '/access_token', 'token', unreachable),
  route('POST', '/V8/logout', 'logout', logout),
  route('GET', '/V8/current-user', 'current-user', currentUser),
  route('GET', '/V8/meta/modules', 'meta.modules', metaModules),
  route('GET', '/V8/meta/fields/{moduleName}', 'meta.fields', metaFields),
  route('GET', '/V8/user-preferences/{id}', 'user-preferences', userPreferences),
  route('GET', '/V8/meta/swagger.json', 'meta.swagger', swagger),
  route('GET', '/V8/module/{moduleName}', 'list', listRecords),
  route('GET', '/V8/module/{moduleName}/{id}', 'get', getRecord),
  route('POST', '/V8/module', 'create', createRecord),
  route('PATCH', '/V8/module', 'update', updateRecord),
  route('DELETE', '/V8/module/{moduleName}/{id}', 'delete', deleteRecord),
  route(
    'GET',
    '/V8/module/{moduleName}/{id}/relationships/{linkFieldName}',
    'relationship.list',
    listRelationship,
  ),
  route('POST', '/V8/module/{moduleName}/{id}/relationships', 'relationship.create', createRelationship),
  route(
    'POST',
    '/V8/module/{moduleName}/{id}/relationships/{linkFieldName}',
    'relationship.create-by-link',
    createRelationshipByLink,
  ),
  route(
    'DELETE',
    '/V8/module/{moduleName}/{id}/relationships/{linkFieldName}/{relatedBeanId}',
    'relationship.delete',
    deleteRelationship,
  ),
];

export type RouteMatch =
  | { kind: 'route'; route: Route; args: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

export function matchRoute(method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    if (candidate.method !== method) {
      if (!allowed.includes(candidate.method)) allowed.push(candidate.method);
      continue;
    }
    const args: Record<string, string> = {};
    candidate.params.forEach((name, i) => {
      args[name] = decodeURIComponentSafe(match[i + 1] as string);
    });
    return { kind: 'route', route: candidate, args };
  }
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}

/** ParamsMiddleware urldecode()s route arguments. */
function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
