/**
 * SuiteCRM does not always send clean JSON: an SQL error prints "Database failure. Please
 * refer to suitecrm.log for details." right after the JSON error object (fixtures README
 * item 12), and PHP notices may print before it. This finds the first complete JSON object or
 * array in the text and reports whether anything but whitespace surrounded it.
 */
export interface LenientJson {
  value: unknown;
  /** Non-whitespace text before and after the JSON value, trimmed; '' for a clean body. */
  leading: string;
  trailing: string;
}

export function parseLenientJson(text: string): LenientJson | undefined {
  try {
    return { value: JSON.parse(text), leading: '', trailing: '' };
  } catch {
    // Fall through to the scan.
  }
  const start = firstOpening(text);
  if (start < 0) return undefined;
  const end = matchingEnd(text, start);
  if (end < 0) return undefined;
  try {
    return {
      value: JSON.parse(text.slice(start, end + 1)),
      leading: text.slice(0, start).trim(),
      trailing: text.slice(end + 1).trim(),
    };
  } catch {
    return undefined;
  }
}

function firstOpening(text: string): number {
  const brace = text.indexOf('{');
  const bracket = text.indexOf('[');
  if (brace < 0) return bracket;
  if (bracket < 0) return brace;
  return Math.min(brace, bracket);
}

/** Index of the bracket closing the one at `start`, skipping string contents; -1 if the text ends first. */
function matchingEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
