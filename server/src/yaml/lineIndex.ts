import type { Position, Range } from '../diagnostics/finding';

/**
 * Converts between string offsets and zero-based line/character positions. JavaScript string indexes
 * are UTF-16 code units, which is also what LSP positions count by default, so no re-encoding is needed.
 * "\r\n", "\n" and "\r" all end a line, as in LSP.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(
    private readonly text: string,
    lineStarts?: number[],
  ) {
    this.lineStarts = lineStarts ?? [0];
    if (!lineStarts) scanLineStarts(text, 0, text.length, this.lineStarts);
  }

  /**
   * The index of `text`, an edit of `previous`'s text that kept its first `prefix` and last `suffix`
   * characters: line starts outside the edit are copied (moved, after it) instead of scanned again.
   */
  static afterEdit(previous: LineIndex, text: string, prefix: number, suffix: number): LineIndex {
    const oldLength = previous.text.length;
    const delta = text.length - oldLength;
    const old = previous.lineStarts;
    // A start j depends on the characters at j-1 and j: kept when both lie in the common prefix, moved
    // when both lie in the common suffix, scanned in between.
    const starts: number[] = [];
    for (const start of old) {
      if (start > prefix - 1) break;
      starts.push(start);
    }
    if (starts.length === 0) starts.push(0);
    scanLineStarts(text, Math.max(0, prefix - 1), text.length - suffix, starts);
    for (const start of old) {
      if (start >= oldLength - suffix + 1) starts.push(start + delta);
    }
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (this.lineStarts[low] ?? 0) };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)] ?? 0;
    const nextStart = this.lineStarts[position.line + 1] ?? this.text.length;
    return Math.min(start + Math.max(0, position.character), nextStart);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** Appends the start of every line whose break is at [from, to): "\r\n", "\n" and "\r" end a line. */
function scanLineStarts(text: string, from: number, to: number, starts: number[]): void {
  // Without a CR in the range every break is a "\n": `indexOf` finds them several times faster than a
  // loop over every character (it is vectorised), and most files have no CR at all. The slice is a view
  // of the text, not a copy, so the CR test reads only the range.
  if (!text.slice(from, to).includes('\r')) {
    for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
      starts.push(i + 1);
    }
    return;
  }
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) continue; // the line ends at the \n that follows
      starts.push(i + 1);
    } else if (ch === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
}
