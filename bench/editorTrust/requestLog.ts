/**
 * What the proxies' request logs say: how many requests, and how many resolutions of one repository were
 * in flight at once. A resolution starts with `root.json` (first use) or `timestamp.json` (an update,
 * notary-v1.md §4.2); two of those for the same GUN overlapping in time are two concurrent resolutions.
 */
import type { ProxiedRequest } from './countingProxy';

export interface RequestStats {
  readonly notary: number;
  readonly registry: number;
  /** notary requests by TUF file kind (`root`, `timestamp`, `snapshot`, `targets`, `targets/…`). */
  readonly notaryByFile: Readonly<Record<string, number>>;
  /** Max `root.json`/`timestamp.json` requests of one GUN in flight at the same moment. */
  readonly maxConcurrentResolutionsPerGun: number;
  /** Max `timestamp.json` requests for one GUN in the whole log (1 = one resolution per repository). */
  readonly maxTimestampRequestsPerGun: number;
  /** Max requests of any kind for one GUN in flight at once (the delegations are fetched in parallel). */
  readonly maxConcurrentRequestsPerGun: number;
  /** Max manifest requests for one `repo:tag` in the whole log, and in flight at once. */
  readonly maxManifestRequestsPerTag: number;
  readonly maxConcurrentManifestRequestsPerTag: number;
  readonly errors: number;
  /** Most requests in flight at once over both services (the server runs at most 4 lookups at a time). */
  readonly maxConcurrentRequests: number;
  /** First request start → last request end, and how much of that the lab had any request open (ms). */
  readonly spanMs: number;
  readonly labBusyMs: number;
}

/** Length of the union of the intervals: the time at least one request was open. */
function busyTime(intervals: readonly { startMs: number; endMs: number }[]): number {
  const sorted = [...intervals].sort((a, b) => a.startMs - b.startMs);
  let total = 0;
  let end = -Infinity;
  for (const r of sorted) {
    if (r.startMs > end) {
      total += r.endMs - r.startMs;
      end = r.endMs;
    } else if (r.endMs > end) {
      total += r.endMs - end;
      end = r.endMs;
    }
  }
  return total;
}

const TUF = /^\/v2\/(.+)\/_trust\/tuf\/(.+)$/;
const MANIFEST = /^\/v2\/(.+)\/manifests\/([^/]+)$/;

/** `root.json` → root, `snapshot.<hash>.json` → snapshot, `targets/alice.<hash>.json` → targets/… */
function fileKind(file: string): string {
  const base = file.replace(/(\.[0-9a-f]{64})?\.json$/, '');
  return base.startsWith('targets/') ? 'targets/…' : base;
}

/** The largest number of intervals that overlap at one instant. */
export function maxOverlap(intervals: readonly { startMs: number; endMs: number }[]): number {
  const events = intervals.flatMap((r) => [
    { at: r.startMs, delta: 1 },
    { at: r.endMs, delta: -1 },
  ]);
  // At equal times an end comes before a start: back-to-back requests do not overlap.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let max = 0;
  for (const e of events) {
    current += e.delta;
    max = Math.max(max, current);
  }
  return max;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

const maxOf = (values: Iterable<number>): number => Math.max(0, ...values);

export function requestStats(
  notary: readonly ProxiedRequest[],
  registry: readonly ProxiedRequest[],
): RequestStats {
  const notaryByFile: Record<string, number> = {};
  for (const r of notary) {
    const kind = fileKind(TUF.exec(r.path)?.[2] ?? r.path);
    notaryByFile[kind] = (notaryByFile[kind] ?? 0) + 1;
  }
  const all = [...notary, ...registry];
  const byGun = groupBy(notary, (r) => TUF.exec(r.path)?.[1]);
  const starts = (rs: readonly ProxiedRequest[]): ProxiedRequest[] =>
    rs.filter((r) => /\/(root|timestamp)\.json$/.test(r.path));
  const byTag = groupBy(
    registry.filter((r) => MANIFEST.test(r.path)),
    (r) => {
      const m = MANIFEST.exec(r.path);
      return m === null ? undefined : `${m[1]}:${m[2]}`;
    },
  );
  return {
    notary: notary.length,
    registry: registry.length,
    notaryByFile,
    maxConcurrentResolutionsPerGun: maxOf([...byGun.values()].map((rs) => maxOverlap(starts(rs)))),
    maxTimestampRequestsPerGun: maxOf(
      [...byGun.values()].map((rs) => rs.filter((r) => r.path.endsWith('/timestamp.json')).length),
    ),
    maxConcurrentRequestsPerGun: maxOf([...byGun.values()].map((rs) => maxOverlap(rs))),
    maxManifestRequestsPerTag: maxOf([...byTag.values()].map((rs) => rs.length)),
    maxConcurrentManifestRequestsPerTag: maxOf([...byTag.values()].map((rs) => maxOverlap(rs))),
    errors: all.filter((r) => r.status === 'error' || r.status >= 500).length,
    maxConcurrentRequests: maxOverlap(all),
    spanMs: all.length === 0 ? 0 : maxOf(all.map((r) => r.endMs)) - Math.min(...all.map((r) => r.startMs)),
    labBusyMs: busyTime(all),
  };
}
