/**
 * The subset of Go's text/tabwriter that Docker's table formatter uses (minwidth 10, tabwidth 1,
 * padding 3, pad ' ', no flags; cli/command/formatter/formatter.go:89, notary-v1.md §5.4): every
 * tab-terminated cell is padded to its column's widest cell + padding (at least minwidth); the last cell
 * of a line is not part of a column. Our tables have the same number of cells on every line, so each
 * column is one block.
 */
export function formatTable(rows: readonly (readonly string[])[], minWidth = 10, padding = 3): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.slice(0, -1).forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? minWidth, runeLength(cell) + padding);
    });
  }
  return rows
    .map(
      (row) =>
        row
          .map((cell, column) =>
            column < row.length - 1 ? cell.padEnd(cell.length + widths[column] - runeLength(cell)) : cell,
          )
          .join('') + '\n',
    )
    .join('');
}

function runeLength(text: string): number {
  return [...text].length;
}
