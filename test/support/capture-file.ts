import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Reads the real SuiteCRM 7.14.6 captures in `test/fixtures/suitecrm-v8/` (copied verbatim from
 * the project's shared fixtures). Each file: `### REQUEST: METHOD URL`, `### Header: value`
 * lines, an optional one-line `### BODY:`, optional `### NOTE:` lines, `### RESPONSE:`, then the
 * raw HTTP response (status line, CRLF headers, blank line, body), plus one final newline.
 */
export interface Capture {
  name: string; // file name without .http, e.g. "30-accounts-page-size2-number1"
  notes: string[];
  request: {
    method: string;
    url: string; // as captured, e.g. http://127.0.0.1:8080/Api/V8/module/Accounts?page[size]=2
    path: string; // e.g. /Api/V8/module/Accounts?page[size]=2 (raw, not re-encoded)
    headers: Record<string, string>; // lower-cased names
    body: string | undefined;
  };
  response: {
    status: number;
    statusText: string;
    headers: Record<string, string>; // lower-cased names; the last one wins
    body: string; // raw text, exactly as captured (may be invalid JSON)
  };
}

export const CAPTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'suitecrm-v8');

export function parseCapture(name: string, text: string): Capture {
  const lines = text.split('\n');
  const requestHeaders: Record<string, string> = {};
  const notes: string[] = [];
  let method = '';
  let url = '';
  let body: string | undefined;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith('### RESPONSE:')) break;
    const match = /^### ([^:]+): ?(.*)$/.exec(line);
    if (!match) throw new Error(`${name}: unexpected line before the response: ${line}`);
    const key = match[1] as string;
    const value = match[2] as string;
    if (key === 'REQUEST') {
      // `METHOD URL`, sometimes followed by a comment: `GET http://...//relationships/cases   (empty id ...)`.
      const [verb = '', target = '', ...comment] = value.split(/\s+/);
      method = verb;
      url = target;
      if (comment.length > 0) notes.push(comment.join(' '));
    } else if (key === 'BODY') body = value;
    else if (key === 'NOTE') notes.push(value);
    else requestHeaders[key.toLowerCase()] = value;
  }
  // The raw response uses CRLF line ends in its head; the body is kept byte for byte.
  const statusLine = (lines[++i] ?? '').replace(/\r$/, '');
  const status = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(statusLine);
  if (!status) throw new Error(`${name}: no status line`);
  const responseHeaders: Record<string, string> = {};
  for (i++; i < lines.length && (lines[i] as string).replace(/\r$/, '') !== ''; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    const colon = line.indexOf(':');
    responseHeaders[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  // The capture tool ended every file with one newline that the server did not send.
  const responseBody = lines
    .slice(i + 1)
    .join('\n')
    .replace(/\n$/, '');
  const pathStart = url.indexOf('/', url.indexOf('//') + 2);
  return {
    name,
    notes,
    request: { method, url, path: url.slice(pathStart), headers: requestHeaders, body },
    response: {
      status: Number(status[1]),
      statusText: status[2] ?? '',
      headers: responseHeaders,
      body: responseBody,
    },
  };
}

export function loadCapture(name: string): Capture {
  const file = name.endsWith('.http') ? name : `${name}.http`;
  return parseCapture(basename(file, '.http'), readFileSync(join(CAPTURE_DIR, file), 'utf8'));
}

export function loadAllCaptures(): Capture[] {
  return readdirSync(CAPTURE_DIR)
    .filter((file) => file.endsWith('.http'))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b))
    .map((file) => loadCapture(file));
}
