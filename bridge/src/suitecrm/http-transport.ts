import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import axios, { type AxiosInstance, isAxiosError } from 'axios';
import { BridgeError } from '../errors/bridge-error.js';

/**
 * The only code that opens connections. One attempt per call; statuses are not interpreted
 * here (every status resolves), only failures to get an answer at all become errors:
 * `timeout` or `unavailable`. Axios errors are never passed on as causes: they carry the
 * request config, i.e. the Authorization header and the token request's secrets.
 */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL, query included, already encoded. */
  url: string;
  headers: Readonly<Record<string, string>>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names. */
  headers: Readonly<Record<string, string>>;
  body: string;
}

export interface HttpTransportOptions {
  timeoutMs: number;
  caBundle?: string;
}

/** Connection failures where the request cannot have reached SuiteCRM: safe to retry even a POST. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
const TIMEOUTS = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
/** Certificate problems are configuration, not weather: never retried. */
const TLS_FAILURE =
  /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH)/;

const DEADLINE = Symbol('deadline');

export class HttpTransport {
  private readonly axios: AxiosInstance;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly timeoutMs: number;

  constructor(options: HttpTransportOptions) {
    this.timeoutMs = options.timeoutMs;
    this.httpAgent = new http.Agent({ keepAlive: true });
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      rejectUnauthorized: true,
      // An extra CA is added to Node's roots, never substituted for them.
      ...(options.caBundle === undefined ? {} : { ca: [...tls.rootCertificates, options.caBundle] }),
    });
    this.axios = axios.create({
      timeout: options.timeoutMs,
      // A redirect would resend the bearer token (and turn PATCH into GET on 301/302):
      // report it instead, so the base URL gets fixed.
      maxRedirects: 0,
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      maxContentLength: 200 * 1024 * 1024,
      httpAgent: this.httpAgent,
      httpsAgent: this.httpsAgent,
      proxy: false,
    });
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    // axios' `timeout` only bounds the wait for the response head on Node; this deadline also
    // covers a body that trickles in. It races the request rather than trusting the abort to
    // reject it, so nothing can hold a call past the deadline.
    const deadline = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        deadline.abort();
        reject(DEADLINE);
      }, this.timeoutMs);
    });
    const pending = this.axios.request<string>({
      method: request.method,
      url: request.url,
      headers: { ...request.headers },
      data: request.body,
      signal: deadline.signal,
    });
    // If the deadline wins, the request's own failure comes later and means nothing.
    pending.catch(() => undefined);
    try {
      const response = await Promise.race([pending, expired]);
      return {
        status: response.status,
        headers: plainHeaders(response.headers),
        body: typeof response.data === 'string' ? response.data : String(response.data ?? ''),
      };
    } catch (error) {
      throw this.failure(error, request, error === DEADLINE || deadline.signal.aborted);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes idle keep-alive sockets. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private failure(error: unknown, request: HttpRequest, deadlinePassed: boolean): BridgeError {
    const where = `${request.method} ${describeUrl(request.url)}`;
    const code = networkCode(error);
    if (deadlinePassed || (code !== undefined && TIMEOUTS.has(code))) {
      return new BridgeError('timeout', `SuiteCRM did not answer ${where} within ${this.timeoutMs} ms`, {
        details: { method: request.method, path: describeUrl(request.url), network: code ?? 'deadline' },
      });
    }
    const tlsFailure = code !== undefined && TLS_FAILURE.test(code);
    return new BridgeError(
      'unavailable',
      tlsFailure
        ? `TLS check failed for ${where}: ${code} (add the server's CA with the CA bundle setting; verification stays on)`
        : `cannot reach SuiteCRM for ${where}: ${code ?? 'connection failed'}`,
      {
        details: {
          method: request.method,
          path: describeUrl(request.url),
          network: code ?? 'unknown',
          ...(tlsFailure ? { tls: true } : {}),
          ...(code !== undefined && NOT_SENT.has(code) ? { notSent: true } : {}),
        },
      },
    );
  }
}

/** Path and query of a URL, for logs and messages: never the origin's credentials. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return '(invalid URL)';
  }
}

function networkCode(error: unknown): string | undefined {
  if (isAxiosError(error)) {
    const cause = (error as { cause?: { code?: unknown } }).cause;
    if (typeof cause?.code === 'string' && cause.code !== error.code) return cause.code;
    return error.code;
  }
  if (error !== null && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string') {
    return (error as { code: string }).code;
  }
  return undefined;
}

function plainHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === null || typeof headers !== 'object') return out;
  const source =
    typeof (headers as { toJSON?: unknown }).toJSON === 'function'
      ? (headers as { toJSON(): Record<string, unknown> }).toJSON()
      : (headers as Record<string, unknown>);
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}
