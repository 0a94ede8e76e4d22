import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeLogActor } from '../../catalogue/change-log-entry.js';
import type { FaultSpec } from '../faults/faults.js';
import type { LatencySpec } from '../http/server.js';
import type { ModuleName } from '../schema/module-defs.js';
import type { StandInStore } from '../store/stand-in-store.js';
import type { SaveOptions, StandInControl } from './control-api.js';
import { webUiRoute } from './web-ui-routes.js';

/**
 * The control API over HTTP, for a stand-in running in its own process, under a path SuiteCRM
 * never serves (default `/__standin`). JSON in, JSON out:
 *
 *   GET    /state                      clock, counts, latency, faults
 *   POST   /clock      {now?, advanceMs?, mode?}
 *   POST   /latency    {minMs, maxMs, mode} | {} to remove it
 *   POST   /faults     FaultSpec → {id};   GET /faults;   DELETE /faults
 *   POST   /unsorted-order {order: 'id' | 'unstable'}
 *   POST   /tokens/expire | /tokens/revoke
 *   GET    /counters;  DELETE /counters
 *   GET    /writes (the write journal);  DELETE /writes;  POST /writes {on: boolean}
 *   POST   /staff-edit   {module, id, attributes, userId?, actor?} → {record}
 *   POST   /staff-create {module, attributes, userId?, actor?}     → {record}
 *   GET    /records/{module}/{id}      the stored row
 *   POST   /sql-update {module, id, columns}  an UPDATE straight in the database (no hook) → {record}
 *   POST   /users/{id}/timezone {timezone}
 *   DELETE /fields/{module}/{name}     a custom field deleted in Studio
 *   POST   /server-clock {offsetMs}    SuiteCRM's host clock (its Date header) off by offsetMs
 *   POST   /users/{id}/preferences {timezone?, dateFormat?, timeFormat?}
 *   POST   /web-ui/...                 saves through the web UI (web-ui-routes.ts)
 */
type Answer = [status: number, body: unknown];

function route(
  control: StandInControl,
  store: StandInStore,
  method: string,
  path: string,
  body: Record<string, unknown>,
): Answer {
  const saveOptions = (): SaveOptions => ({
    ...(typeof body.userId === 'string' ? { userId: body.userId } : {}),
    ...(ACTORS.includes(body.actor as ChangeLogActor) ? { actor: body.actor as ChangeLogActor } : {}),
  });
  const state = () => ({
    now: new Date(control.now()).toISOString(),
    nowMs: control.now(),
    counts: store.counts(),
    latency: control.latency() ?? null,
    faults: control.faults(),
  });
  const key = `${method} ${path
    .replace(/\/records\/[^/]+\/[^/]+$/, '/records/*')
    .replace(/\/users\/[^/]+\/timezone$/, '/users/*/timezone')
    .replace(/\/fields\/[^/]+\/[^/]+$/, '/fields/*')}`;
  switch (key) {
    case 'GET /state':
      return [200, state()];
    case 'POST /clock':
      if (body.mode === 'frozen' || body.mode === 'running') control.setClockMode(body.mode);
      if (typeof body.now === 'string' || typeof body.now === 'number') control.setNow(body.now);
      if (typeof body.advanceMs === 'number') control.advance(body.advanceMs);
      return [200, state()];
    case 'POST /latency':
      control.setLatency(body.mode === undefined ? null : (body as unknown as LatencySpec));
      return [200, state()];
    case 'POST /faults':
      return [200, { id: control.injectFault(body as unknown as FaultSpec) }];
    case 'GET /faults':
      return [200, control.faults()];
    case 'DELETE /faults':
      control.clearFaults();
      return [200, state()];
    case 'POST /unsorted-order':
      control.setUnsortedOrder(body.order === 'unstable' ? 'unstable' : 'id');
      return [200, { order: body.order === 'unstable' ? 'unstable' : 'id' }];
    case 'POST /tokens/expire':
      return [200, { expired: control.expireTokens() }];
    case 'POST /tokens/revoke':
      return [200, { revoked: control.revokeTokens() }];
    case 'GET /counters':
      return [200, control.counters()];
    case 'DELETE /counters':
      control.resetCounters();
      return [200, control.counters()];
    case 'GET /writes':
      return [200, control.writes()];
    case 'DELETE /writes':
      control.clearWrites();
      return [200, { cleared: true }];
    case 'POST /writes':
      control.journalWrites(body.on === true);
      return [200, { on: body.on === true }];
    case 'POST /staff-edit': {
      const attributes = (body.attributes ?? {}) as Record<string, unknown>;
      return [
        200,
        { record: control.staffEdit(body.module as ModuleName, String(body.id), attributes, saveOptions()) },
      ];
    }
    case 'POST /staff-create': {
      const attributes = (body.attributes ?? {}) as Record<string, unknown>;
      return [200, { record: control.staffCreate(body.module as ModuleName, attributes, saveOptions()) }];
    }
    case 'POST /sql-update': {
      const columns = (body.columns ?? {}) as Record<string, string | null>;
      return [200, { record: control.sqlUpdate(body.module as ModuleName, String(body.id), columns) }];
    }
    case 'GET /records/*': {
      const [, , module, id] = path.split('/');
      const record = control.record(module as ModuleName, decodeURIComponent(id ?? ''));
      return record ? [200, { record }] : [404, { error: 'no such record' }];
    }
    case 'POST /users/*/timezone': {
      const [, , id] = path.split('/');
      control.setUserTimezone(decodeURIComponent(id ?? ''), String(body.timezone));
      return [200, { ok: true }];
    }
    case 'DELETE /fields/*': {
      const [, , module, name] = path.split('/');
      control.removeCustomField(module as 'Accounts' | 'Cases', decodeURIComponent(name ?? ''));
      return [200, { ok: true }];
    }
    case 'POST /server-clock':
      control.setServerClockOffset(Number(body.offsetMs));
      return [200, { offsetMs: control.serverClockOffset() }];
    default:
      return (
        webUiRoute(control, method, path, body) ?? [404, { error: `no control route ${method} ${path}` }]
      );
  }
}

const ACTORS: readonly ChangeLogActor[] = ['person', 'api', 'cron', 'workflow', 'import'];

export function createControlRoutes(control: StandInControl, store: StandInStore) {
  return (request: IncomingMessage, response: ServerResponse, path: string, raw: Buffer): void => {
    let answer: Answer;
    try {
      const body = raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
      answer = route(control, store, request.method ?? 'GET', path, body);
    } catch (error) {
      answer = [400, { error: (error as Error).message }];
    }
    const text = JSON.stringify(answer[1]);
    response.writeHead(answer[0], {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
    });
    response.end(text);
  };
}
