import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestCounters } from '../control/request-counters.js';
import { bodyParts, type WriteJournal } from '../control/write-journal.js';
import { type CpuModel, requestKind } from '../faults/cpu-model.js';
import type { ActiveFault, FaultQueue } from '../faults/faults.js';
import type { Prng } from '../seed/prng.js';
import { PhpFatalError } from '../write/php-values.js';
import { parseQuery } from './php-query.js';
import {
  apacheNotFound,
  controllerError,
  databaseFailure,
  paramsError,
  type Reply,
  serverError,
  slimMethodNotAllowed,
  slimNotFound,
  slimOptions,
} from './reply.js';
import { parseBody, readBody } from './request-body.js';
import { matchRoute } from './routes.js';
import { legacyApiRedirect } from './suitecrm8-front.js';
import type { V8Deps, V8Request } from './v8/context.js';
import { ControllerError, DatabaseFailure, ParamsError } from './v8/errors.js';

/** Added latency: a random delay in [minMs, maxMs] per request, slept (real) or added to the clock (virtual). */
export interface LatencySpec {
  minMs: number;
  maxMs: number;
  mode: 'real' | 'virtual';
}

export interface ServerDeps extends V8Deps {
  apiBase: string;
  /** 8: answer like SuiteCRM 8's front controller outside the API (the 307 of /Api paths). */
  suitecrm: 7 | 8;
  faults: FaultQueue;
  counters: RequestCounters;
  journal: WriteJournal;
  prng: Prng;
  latency: () => LatencySpec | undefined;
  /** A CPU-bound SuiteCRM (cores, per-kind costs): requests beyond the core count queue. */
  cpu?: () => CpuModel | undefined;
  /** How far SuiteCRM's host clock is ahead of the real one: the `Date` header shows it. */
  serverClockOffsetMs: () => number;
  control:
    | ((request: IncomingMessage, response: ServerResponse, path: string, body: Buffer) => void)
    | undefined;
  controlPath: string | undefined;
}

export interface Timers {
  sleep(ms: number): Promise<void>;
}

function toReply(error: unknown): Reply {
  if (error instanceof ParamsError) return paramsError(error.message);
  if (error instanceof ControllerError) return controllerError(error.message);
  if (error instanceof DatabaseFailure) return databaseFailure();
  if (error instanceof PhpFatalError) return serverError();
  throw error;
}

/**
 * What the host's clock says, for the Date header: SuiteCRM's clock (the virtual one, the same
 * that stamps date_modified), plus the offset of a host clock set to be off.
 */
function hostNow(deps: { clock: { now(): number }; serverClockOffsetMs: () => number }): number {
  return deps.clock.now() + deps.serverClockOffsetMs();
}

function write(response: ServerResponse, reply: Reply, fault: ActiveFault | undefined, now: number): void {
  const body = Buffer.from(reply.body, 'utf8');
  response.sendDate = false;
  response.setHeader('Date', new Date(now).toUTCString());
  if (fault?.kind === 'truncate') {
    const kept = body.subarray(0, Math.min(body.length, fault.keepBytes ?? Math.floor(body.length / 2)));
    response.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(kept.length) });
    response.end(kept);
    return;
  }
  response.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length) });
  if (fault?.kind === 'drop') {
    // Headers and part of the body go out, then the connection dies.
    response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
    return;
  }
  response.end(body);
}

/** What answers an error fault: an Apache-style error page or a proxy's 429. */
function faultReply(fault: ActiveFault): Reply {
  if (fault.kind === 'rate-limit') {
    return {
      status: 429,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Retry-After': String(fault.retryAfterSeconds ?? 1),
      },
      body: 'Too Many Requests',
    };
  }
  const answer = serverError();
  const status = fault.status ?? 500;
  return status === 500
    ? answer
    : { ...answer, status, body: answer.body.replace(/500 Internal Server Error/g, `${status} Error`) };
}

/**
 * The request pipeline: control routes aside, then count, meet a fault if one is due, add
 * latency, check the bearer token for /V8 routes and answer like SuiteCRM's Slim app.
 */
export function createListener(deps: ServerDeps, timers: Timers) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      const method = (request.method ?? 'GET').toUpperCase();
      const url = request.url ?? '/';
      const queryAt = url.indexOf('?');
      const rawPath = queryAt < 0 ? url : url.slice(0, queryAt);
      const rawQuery = queryAt < 0 ? '' : url.slice(queryAt + 1);
      const raw = await readBody(request);
      if (
        deps.control &&
        deps.controlPath &&
        (rawPath === deps.controlPath || rawPath.startsWith(`${deps.controlPath}/`))
      ) {
        deps.control(request, response, rawPath.slice(deps.controlPath.length), raw);
        return;
      }
      if (!rawPath.startsWith(`${deps.apiBase}/`)) {
        deps.counters.record(method, 'outside-api', undefined);
        const redirect = deps.suitecrm === 8 ? legacyApiRedirect(rawPath, rawQuery) : undefined;
        write(response, redirect ?? apacheNotFound(), undefined, hostNow(deps));
        return;
      }
      // Api/index.php/V8/... reaches the same Slim app (the path a SuiteCRM 8 redirect names).
      const base = rawPath.startsWith(`${deps.apiBase}/index.php/`)
        ? `${deps.apiBase}/index.php`
        : deps.apiBase;
      const relative = rawPath.slice(base.length);
      const match = matchRoute(method, relative);
      const routeName = match.kind === 'route' ? match.route.name : match.kind;
      const moduleArg = match.kind === 'route' ? match.args.moduleName : undefined;
      const body = parseBody(request.headers['content-type'], raw);
      const module =
        moduleArg ??
        (match.kind === 'route' && (match.route.name === 'create' || match.route.name === 'update')
          ? moduleOfBody(body)
          : undefined);
      deps.counters.record(method, routeName, module);

      const fault = deps.faults.take({ method, route: routeName, module, path: rawPath });
      const journal = (status: number | null) => {
        if (!deps.journal.enabled || method === 'GET' || method === 'OPTIONS' || routeName === 'token')
          return;
        const parts = bodyParts(body);
        deps.journal.record({
          at: deps.clock.now(),
          method,
          route: routeName,
          module,
          id: parts.id ?? (match.kind === 'route' ? match.args.id : undefined),
          attributes: parts.attributes,
          status,
          fault: fault?.kind ?? null,
        });
      };
      if (fault?.kind === 'drop' && fault.at === 'start') {
        journal(null);
        request.socket.destroy();
        return;
      }
      const latency = deps.latency();
      if (latency) {
        const ms = latency.minMs + deps.prng.next() * Math.max(0, latency.maxMs - latency.minMs);
        if (latency.mode === 'virtual') deps.clock.advance(Math.round(ms));
        else await timers.sleep(ms);
      }
      if (fault?.kind === 'error' || fault?.kind === 'rate-limit') {
        journal(null);
        write(response, faultReply(fault), undefined, hostNow(deps));
        return;
      }
      if (fault?.kind === 'expire-token') {
        const jti = deps.tokens.tokenIdOf(request.headers.authorization);
        if (jti) deps.tokens.expireToken(jti);
      }

      let reply: Reply;
      if (match.kind === 'not-found') reply = slimNotFound();
      else if (match.kind === 'method-not-allowed') {
        reply = method === 'OPTIONS' ? slimOptions(match.allowed) : slimMethodNotAllowed(match.allowed);
      } else if (match.route.name === 'token') {
        const fields =
          body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
        reply = deps.tokens.respond(fields, request.headers.authorization);
      } else {
        reply = answer(deps, match.route.handle, {
          method,
          path: rawPath.slice(base.length + 1),
          query: parseQuery(rawQuery),
          body,
          args: match.args,
          authorization: request.headers.authorization,
        });
      }
      journal(reply.status);
      const cpu = deps.cpu?.();
      if (cpu) await cpu.serve(cpuCost(cpu, routeName, module, body, rawQuery), timers.sleep);
      if (fault?.kind === 'slow') await timers.sleep(fault.delayMs ?? 30_000);
      if (response.destroyed || request.socket.destroyed) return;
      write(response, reply, fault, hostNow(deps));
    } catch (error) {
      if (!response.headersSent && !response.destroyed) {
        response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end(`stand-in error: ${(error as Error).message}`);
      }
    }
  };
}

function cpuCost(cpu: CpuModel, route: string, module: string | undefined, body: unknown, rawQuery: string) {
  const size = Number(/(?:^|&)page(?:%5B|\[)size(?:%5D|\])=(\d+)/i.exec(rawQuery)?.[1] ?? 20);
  return cpu.cost(requestKind(route), module, {
    fields: Object.keys(bodyParts(body).attributes),
    pageSize: size,
  });
}

function moduleOfBody(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const data = (body as { data?: unknown }).data;
  if (data === null || typeof data !== 'object') return undefined;
  const type = (data as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}

function answer(
  deps: ServerDeps,
  handle: (deps: V8Deps, request: V8Request) => Reply,
  input: Omit<V8Request, 'user' | 'jti'> & { authorization: string | undefined },
): Reply {
  const auth = deps.tokens.authenticate(input.authorization);
  if (!auth.ok) return auth.reply;
  // A client_credentials client without an assigned user gets tokens that fail every call (capture 15).
  if (!auth.user) return paramsError('Module id is empty when trying to get Users');
  try {
    return handle(deps, {
      method: input.method,
      path: input.path,
      query: input.query,
      body: input.body,
      args: input.args,
      user: auth.user,
      jti: auth.jti,
    });
  } catch (error) {
    return toReply(error);
  }
}
