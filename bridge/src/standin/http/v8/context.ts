import type { ChangeLogActor } from '../../../catalogue/change-log-entry.js';
import type { TokenService } from '../../auth/token-service.js';
import type { StandInUser } from '../../auth/users.js';
import type { VirtualClock } from '../../clock/virtual-clock.js';
import { recordAttributes } from '../../output/attributes.js';
import type { ModuleDef, ModuleName } from '../../schema/module-defs.js';
import type { Row } from '../../store/row.js';
import type { StandInStore } from '../../store/stand-in-store.js';
import type { PhpArray } from '../php-query.js';
import { ControllerError } from './errors.js';

export interface V8Request {
  method: string;
  /** The path as Slim's getPath() gives it: relative to the API base, no leading slash ("V8/module/Accounts"). */
  path: string;
  query: PhpArray;
  /** The parsed body: JSON for JSON media types, fields for form posts, undefined otherwise. */
  body: unknown;
  args: Record<string, string>;
  user: StandInUser | undefined;
  jti: string;
}

export interface V8Deps {
  store: StandInStore;
  tokens: TokenService;
  clock: VirtualClock;
  newId: () => string;
  /** beanAliases: object names the API accepts in place of module names. */
  aliases: Readonly<Record<string, string>>;
  /** Who API saves are logged as in the case change log. */
  actor: ChangeLogActor;
  /** Order of lists without `sort`: id order, or a different order on every request (item 28). */
  unsortedOrder: () => 'id' | 'unstable';
  /** Numbers requests, to vary the unstable order. */
  nextRequestNumber: () => number;
}

/** BeanManager::newBeanSafe: the module a name (or an alias) stands for. */
export function moduleFor(deps: V8Deps, name: string): ModuleName | undefined {
  const resolved = deps.aliases[name] ?? name;
  return deps.store.hasModule(resolved) ? resolved : undefined;
}

/** BeanManager::getBeanSafe: a live record, or the exception SuiteCRM throws. */
export function getBeanSafe(
  deps: V8Deps,
  moduleName: string,
  id: string,
  fail: (message: string) => Error = (message) => new ControllerError(message),
): { module: ModuleDef; row: Row } {
  if (id === '') throw fail(`Module id is empty when trying to get ${moduleName}`);
  const module = moduleFor(deps, moduleName);
  if (!module) throw fail(`Module with name ${moduleName} is not found`);
  const row = deps.store.table(module).getLive(id);
  if (!row) throw fail(`${module} module with id ${id} is not found`);
  return { module: deps.store.module(module), row };
}

/** A JSON:API resource object as ModuleService::getDataResponse builds it. */
export function resourceObject(
  deps: V8Deps,
  module: ModuleDef,
  row: Row,
  user: StandInUser | undefined,
  path: string,
  fields?: readonly string[],
): Record<string, unknown> {
  const relationships: Record<string, unknown> = {};
  for (const [related, link] of module.relationshipBlock) {
    relationships[related] = { links: { related: `${path}/relationships/${link}` } };
  }
  return {
    type: module.objectName,
    id: row.id,
    attributes: recordAttributes(deps.store, module, row, user, fields),
    relationships,
  };
}
