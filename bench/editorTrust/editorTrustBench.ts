/**
 * Trust in the editor: 200 images over 20 signed lab repositories opened in `node dist/server.js --stdio`
 * with the network on. Measures didOpen → the publish in which every image has a trust diagnostic (cold:
 * fresh process, empty cache; warm: a didChange in the same process within the freshness window), the
 * HTTP requests the lab saw (counting proxies) and per-repository concurrency, and the typing latency
 * (didChange of a label → the next publish of that version) while the cold lookups run, after they are
 * done, and with the network off.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { commitOf, loadNow, machine } from '../machine';
import type { Machine } from '../machine';
import { BenchError } from '../lsp/lspConnection';
import { summary } from '../stats';
import { FRESHNESS_SECONDS, writeBenchWorkspace } from './benchWorkspace';
import type { CountingProxy } from './countingProxy';
import type { EditorLab } from './editorLab';
import { REPOSITORIES, startEditorLab, TAGS } from './editorLab';
import type { Publish } from './editorSession';
import { EditorSession } from './editorSession';
import type { RequestStats } from './requestLog';
import { requestStats } from './requestLog';
import type { Workload } from './workspace';
import { IMAGES } from './workspace';

type Summary = ReturnType<typeof summary>;

export const GOALS = { coldMs: 1000, warmMs: 50, resolutionsInFlightPerRepository: 1 } as const;
/** "Unchanged" typing latency: the median while lookups run within this of the idle median. */
export const TYPING_TOLERANCE = { ratio: 1.25, absoluteMs: 20 } as const;
const QUIET_MS = 300;
/** How long the edited version may take to get every trust answer when edited during the cold lookups. */
const BUSY_COMPLETE_WAIT_MS = 30_000;

export interface RunSample {
  readonly coldMs: number;
  readonly firstPublishMs: number;
  readonly coldPublishes: number;
  /** Server CPU (user + system) from didOpen / didChange to the complete publish: less load-sensitive than wall time. */
  readonly coldCpuMs: number;
  readonly warmCpuMs: number;
  readonly coldRequests: RequestStats;
  readonly warmMs: number;
  /** The first publish after the warm didChange (equals warmMs when it already carries every trust answer). */
  readonly warmFirstPublishMs: number;
  readonly warmRequests: RequestStats;
  readonly typingIdleMs: number;
  readonly typingBusyMs: number;
  /** Proxied requests in flight when the busy edit was sent (> 0: the lookups were really running). */
  readonly inFlightAtBusyEdit: number;
  /** Requests the lab had answered when the busy edit was sent (of ~160 for a full cold resolution). */
  readonly requestsBeforeBusyEdit: number;
  readonly lookupsStartedBeforeBusyEdit: boolean;
  /** didOpen → all trust codes on the edited version; null when they never came within BUSY_COMPLETE_WAIT_MS. */
  readonly busyCompleteMs: number | null;
  /** The last publish of the edited version: image lines with a trust code, and the codes. */
  readonly lastPublishOfEdit: {
    readonly trustLines: number;
    readonly codes: Readonly<Record<string, number>>;
  };
  readonly busyRequests: RequestStats;
  readonly typingOfflineMs: number;
  readonly codes: Readonly<Record<string, number>>;
}

export interface EditorTrustBenchResult {
  readonly benchmark: 'editor-trust';
  readonly date: string;
  readonly commit: string;
  readonly machine: Machine;
  readonly runs: number;
  readonly images: number;
  readonly repositories: number;
  readonly tags: readonly string[];
  readonly freshnessSeconds: number;
  readonly setupMs: Readonly<Record<string, number>>;
  readonly goals: typeof GOALS;
  readonly typingTolerance: typeof TYPING_TOLERANCE;
  readonly coldMs: Summary;
  readonly firstPublishMs: Summary;
  readonly warmMs: Summary;
  readonly warmFirstPublishMs: Summary;
  readonly coldCpuMs: Summary;
  readonly warmCpuMs: Summary;
  readonly typingIdleMs: Summary;
  readonly typingBusyMs: Summary;
  readonly typingOfflineMs: Summary;
  readonly samples: readonly RunSample[];
  /** sha256 (16 hex) and mtime of dist/server.js at the start and the end of the run. */
  readonly serverBuild?: {
    readonly start: { readonly sha256: string; readonly mtime: string };
    readonly end: { readonly sha256: string; readonly mtime: string };
  };
  readonly notes: string[];
}

/** Which server bundle ran: dist/ is rebuilt by other work on a shared tree, so the bench records it. */
function buildOf(entry: string): { readonly sha256: string; readonly mtime: string } {
  return {
    sha256: createHash('sha256').update(readFileSync(entry)).digest('hex').slice(0, 16),
    mtime: statSync(entry).mtime.toISOString(),
  };
}

/** Resolves once neither proxy has had a request in flight or a new one for QUIET_MS. */
async function quiet(proxies: readonly CountingProxy[]): Promise<void> {
  const count = (): number => proxies.reduce((n, p) => n + p.requests.length + p.inFlight(), 0);
  let last = -1;
  for (;;) {
    const now = count();
    if (now === last && proxies.every((p) => p.inFlight() === 0)) return;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }
}

/** Polls (1 ms) until a proxied request is in flight or answered; false at the deadline. */
async function lookupsStarted(lab: EditorLab, deadlineMs: number): Promise<boolean> {
  const end = performance.now() + deadlineMs;
  const proxies = [lab.notaryProxy, lab.registryProxy];
  while (performance.now() < end) {
    if (proxies.some((p) => p.inFlight() > 0 || p.requests.length > 0)) return true;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return false;
}

const complete = (workload: Workload) => (p: Publish) =>
  workload.imageLines.every((line) => p.trustLines.has(line));
const anyPublish = (): boolean => true;

function edited(workload: Workload, suffix: string): string {
  const lines = workload.text.split('\n');
  lines[workload.labelLine] = (lines[workload.labelLine] ?? '').replace(
    workload.labelValue,
    `${workload.labelValue}${suffix}`,
  );
  return lines.join('\n');
}

interface Context {
  readonly lab: EditorLab;
  readonly entry: string;
  readonly rootDir: string;
  readonly filePath: string;
  readonly workload: Workload;
  readonly settings: Record<string, unknown>;
}

type BusyKey =
  | 'typingBusyMs'
  | 'inFlightAtBusyEdit'
  | 'requestsBeforeBusyEdit'
  | 'lookupsStartedBeforeBusyEdit'
  | 'busyCompleteMs'
  | 'busyRequests'
  | 'lastPublishOfEdit';
type TimeKey =
  | 'coldMs'
  | 'firstPublishMs'
  | 'warmMs'
  | 'warmFirstPublishMs'
  | 'coldCpuMs'
  | 'warmCpuMs'
  | 'typingIdleMs'
  | 'typingBusyMs'
  | 'typingOfflineMs';

const stats = (lab: EditorLab): RequestStats =>
  requestStats(lab.notaryProxy.requests, lab.registryProxy.requests);

function resetProxies(lab: EditorLab): void {
  lab.notaryProxy.reset();
  lab.registryProxy.reset();
}

async function coldWarmIdle(ctx: Context): Promise<Omit<RunSample, BusyKey | 'typingOfflineMs'>> {
  const { lab, workload } = ctx;
  const proxies = [lab.notaryProxy, lab.registryProxy];
  const session = await EditorSession.start({ serverEntry: ctx.entry, ...ctx });
  try {
    resetProxies(lab);
    let publishes = 0;
    const first = session.publish(1, anyPublish, 'first publish after didOpen');
    const done = session.publish(1, (p) => (publishes++, complete(workload)(p)), 'all trust after didOpen');
    const cpu0 = session.cpuMs();
    const t0 = session.open(workload.text, 1);
    const firstPublish = await first;
    const cold = await done;
    const coldCpuMs = session.cpuMs() - cpu0;
    await quiet(proxies);
    const coldRequests = stats(lab);

    resetProxies(lab);
    const warmFirst = session.publish(2, anyPublish, 'first publish after a warm didChange');
    const warmDone = session.publish(2, complete(workload), 'all trust after a warm didChange');
    const cpu1 = session.cpuMs();
    const t1 = session.change(edited(workload, 'w'), 2);
    const warmFirstPublish = await warmFirst;
    const warm = await warmDone;
    const warmCpuMs = session.cpuMs() - cpu1;
    await quiet(proxies);
    const warmRequests = stats(lab);

    const idle = session.publish(3, anyPublish, 'publish after an edit, lookups done');
    const t2 = session.change(edited(workload, 'i'), 3);
    const idlePublish = await idle;
    return {
      coldMs: cold.at - t0,
      firstPublishMs: firstPublish.at - t0,
      coldPublishes: publishes,
      coldCpuMs,
      warmCpuMs,
      coldRequests,
      warmMs: warm.at - t1,
      warmFirstPublishMs: warmFirstPublish.at - t1,
      warmRequests,
      typingIdleMs: idlePublish.at - t2,
      codes: cold.codes,
    };
  } catch (error) {
    throw session.error('cold/warm session', error);
  } finally {
    await session.stop();
  }
}

async function typingWhileLookingUp(ctx: Context): Promise<Pick<RunSample, BusyKey>> {
  const { lab, workload } = ctx;
  const session = await EditorSession.start({ serverEntry: ctx.entry, ...ctx });
  try {
    resetProxies(lab);
    const first = session.publish(1, anyPublish, 'first publish after didOpen');
    const t0 = session.open(workload.text, 1);
    await first;
    // Edit once the lookups have reached the lab (the first publish comes before they start).
    const started = await lookupsStarted(lab, 10_000);
    const inFlight = lab.notaryProxy.inFlight() + lab.registryProxy.inFlight();
    const requestsBeforeEdit = lab.notaryProxy.requests.length + lab.registryProxy.requests.length;
    const busy = session.publish(2, anyPublish, 'publish after an edit during lookups');
    let lastOfEdit: Publish | undefined;
    const busyDone = session
      .publish(
        2,
        (p) => ((lastOfEdit = p), complete(workload)(p)),
        'all trust after the edit',
        BUSY_COMPLETE_WAIT_MS,
      )
      .then(
        (p) => p,
        () => undefined, // reported as busyCompleteMs: null with what the last publish held
      );
    const t1 = session.change(edited(workload, 'b'), 2);
    const busyPublish = await busy;
    const done = await busyDone;
    await quiet([lab.notaryProxy, lab.registryProxy]);
    return {
      typingBusyMs: busyPublish.at - t1,
      inFlightAtBusyEdit: inFlight,
      requestsBeforeBusyEdit: requestsBeforeEdit,
      lookupsStartedBeforeBusyEdit: started,
      busyCompleteMs: done === undefined ? null : done.at - t0,
      lastPublishOfEdit: {
        trustLines: lastOfEdit?.trustLines.size ?? 0,
        codes: lastOfEdit?.codes ?? {},
      },
      busyRequests: stats(lab),
    };
  } catch (error) {
    throw session.error('typing-during-lookups session', error);
  } finally {
    await session.stop();
  }
}

async function typingOffline(ctx: Context): Promise<number> {
  const session = await EditorSession.start({
    serverEntry: ctx.entry,
    ...ctx,
    settings: { ...ctx.settings, network: false },
  });
  try {
    const first = session.publish(1, anyPublish, 'first publish, network off');
    session.open(ctx.workload.text, 1);
    await first;
    const next = session.publish(2, anyPublish, 'publish after an edit, network off');
    const t = session.change(edited(ctx.workload, 'o'), 2);
    return (await next).at - t;
  } catch (error) {
    throw session.error('network-off session', error);
  } finally {
    await session.stop();
  }
}

export async function runEditorTrustBench(
  repoRoot: string,
  runs: number,
  log: (line: string) => void,
): Promise<EditorTrustBenchResult> {
  const loadAtStart = loadNow();
  const entry = join(repoRoot, 'dist/server.js');
  if (!existsSync(entry))
    throw new BenchError('BENCH_SETUP', 'dist/server.js does not exist: run `npm run build` first');
  const workDir = join(repoRoot, 'bench/.work/editor-trust');
  await rm(workDir, { recursive: true, force: true });
  const rootDir = join(workDir, 'workspace');
  await mkdir(rootDir, { recursive: true });
  const buildAtStart = buildOf(entry);
  const lab = await startEditorLab(join(repoRoot, 'bench/.work/editor-lab'), log);
  try {
    const { workload, filePath, settings } = await writeBenchWorkspace(rootDir, lab);
    const ctx: Context = { lab, entry, rootDir, filePath, workload, settings };
    const samples: RunSample[] = [];
    for (let i = 0; i < runs; i++) {
      const a = await coldWarmIdle(ctx);
      const b = await typingWhileLookingUp(ctx);
      const typingOfflineMs = await typingOffline(ctx);
      samples.push({ ...a, ...b, typingOfflineMs });
      log(
        `editor-trust run ${i + 1}/${runs}: cold ${a.coldMs.toFixed(0)} ms (${a.coldRequests.notary} notary + ` +
          `${a.coldRequests.registry} registry requests), warm ${a.warmMs.toFixed(1)} ms ` +
          `(${a.warmRequests.notary + a.warmRequests.registry} requests); typing idle ${a.typingIdleMs.toFixed(0)} / ` +
          `during lookups ${b.typingBusyMs.toFixed(0)} (${b.requestsBeforeBusyEdit} done, ${b.inFlightAtBusyEdit} in flight) / offline ${typingOfflineMs.toFixed(0)} ms`,
      );
    }
    const of = (key: TimeKey): Summary => summary(samples.map((s) => s[key]));
    return {
      benchmark: 'editor-trust',
      date: new Date().toISOString(),
      commit: commitOf(repoRoot),
      machine: machine(loadAtStart),
      runs,
      images: IMAGES,
      repositories: REPOSITORIES,
      tags: TAGS,
      freshnessSeconds: FRESHNESS_SECONDS,
      setupMs: lab.setupMs,
      goals: GOALS,
      typingTolerance: TYPING_TOLERANCE,
      coldMs: of('coldMs'),
      firstPublishMs: of('firstPublishMs'),
      warmMs: of('warmMs'),
      warmFirstPublishMs: of('warmFirstPublishMs'),
      coldCpuMs: of('coldCpuMs'),
      warmCpuMs: of('warmCpuMs'),
      typingIdleMs: of('typingIdleMs'),
      typingBusyMs: of('typingBusyMs'),
      typingOfflineMs: of('typingOfflineMs'),
      samples,
      serverBuild: { start: buildAtStart, end: buildOf(entry) },
      notes:
        buildOf(entry).sha256 === buildAtStart.sha256
          ? []
          : [
              'dist/server.js was rebuilt during this run: the runs did not all measure the same server build.',
            ],
    };
  } finally {
    if (process.env.BENCH_KEEP_LAB === '1') log('editor-trust lab left running');
    else await lab.stop();
    log('editor-trust lab stopped');
  }
}
