/**
 * Plain-text tables for the demo board: columns padded to their widest cell, numbers right
 * aligned, long text cut with an ellipsis so a row stays on one line.
 */
export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Longest cell before it is cut. */
  max?: number;
}

function cut(text: string, max: number | undefined): string {
  if (max === undefined || text.length <= max) return text;
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

export function renderTable(columns: readonly Column[], rows: readonly string[][], indent = '  '): string[] {
  const cells = rows.map((row) => columns.map((column, i) => cut(row[i] ?? '', column.max)));
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...cells.map((row) => (row[i] ?? '').length)),
  );
  const line = (row: readonly string[]) =>
    `${indent}${row
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return columns[i]?.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')}`.trimEnd();
  return [line(columns.map((column) => column.header)), ...cells.map(line)];
}
