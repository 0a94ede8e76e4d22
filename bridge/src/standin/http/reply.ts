/**
 * An HTTP answer before it is written, so faults (truncation, dropped sockets) and latency
 * can be applied to any of them the same way.
 */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The headers Apache and Slim add to every SuiteCRM API answer. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS, PUT, DELETE',
  'Access-Control-Allow-Headers':
    'Content-Type, Access-Control-Allow-Headers, Authorization, X-Requested-With',
  'X-Content-Type-Options': 'nosniff',
};

export const JSON_API = 'application/vnd.api+json';

/** PHP's json_encode with JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES. */
export function phpPrettyJson(value: unknown): string {
  // PHP still escapes U+2028/U+2029 without JSON_UNESCAPED_LINE_TERMINATORS.
  return JSON.stringify(value, null, 4)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function reply(status: number, contentType: string, body: string, extra: Record<string, string> = {}): Reply {
  const headers: Record<string, string> = { ...COMMON_HEADERS, ...extra, 'Content-Type': contentType };
  // Apache closes the connection after these statuses.
  if (status === 400 || status === 500) headers.Connection = 'close';
  return { status, headers, body };
}

/** A V8 controller answer (BaseController::generateResponse). */
export function jsonApi(status: number, document: unknown): Reply {
  return reply(status, JSON_API, phpPrettyJson(document), { Accept: JSON_API });
}

export function errorDocument(status: number, detail: string): unknown {
  return { errors: { status, title: null, detail } };
}

/** An error a controller or service throws: JSON:API media type, errors object. */
export function controllerError(detail: string, status = 400): Reply {
  return jsonApi(status, errorDocument(status, detail));
}

/** An error ParamsMiddleware catches while validating the request: same object, `application/json`. */
export function paramsError(detail: string): Reply {
  return reply(400, 'application/json', phpPrettyJson(errorDocument(400, detail)));
}

/** An SQL error: the error object, then the plain text PHP printed (fixtures item 12, capture 53). */
export function databaseFailure(): Reply {
  const text = 'Database failure. Please refer to suitecrm.log for details.';
  const answer = controllerError(text);
  return { ...answer, body: `${answer.body}${text}` };
}

/** league/oauth2-server errors: compact JSON. */
export function oauthError(status: number, error: string, description: string, hint?: string): Reply {
  const body: Record<string, string> = { error, error_description: description };
  if (hint !== undefined) body.hint = hint;
  body.message = description;
  return reply(status, 'application/json', JSON.stringify(body));
}

export function oauthSuccess(body: Record<string, unknown>): Reply {
  return reply(200, 'application/json; charset=UTF-8', JSON.stringify(body), {
    pragma: 'no-cache',
    'cache-control': 'no-store',
  });
}

/** Slim's own 404 and 405 answers. */
export function slimNotFound(): Reply {
  return reply(404, 'application/json', '{"message":"Not found"}');
}

export function slimMethodNotAllowed(allowed: string[]): Reply {
  return reply(
    405,
    'application/json',
    JSON.stringify({ message: `Method not allowed. Must be one of: ${allowed.join(', ')}` }),
    {
      Allow: allowed.join(', '),
    },
  );
}

export function slimOptions(allowed: string[]): Reply {
  return reply(200, 'text/plain;charset=UTF-8', `Allowed methods: ${allowed.join(', ')}`, {
    Allow: allowed.join(', '),
  });
}

/** What Apache or PHP say when something breaks outside SuiteCRM's own handlers. */
export function serverError(): Reply {
  return reply(
    500,
    'text/html; charset=iso-8859-1',
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>500 Internal Server Error</title>\n</head><body>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error or misconfiguration and was unable to complete your request.</p>\n</body></html>\n',
  );
}

export function apacheNotFound(): Reply {
  return reply(
    404,
    'text/html; charset=iso-8859-1',
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n',
  );
}
