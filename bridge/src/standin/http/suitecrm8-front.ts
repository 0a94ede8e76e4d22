import type { Reply } from './reply.js';

/**
 * What SuiteCRM 8's Symfony front controller (public/index.php) answers for the SuiteCRM 7 API
 * paths. Its LegacyRedirectListener (SuiteCRM-Core core/backend/Routes/EventListener) sends any
 * path starting with one of config/services/legacy/api_paths.yaml's keys to the legacy copy with
 * a 307, through LegacyApiRedirectHandler::convert: `/legacy` + the path + the query, with the
 * first matching key replaced by its `index.php` form. The API itself, under /legacy/Api, is
 * public/legacy/Api/index.php served as in 7.14.6, so its answers do not change.
 */
const API_PATHS: ReadonlyArray<readonly [string, string]> = [
  ['Api/access_token', 'Api/index.php/access_token'],
  ['Api/V8', 'Api/index.php/V8'],
  ['Api', 'Api/index.php'],
];

const LEGACY_PATH = '/legacy';

/** Symfony's RedirectResponse body (HttpFoundation RedirectResponse::setTargetUrl). */
function redirectBody(target: string): string {
  const url = target
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#039;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return `<!DOCTYPE html>
<html>
    <head>
        <meta charset="UTF-8" />
        <meta http-equiv="refresh" content="0;url='${url}'" />

        <title>Redirecting to ${url}</title>
    </head>
    <body>
        Redirecting to <a href="${url}">${url}</a>.
    </body>
</html>`;
}

/** The 307 SuiteCRM 8 answers for a request under /Api, or undefined for any other path. */
export function legacyApiRedirect(path: string, query: string): Reply | undefined {
  const entry = API_PATHS.find(([prefix]) => path.startsWith(`/${prefix}`));
  if (entry === undefined) return undefined;
  const [prefix, replacement] = entry;
  const target = `${LEGACY_PATH}${path}${query === '' ? '' : `?${query}`}`.split(prefix).join(replacement);
  return {
    status: 307,
    headers: {
      'Cache-Control': 'no-cache, private',
      Location: target,
      'Content-Type': 'text/html; charset=UTF-8',
    },
    body: redirectBody(target),
  };
}
