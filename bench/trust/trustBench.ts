/**
 * The trust-engine benchmark: our Notary client and the Go `notary list` side by side in one run, against
 * a private lab, on repositories with 1 / 100 / 1,000 / 10,000 signed tags; whole processes, cold and
 * warm; plus the in-process request counts and the 50-repository resolution.
 */
import { existsSync } from 'node:fs';
import { BenchError } from '../lsp/lspConnection';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { commitOf, loadNow, machine } from '../machine';
import type { Machine } from '../machine';
import { summary } from '../stats';
import { startBenchLab, stopBenchLab, TAG_COUNTS } from './benchLab';
import type { ManyResult, ResolutionTrace } from './inProcess';
import { resolveMany, traceResolution } from './inProcess';
import type { ProcessRun, ProcessTarget } from './processRuns';
import { notaryVersion, timeNotary, timeOurs } from './processRuns';

type Summary = ReturnType<typeof summary>;

export interface TagCountResult {
  readonly tags: number;
  readonly gun: string;
  readonly process: {
    readonly oursCold: Summary;
    readonly notaryCold: Summary;
    readonly oursWarm: Summary;
    readonly notaryWarm: Summary;
    /** user + system CPU time of the same processes (ms). */
    readonly cpu: Readonly<Record<'oursCold' | 'notaryCold' | 'oursWarm' | 'notaryWarm', Summary>>;
    /** Peak RSS of the cold processes (MB = 10^6 bytes). */
    readonly maxRssMB: { readonly ours: Summary; readonly notary: Summary };
    /** Tags printed by each, from the first run: the two must agree. */
    readonly oursLines: number;
    readonly notaryLines: number;
  };
  readonly inProcess: {
    readonly coldMs: Summary;
    readonly warmMs: Summary;
    readonly trace: Omit<ResolutionTrace, 'coldMs' | 'warmMs'>;
  };
}

export interface TrustBenchResult {
  readonly benchmark: 'trust';
  readonly date: string;
  readonly commit: string;
  readonly machine: Machine;
  readonly peer: { readonly name: string; readonly version: string };
  readonly runs: number;
  readonly ourEntry: string;
  readonly setupMs: Readonly<Record<string, number>>;
  readonly counts: readonly TagCountResult[];
  readonly many: {
    readonly coldMs: Summary;
    readonly warmMs: Summary;
    readonly last: ManyResult | undefined;
  };
  readonly notes: string[];
}

async function measureCount(
  entry: string,
  target: ProcessTarget,
  workDir: string,
  tags: number,
  gun: string,
  runs: number,
  log: (line: string) => void,
): Promise<TagCountResult> {
  const samples: Record<'oursCold' | 'notaryCold' | 'oursWarm' | 'notaryWarm', ProcessRun[]> = {
    oursCold: [],
    notaryCold: [],
    oursWarm: [],
    notaryWarm: [],
  };
  for (let i = 0; i < runs; i++) {
    const cache = await mkdtemp(join(workDir, `ours-${tags}-`));
    const trustDir = await mkdtemp(join(workDir, `notary-${tags}-`));
    const ours = async (): Promise<void> => {
      samples.oursCold.push(await timeOurs(entry, target, cache, gun));
      samples.oursWarm.push(await timeOurs(entry, target, cache, gun));
    };
    const notary = async (): Promise<void> => {
      samples.notaryCold.push(await timeNotary(target, trustDir, gun));
      samples.notaryWarm.push(await timeNotary(target, trustDir, gun));
    };
    // Alternate who goes first, so neither always runs right after the other's cold start.
    if (i % 2 === 0) await ours().then(notary);
    else await notary().then(ours);
    await Promise.all([
      rm(cache, { recursive: true, force: true }),
      rm(trustDir, { recursive: true, force: true }),
    ]);
    log(
      `trust ${tags} tags run ${i + 1}/${runs}: ours cold ${samples.oursCold.at(-1)?.ms.toFixed(0)} ms / warm ` +
        `${samples.oursWarm.at(-1)?.ms.toFixed(0)} ms; notary cold ${samples.notaryCold.at(-1)?.ms.toFixed(0)} ms / warm ` +
        `${samples.notaryWarm.at(-1)?.ms.toFixed(0)} ms`,
    );
  }
  const inProcess: ResolutionTrace[] = [];
  for (let i = 0; i < runs; i++) inProcess.push(await traceResolution({ ...target, homeDir: workDir }, gun));
  const first = inProcess[0];
  const ms = (key: keyof typeof samples): Summary => summary(samples[key].map((s) => s.ms));
  const cpu = (key: keyof typeof samples): Summary => summary(samples[key].map((s) => s.cpuMs));
  const rss = (key: keyof typeof samples): Summary =>
    summary(samples[key].map((s) => (s.maxRssKiB * 1024) / 1e6));
  return {
    tags,
    gun,
    process: {
      oursCold: ms('oursCold'),
      notaryCold: ms('notaryCold'),
      oursWarm: ms('oursWarm'),
      notaryWarm: ms('notaryWarm'),
      cpu: {
        oursCold: cpu('oursCold'),
        notaryCold: cpu('notaryCold'),
        oursWarm: cpu('oursWarm'),
        notaryWarm: cpu('notaryWarm'),
      },
      maxRssMB: { ours: rss('oursCold'), notary: rss('notaryCold') },
      oursLines: samples.oursCold[0]?.lines ?? 0,
      notaryLines: samples.notaryCold[0]?.lines ?? 0,
    },
    inProcess: {
      coldMs: summary(inProcess.map((t) => t.coldMs)),
      warmMs: summary(inProcess.map((t) => t.warmMs)),
      trace: {
        coldRequests: first?.coldRequests ?? [],
        delegationsInOneWave: inProcess.every((t) => t.delegationsInOneWave),
        delegationRequests: first?.delegationRequests ?? 0,
        warmRequests: first?.warmRequests ?? [],
        signedTags: first?.signedTags ?? 0,
      },
    },
  };
}

export async function runTrustBench(
  repoRoot: string,
  runs: number,
  log: (line: string) => void,
): Promise<TrustBenchResult> {
  const loadAtStart = loadNow();
  const workDir = join(repoRoot, 'bench/.work/trust');
  const labDir = join(repoRoot, 'bench/.work/lab');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  const notes: string[] = [];
  const entry = join(repoRoot, 'dist/cli.js');
  if (!existsSync(entry))
    throw new BenchError('BENCH_SETUP', 'dist/cli.js does not exist: run `npm run build` first');
  const lab = await startBenchLab(labDir, log);
  try {
    const target: ProcessTarget = { notaryUrl: lab.state.notary.url, caPath: lab.state.notary.caPath };
    const counts: TagCountResult[] = [];
    for (const tags of TAG_COUNTS) {
      const gun = lab.gunsByTags.get(tags);
      if (gun === undefined) {
        notes.push(`no lab repository with ${tags} tags`);
        continue;
      }
      counts.push(await measureCount(entry, target, workDir, tags, gun, runs, log));
    }
    const many: ManyResult[] = [];
    for (let i = 0; i < runs; i++)
      many.push(await resolveMany({ ...target, homeDir: workDir }, lab.manyGuns));
    log(`trust 50 repositories: cold ${many.map((m) => m.coldMs.toFixed(0)).join(', ')} ms`);
    return {
      benchmark: 'trust',
      date: new Date().toISOString(),
      commit: commitOf(repoRoot),
      machine: machine(loadAtStart),
      peer: { name: 'notary CLI (Debian package `notary`)', version: await notaryVersion() },
      runs,
      ourEntry: '`node dist/cli.js inspect GUN` (the image-trust CLI, esbuild bundle)',
      setupMs: lab.setupMs,
      counts,
      many: {
        coldMs: summary(many.map((m) => m.coldMs)),
        warmMs: summary(many.map((m) => m.warmMs)),
        last: many.at(-1),
      },
      notes,
    };
  } finally {
    if (process.env.BENCH_KEEP_LAB === '1') log(`trust lab left running in ${labDir}`);
    else log(`trust lab stopped: ${(await stopBenchLab(labDir)).join(', ')}`);
  }
}
