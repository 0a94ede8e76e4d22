import { CHANGE_MARKER_ID, CHANGE_MARKER_MODULE } from '../../../catalogue/change-marker.js';
import type { PhpValue } from '../php-query.js';
import type { Reply } from '../reply.js';
import type { V8Deps } from './context.js';
import { documentReply } from './document.js';
import { ControllerError } from './errors.js';

/**
 * GET /V8/module/SLA_ChangeMarkers/{id}: ModuleService::getRecord on the package's one marker
 * record (getBeanSafe, then getDataResponse with the requested fields). Only with the package
 * installed; without it the module does not exist and the ordinary route answers as SuiteCRM does.
 */
export function changeMarkerReply(
  deps: V8Deps,
  moduleName: string,
  id: string,
  fields: PhpValue | undefined,
): Reply | undefined {
  if (moduleName !== CHANGE_MARKER_MODULE || !deps.store.withPackage) return undefined;
  if (id !== CHANGE_MARKER_ID)
    throw new ControllerError(`${CHANGE_MARKER_MODULE} module with id ${id} is not found`);
  const list =
    fields && typeof fields === 'object' && typeof fields[CHANGE_MARKER_MODULE] === 'string'
      ? (fields[CHANGE_MARKER_MODULE] as string).split(',')
      : undefined;
  return documentReply(200, deps.store.changeMarker.resource(list));
}
