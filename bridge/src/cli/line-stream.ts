import type { Readable, Writable } from 'node:stream';

/**
 * Streams text lines through a function in constant memory: input is read chunk by chunk,
 * answers are batched into large writes, and reading waits whenever the output is full.
 * A line longer than `maxLineLength` is answered by `onOverlong` instead of being buffered.
 */
export interface LineStreamOptions {
  maxLineLength?: number;
  onOverlong: () => string;
}

export async function mapLines(
  input: Readable,
  output: Writable,
  fn: (line: string) => string,
  options: LineStreamOptions,
): Promise<number> {
  const maxLineLength = options.maxLineLength ?? 1_048_576;
  input.setEncoding('utf8');
  let rest = '';
  let skipping = false;
  let count = 0;
  const emit = async (text: string): Promise<void> => {
    if (text !== '' && !output.write(text))
      await new Promise<void>((resolve) => output.once('drain', resolve));
  };
  for await (const chunk of input as AsyncIterable<string>) {
    let out = '';
    let start = 0;
    let newline = chunk.indexOf('\n');
    while (newline !== -1) {
      if (skipping) {
        skipping = false;
        out += `${options.onOverlong()}\n`;
      } else {
        let line = rest === '' ? chunk.slice(start, newline) : rest + chunk.slice(start, newline);
        rest = '';
        if (line.endsWith('\r')) line = line.slice(0, -1);
        out += `${fn(line)}\n`;
      }
      count++;
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    if (!skipping) {
      rest += chunk.slice(start);
      if (rest.length > maxLineLength) {
        rest = '';
        skipping = true;
      }
    }
    await emit(out);
  }
  if (skipping) {
    await emit(`${options.onOverlong()}\n`);
    count++;
  } else if (rest !== '') {
    await emit(`${fn(rest.endsWith('\r') ? rest.slice(0, -1) : rest)}\n`);
    count++;
  }
  return count;
}
