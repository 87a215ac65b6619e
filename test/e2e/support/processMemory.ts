import { readFileSync } from 'node:fs';

/** Resident set size of a process in bytes, from /proc (Linux only; undefined elsewhere or when gone). */
export function rssOf(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

/** Direct children of `pid` whose command line contains `needle` (e.g. the language server bundle). */
export function childrenMatching(pid: number, needle: string): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return children.map(Number).filter((child) => commandLine(child).includes(needle));
  } catch {
    return [];
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

export const toMiB = (bytes: number | undefined): string =>
  bytes === undefined ? 'n/a' : (bytes / 1024 / 1024).toFixed(1);

/**
 * This process's RSS after a full garbage collection when node runs with --expose-gc (runTests.ts sets
 * it), so before/after differences are not garbage waiting to be collected.
 */
export function settledRss(): number {
  const { gc } = globalThis as { gc?: () => void };
  if (typeof gc === 'function') gc();
  return process.memoryUsage().rss;
}
