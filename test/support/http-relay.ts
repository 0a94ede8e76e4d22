import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP(S) front for the stand-in: forwards every request to `target` and lets the test see
 * each exchange (the tokens SuiteCRM issued, what an error page echoed). With `tls` it serves
 * HTTPS with the given certificate, as a SuiteCRM behind a web server would.
 */
export interface RelayExchange {
  method: string;
  path: string;
  status: number;
  requestBody: string;
  responseBody: string;
}

export interface HttpRelay {
  url: string;
  exchanges: RelayExchange[];
  /** TLS handshakes that failed (the client refused the certificate). */
  tlsErrors: string[];
  close(): Promise<void>;
}

export async function startRelay(
  target: string,
  options: { tls?: { cert: string; key: string } } = {},
): Promise<HttpRelay> {
  const exchanges: RelayExchange[] = [];
  const tlsErrors: string[] = [];
  const handler = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const requestBody = Buffer.concat(chunks);
      const upstream = http.request(
        `${target}${request.url ?? '/'}`,
        { method: request.method, headers: { ...request.headers, host: new URL(target).host } },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            const body = Buffer.concat(parts);
            exchanges.push({
              method: request.method ?? 'GET',
              path: request.url ?? '/',
              status: answer.statusCode ?? 0,
              requestBody: requestBody.toString('utf8'),
              responseBody: body.toString('utf8'),
            });
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            response.end(body);
          });
        },
      );
      upstream.on('error', () => response.destroy());
      upstream.end(requestBody);
    });
  };
  const server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, handler)
    : http.createServer(handler);
  server.on('tlsClientError', (error: Error) => tlsErrors.push(error.message));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    exchanges,
    tlsErrors,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
