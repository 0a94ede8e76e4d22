import { decodeEntities, escapeAttribute, escapeText } from './entities.js';

/**
 * An approximation of HTMLPurifier as SuiteCRM 7.14 configures it (`HtmlSanitizer`: XHTML 1.0
 * Transitional, `script`/`style`/`title`/`head` removed with their content, `html`/`body`/
 * `iframe` forbidden, empty elements removed). It reproduces what matters for stored values:
 * text comes out with `& < >` escaped and quotes untouched, allowed tags stay (`<b>x</b>`),
 * unknown tags go but keep their text, hidden elements go with their text, tags are balanced,
 * comments and event-handler or script-URL attributes are dropped. It is not a full HTML
 * parser: nesting rules and CSS filtering are not modelled.
 */
const HIDDEN = new Set(['script', 'style', 'title', 'head']);
const VOID = new Set(['br', 'hr', 'img', 'col']);
const ALLOWED = new Set([
  'a',
  'abbr',
  'acronym',
  'address',
  'b',
  'bdo',
  'big',
  'blockquote',
  'br',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'dfn',
  'dir',
  'div',
  'dl',
  'dt',
  'em',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'menu',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'tt',
  'u',
  'ul',
  'var',
]);
const KEEP_WHEN_EMPTY = new Set(['td', 'th', ...VOID]);
const GLOBAL_ATTRIBUTES = new Set(['title', 'class', 'dir', 'lang']);
const ELEMENT_ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(['href']),
  img: new Set(['src', 'alt', 'width', 'height']),
  td: new Set(['colspan', 'rowspan', 'align', 'valign', 'width']),
  th: new Set(['colspan', 'rowspan', 'align', 'valign', 'width']),
  table: new Set(['border', 'cellpadding', 'cellspacing', 'width', 'summary']),
  ol: new Set(['start']),
  font: new Set(['color', 'size', 'face']),
};
const URI_ATTRIBUTES = new Set(['href', 'src']);
const SAFE_SCHEMES = /^(https?|mailto|ftp|nntp|news|tel|cid):/i;

const TAG =
  /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

interface Node {
  name: string;
  attributes: string;
  children: (Node | string)[];
}

function keepAttributes(element: string, raw: string): string {
  let out = '';
  for (const match of raw.matchAll(ATTRIBUTE)) {
    const name = (match[1] as string).toLowerCase();
    if (!GLOBAL_ATTRIBUTES.has(name) && !ELEMENT_ATTRIBUTES[element]?.has(name)) continue;
    const value = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '').trim();
    if (URI_ATTRIBUTES.has(name) && /^[a-z][a-z0-9+.-]*:/i.test(value) && !SAFE_SCHEMES.test(value)) continue;
    out += ` ${name}="${escapeAttribute(value)}"`;
  }
  if (element === 'img') {
    if (!/ src="/.test(out)) return '\u0000drop';
    if (!/ alt="/.test(out)) {
      const src = /src="([^"]*)"/.exec(out)?.[1] ?? '';
      out += ` alt="${src.slice(src.lastIndexOf('/') + 1)}"`;
    }
  }
  return out;
}

function render(nodes: (Node | string)[]): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += escapeText(node);
      continue;
    }
    if (VOID.has(node.name)) {
      out += `<${node.name}${node.attributes} />`;
      continue;
    }
    const inner = render(node.children);
    if (inner === '' && !KEEP_WHEN_EMPTY.has(node.name)) continue;
    out += `<${node.name}${node.attributes}>${inner}</${node.name}>`;
  }
  return out;
}

export function purify(input: string): string {
  // HTMLPurifier normalises line ends and removes characters that are not allowed in SGML.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters HTMLPurifier strips
  const html = input.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  const root: Node = { name: '#root', attributes: '', children: [] };
  const stack: Node[] = [root];
  let text = '';
  const flushText = () => {
    if (text !== '') (stack[stack.length - 1] as Node).children.push(decodeEntities(text));
    text = '';
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    const rest = html.slice(lt);
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->', 4);
      i = end < 0 ? html.length : lt + end + 3;
      continue;
    }
    if (/^<[!?]/.test(rest)) {
      const end = rest.indexOf('>');
      i = end < 0 ? html.length : lt + end + 1;
      continue;
    }
    const tag = TAG.exec(rest);
    if (!tag) {
      text += '<';
      i = lt + 1;
      continue;
    }
    flushText();
    i = lt + tag[0].length;
    const closing = tag[1] === '/';
    const name = (tag[2] as string).toLowerCase();
    if (HIDDEN.has(name)) {
      if (!closing && tag[4] !== '/') {
        const end = html.toLowerCase().indexOf(`</${name}`, i);
        const close = end < 0 ? -1 : html.indexOf('>', end);
        i = close < 0 ? html.length : close + 1;
      }
      continue;
    }
    if (!ALLOWED.has(name)) continue;
    if (closing) {
      const at = stack.map((node) => node.name).lastIndexOf(name);
      if (at > 0) stack.length = at;
      continue;
    }
    const attributes = keepAttributes(name, tag[3] ?? '');
    if (attributes === '\u0000drop') continue;
    const node: Node = { name, attributes, children: [] };
    (stack[stack.length - 1] as Node).children.push(node);
    if (!VOID.has(name) && tag[4] !== '/') stack.push(node);
  }
  flushText();
  return render(root.children);
}
