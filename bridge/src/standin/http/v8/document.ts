import { buildLinkQuery, type PhpArray } from '../php-query.js';
import { jsonApi, type Reply } from '../reply.js';

/** DocumentResponse::jsonSerialize: meta first, then data, then links; an empty answer gets a message. */
export function documentReply(
  status: number,
  data: unknown,
  meta?: Record<string, unknown>,
  links?: Record<string, unknown>,
): Reply {
  const empty = data === null || (Array.isArray(data) && data.length === 0);
  const document: Record<string, unknown> = {};
  if (meta) document.meta = meta;
  else if (empty) document.meta = { message: 'Request was successful, but there is no result' };
  document.data = data;
  if (links) document.links = links;
  return jsonApi(status, document);
}

/** PaginationObjectHelper::getPaginationLinks: relative, not re-encoded, null where absent (items 26-27). */
export function paginationLinks(
  path: string,
  query: PhpArray,
  totalPages: number,
  number: number,
): Record<string, string | null> {
  const link = (page: number) => {
    const params: PhpArray = { ...query };
    const pageParams = typeof params.page === 'object' ? { ...params.page } : {};
    pageParams.number = String(page);
    params.page = pageParams;
    return `${path}?${buildLinkQuery(params)}`;
  };
  return {
    first: number > 1 ? link(1) : null,
    prev: number > 1 ? link(number - 1) : null,
    next: number + 1 <= totalPages ? link(number + 1) : null,
    last: number + 1 <= totalPages ? link(totalPages) : null,
  };
}
