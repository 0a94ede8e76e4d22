import type { IncomingMessage } from 'node:http';
import { parseQuery } from './php-query.js';

const MAX_BODY_BYTES = 16 * 1024 * 1024;

export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * Slim's getParsedBody(): JSON for application/json and any `+json` media type, fields for
 * form posts, nothing for other types (text/plain bodies are ignored; capture 106). Invalid
 * JSON parses to nothing as well.
 */
export function parseBody(contentType: string | undefined, raw: Buffer): unknown {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const text = raw.toString('utf8');
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  if (mediaType === 'application/x-www-form-urlencoded') return parseQuery(text);
  return undefined;
}
