/**
 * Our server's validation debounce, read from its source so BENCHMARKS.md states the value the numbers
 * were measured with (the brief asks for it next to yaml-language-server's fixed 200 ms, peers.md §2.1).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// A constant named like a debounce or a validation delay (server/src/lsp/validationScheduler.ts has
// `VALIDATION_DELAY_MS = 20`), assigned a number.
const PATTERN = /\b[A-Za-z_]*(?:debounce|validation_?delay)[A-Za-z_]*\s*[:=]\s*(\d+(?:_\d+)*)\b/i;

function sourceFiles(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

export function debounceOfOurServer(repoRoot: string): { ms: number | undefined; source: string } {
  const root = join(repoRoot, 'server/src');
  let files: string[] = [];
  try {
    files = sourceFiles(root, []);
  } catch {
    return { ms: undefined, source: 'server/src not found' };
  }
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const [index, line] of lines.entries()) {
      const match = PATTERN.exec(line);
      if (match?.[1] !== undefined) {
        return {
          ms: Number(match[1].replace(/_/g, '')),
          source: `${relative(repoRoot, file)}:${index + 1}: ${line.trim()}`,
        };
      }
    }
  }
  return { ms: undefined, source: 'no debounce constant found in server/src' };
}
