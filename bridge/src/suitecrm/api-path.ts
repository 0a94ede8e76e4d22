import { BridgeError } from '../errors/bridge-error.js';
import type { HttpResponse } from './http-transport.js';
import { parseLenientJson } from './lenient-json.js';
import { slimErrorSchema } from './v8-response.schemas.js';

/**
 * Where the V8 API lives: `/Api` on SuiteCRM 7, `/legacy/Api` on SuiteCRM 8. When the path is
 * not configured we ask each candidate's token endpoint with a GET: SuiteCRM's Slim router
 * answers 405 "Method not allowed. Must be one of: POST" (capture 14). That probe sends no
 * credentials and mints no token, so guessing never hands a secret to the wrong URL.
 */
export const API_PATH_CANDIDATES = ['/Api', '/legacy/Api'] as const;

/** `Api/` → `/Api`; `''` and `/` mean the API is at the base URL itself. */
export function normaliseApiPath(path: string): string {
  const trimmed = path.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function normaliseBaseUrl(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, '');
}

/** True when the answer to `GET {candidate}/access_token` is SuiteCRM's token endpoint refusing GET. */
export function isTokenEndpointAnswer(response: HttpResponse): boolean {
  if (response.status !== 405) return false;
  const allow = response.headers.allow ?? '';
  if (/\bPOST\b/.test(allow)) return true;
  const body = slimErrorSchema.safeParse(parseLenientJson(response.body)?.value);
  return body.success && /^Method not allowed\. Must be one of: .*\bPOST\b/.test(body.data.message);
}

/**
 * Tries each candidate in order with `probe` (a GET of the absolute URL, with retries for
 * network failures) and returns the first that answers like SuiteCRM's token endpoint.
 */
export async function detectApiPath(
  baseUrl: string,
  probe: (url: string) => Promise<HttpResponse>,
): Promise<string> {
  const seen: string[] = [];
  for (const candidate of API_PATH_CANDIDATES) {
    const response = await probe(`${baseUrl}${candidate}/access_token`);
    if (isTokenEndpointAnswer(response)) return candidate;
    seen.push(`${candidate} → HTTP ${response.status}`);
  }
  throw new BridgeError(
    'config_invalid',
    `no SuiteCRM V8 API found under ${baseUrl} (${seen.join(', ')}): check the base URL, or set the API path explicitly`,
    { details: { reason: 'api_path_not_found', tried: [...API_PATH_CANDIDATES] } },
  );
}

/**
 * Where this client's API lives: `https://crm.example.com/Api`. The configured path is used as
 * given; otherwise it is detected once, shared by concurrent first calls, and asked again
 * after a failed detection.
 */
export class ApiLocation {
  private resolved: Promise<string> | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly configuredPath: string | undefined,
    private readonly probe: (url: string) => Promise<HttpResponse>,
    private readonly onDetected: (path: string) => void,
  ) {}

  root(): Promise<string> {
    if (this.resolved === undefined) {
      const pending = this.resolve();
      this.resolved = pending;
      pending.catch(() => {
        if (this.resolved === pending) this.resolved = undefined;
      });
    }
    return this.resolved;
  }

  async path(): Promise<string> {
    return (await this.root()).slice(this.baseUrl.length);
  }

  private async resolve(): Promise<string> {
    if (this.configuredPath !== undefined) return `${this.baseUrl}${normaliseApiPath(this.configuredPath)}`;
    const path = await detectApiPath(this.baseUrl, this.probe);
    this.onDetected(path);
    return `${this.baseUrl}${path}`;
  }
}
