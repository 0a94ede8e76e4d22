import { fullName } from '../../auth/users.js';
import { STOCK_SUITECRM } from '../../schema/stock-suitecrm.generated.js';
import { jsonApi, type Reply } from '../reply.js';
import type { V8Deps, V8Request } from './context.js';
import { documentReply } from './document.js';
import { ControllerError, checkModuleName, checkOptions } from './errors.js';

const ACCESS = ['access', 'delete', 'edit', 'export', 'import', 'list', 'massupdate', 'view'];

/** GET /V8/meta/modules (capture 20), with the package's module once it is installed. */
export function metaModules(deps: V8Deps): Reply {
  const modules: Record<string, unknown> = { ...STOCK_SUITECRM.moduleList };
  if (deps.store.hasModule('SLA_TimeEntries')) {
    modules.SLA_TimeEntries = { label: deps.store.module('SLA_TimeEntries').label, access: ACCESS };
  }
  return documentReply(200, { type: 'modules', attributes: modules });
}

/** GET /V8/meta/fields/{moduleName} (captures 21, 22, 85, 110). */
export function metaFields(deps: V8Deps, request: V8Request): Reply {
  checkOptions(['moduleName', ...Object.keys(request.query)], ['moduleName'], ['moduleName']);
  const name = checkModuleName('moduleName', request.args.moduleName);
  const module = deps.store.hasModule(name) ? deps.store.module(name) : undefined;
  if (!module)
    throw new ControllerError('[SuiteCRM] [Not Allowed] The API user does not have access to this module.');
  const attributes: Record<string, unknown> = {};
  for (const field of module.fields) attributes[field.name] = field.meta;
  return documentReply(200, { type: 'fields', attributes });
}

/** GET /V8/current-user (capture 131): the token's user. */
export function currentUser(_deps: V8Deps, request: V8Request): Reply {
  const user = request.user;
  if (!user) throw new ControllerError('Module id is empty when trying to get Users');
  const template = STOCK_SUITECRM.adminUser;
  const attributes: Record<string, unknown> = {
    ...template.attributes,
    id: user.id,
    user_name: user.userName,
    first_name: user.firstName,
    last_name: user.lastName,
    full_name: fullName(user),
    name: fullName(user),
    is_admin: user.isAdmin ? '1' : '0',
  };
  const relationships: Record<string, unknown> = {};
  for (const [module, link] of template.relationshipLinks) {
    relationships[module] = { links: { related: `V8/current-user/relationships/${link}` } };
  }
  return documentReply(200, { type: 'User', id: user.id, attributes, relationships });
}

/** GET /V8/user-preferences/{id} (capture 141): where a client reads the API user's time zone. */
export function userPreferences(deps: V8Deps, request: V8Request): Reply {
  checkOptions(['id', ...Object.keys(request.query)], ['id'], ['id']);
  const id = request.args.id ?? '';
  const user = deps.store.user(id);
  if (!user) throw new ControllerError(`Users module with id ${id} is not found`);
  const template = STOCK_SUITECRM.adminPreferences;
  const attributes = { ...template, global: { ...template.global, timezone: user.timezone } };
  return documentReply(200, { type: 'UserPreference', id, attributes });
}

/** POST /V8/logout (capture 88). */
export function logout(deps: V8Deps, request: V8Request): Reply {
  deps.tokens.logout(request.jti);
  return documentReply(200, [], { message: 'You have been successfully logged out' });
}

/** GET /V8/meta/swagger.json: the file SuiteCRM ships describes no response bodies; this one describes nothing. */
export function swagger(): Reply {
  return jsonApi(200, {
    swagger: '2.0',
    info: { title: 'SuiteCRM V8 API (stand-in)', version: '8' },
    paths: {},
  });
}
