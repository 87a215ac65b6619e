/**
 * §3 of BENCHMARKS.md from bench/results/editor-trust.json. Every goal is judged here from the numbers,
 * so a missed goal shows as "not met" whatever the notes say.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Machine } from '../machine';
import { summary } from '../stats';
import type { EditorTrustBenchResult, RunSample } from './editorTrustBench';
import type { RequestStats } from './requestLog';

const BUSY_WAIT_S = 30;

type Summary = { median: number; min: number; max: number; samples: number[] };

const num = (n: number, digits = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : 'n/a';
const cell = (s: Summary, digits = 0): string =>
  s.samples.length === 0 ? 'n/a' : `${num(s.median, digits)} (${num(s.min, digits)}–${num(s.max, digits)})`;
const verdict = (ok: boolean): string => (ok ? '**met**' : '**not met**');
const range = (values: readonly number[]): string => {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? num(min) : `${num(min)}–${num(max)}`;
};

function machineLines(m: Machine, r: EditorTrustBenchResult): string[] {
  return [
    `- Machine: ${m.nproc} × ${m.cpu}, ${m.memGiB} GiB, ${m.os}; Node ${m.node}`,
    `- Load average (1 min) at start / end: ${m.loadAverage.start} / ${m.loadAverage.end} (shared machine: other work ran at the same time); benchmark nice value ${m.nice}`,
    `- Date: ${r.date}; commit ${r.commit}; server bundle dist/server.js sha256 ${r.serverBuild?.start.sha256 ?? 'n/a'} (built ${r.serverBuild?.start.mtime ?? 'n/a'}); ${r.runs} runs (median, with min–max)`,
  ];
}

function requestRow(
  label: string,
  samples: readonly RunSample[],
  pick: (s: RunSample) => RequestStats,
): string {
  const stats = samples.map(pick);
  return `| ${label} | ${range(stats.map((s) => s.notary))} | ${range(stats.map((s) => s.registry))} | ${range(
    stats.map((s) => s.maxTimestampRequestsPerGun),
  )} | ${range(stats.map((s) => s.maxConcurrentResolutionsPerGun))} | ${range(
    stats.map((s) => s.maxConcurrentRequestsPerGun),
  )} | ${range(stats.map((s) => s.maxManifestRequestsPerTag))} | ${range(stats.map((s) => s.errors))} | ${range(
    stats.map((s) => s.maxConcurrentRequests),
  )} | ${range(stats.map((s) => s.spanMs))} | ${range(stats.map((s) => s.labBusyMs))} |`;
}

export function editorTrustSection(r: EditorTrustBenchResult): string[] {
  const s = r.samples;
  const maxResolutions = Math.max(
    ...s.flatMap((x) =>
      [x.coldRequests, x.warmRequests, x.busyRequests].map((q) => q.maxConcurrentResolutionsPerGun),
    ),
  );
  const idle = r.typingIdleMs.median;
  const typingLimit = Math.max(idle * r.typingTolerance.ratio, idle + r.typingTolerance.absoluteMs);
  const busyStarted = s.filter((x) => x.lookupsStartedBeforeBusyEdit).length;
  const codes = s[0]?.codes ?? {};
  const completed = s.flatMap((x) => (x.busyCompleteMs === null ? [] : [x.busyCompleteMs]));
  const stuck = s.filter((x) => x.busyCompleteMs === null);
  const stuckCodes = Object.entries(stuck[0]?.lastPublishOfEdit.codes ?? {})
    .map(([c, n]) => `\`${c}\` × ${n}`)
    .join(', ');
  const stuckText =
    stuck.length === 0
      ? ''
      : `; in the other ${stuck.length} it never did within ${BUSY_WAIT_S} s: its last publish had a trust code on ${range(stuck.map((x) => x.lastPublishOfEdit.trustLines))} of ${r.images} image lines (codes: ${stuckCodes || 'none'})`;
  return [
    '## 3. Trust in the editor (bench/editorTrust)',
    '',
    ...machineLines(r.machine, r),
    `- Run alone: \`npm run build && npm run bench -- editor-trust\` (raw: \`bench/results/editor-trust.json\`). It starts a private lab in \`bench/.work/editor-lab\` (notary-server 0.7.0 with TLS, docker-registry over plain HTTP, on 127.0.0.1), pushes and signs ${r.repositories} repositories × ${r.tags.length} tags (${r.tags.join(', ')}) as \`docker trust sign\` does (alice → \`targets/releases\` + \`targets/alice\`), and stops it at the end.`,
    `- Workspace: an ImagePolicy enabling trust for \`<registry>/editor/*\` with \`trustServer\` = the lab notary; one file with ${r.images} images over the ${r.repositories} repositories in Deployments and Pods, opened in \`node dist/server.js --stdio\` with \`imageTrust.network: true\`, \`trust.caFiles\` for the notary host, the registry in \`trust.insecureHosts\`, \`trust.freshnessSeconds: ${r.freshnessSeconds}\`.`,
    '- Requests are counted at the lab side by two loopback proxies (a measuring instrument: the notary one terminates TLS with a leaf of its own CA, which is the CA the server is given; the registry one is plain HTTP). Image names and GUNs carry the proxy host.',
    "- Cold: a fresh server process (its trust cache is in memory, so empty), didOpen → the publish in which every image line has a `trust-*` diagnostic. Warm: in the same process, a didChange of a label (same images) → the same condition for the new version. Times are taken where the bytes arrive and include the server's 20 ms debounce.",
    '- Typing: didChange of a label → the first publish of that version; "during lookups" is sent in a fresh process once the first (syntax) publish is out and the lab has seen the first trust request; "lookups done" in the cold/warm process after the warm step; "network off" in a process with `imageTrust.network: false`.',
    '',
    '### Time to the last trust diagnostic (ms)',
    '',
    '| case | time | goal | result |',
    '|---|---|---|---|',
    `| cold: didOpen → all ${r.images} images have a trust code | ${cell(r.coldMs)} | ≤ ${num(r.goals.coldMs)} ms | ${verdict(r.coldMs.median <= r.goals.coldMs)} |`,
    `| cold: didOpen → first publish (syntax, schema, policy) | ${cell(r.firstPublishMs)} | — | — |`,
    `| warm: didChange → all ${r.images} images have a trust code | ${cell(r.warmMs, 1)} | ≤ ${num(r.goals.warmMs)} ms | ${verdict(r.warmMs.median <= r.goals.warmMs)} |`,
    `| warm: didChange → first publish | ${cell(r.warmFirstPublishMs, 1)} | — | — |`,
    `| server CPU, cold (didOpen → all trust codes) | ${cell(r.coldCpuMs)} | — | — |`,
    `| server CPU, warm (didChange → all trust codes) | ${cell(r.warmCpuMs)} | — | — |`,
    '',
    `Codes on the cold publish (first run): ${Object.entries(codes)
      .map(([code, n]) => `\`${code}\` × ${n}`)
      .join(', ')}.`,
    '',
    '### HTTP requests seen by the lab (range over the runs)',
    '',
    '"Resolutions in flight" = the most `root.json`/`timestamp.json` requests of one GUN open at the same instant (a resolution starts with one of them, notary-v1.md §4.2). "Requests in flight" counts every file of one GUN (the delegations are fetched in one parallel wave, so 2 is expected).',
    '',
    '| case | notary requests | registry requests | timestamp.json per GUN (max) | resolutions in flight per GUN (max) | requests in flight per GUN (max) | manifest requests per tag (max) | aborted / failed | requests in flight, all (max) | first → last request (ms) | lab busy (ms) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    requestRow('cold (didOpen, fresh process)', s, (x) => x.coldRequests),
    requestRow('warm (didChange, same process)', s, (x) => x.warmRequests),
    requestRow('cold with an edit during the lookups', s, (x) => x.busyRequests),
    '',
    `Goal ≤ ${r.goals.resolutionsInFlightPerRepository} resolution in flight per repository: max seen ${maxResolutions} — ${verdict(maxResolutions <= r.goals.resolutionsInFlightPerRepository)}.`,
    '',
    '### Typing latency: didChange of a label → first publish of that version (ms)',
    '',
    '| while | time | goal | result |',
    '|---|---|---|---|',
    `| cold lookups in flight | ${cell(r.typingBusyMs)} | ≤ ${num(typingLimit)} ms (lookups-done median × ${r.typingTolerance.ratio}, or + ${r.typingTolerance.absoluteMs} ms) | ${verdict(r.typingBusyMs.median <= typingLimit && busyStarted === s.length)} |`,
    `| lookups done (same process) | ${cell(r.typingIdleMs)} | — | — |`,
    `| network off | ${cell(r.typingOfflineMs)} | — | — |`,
    '',
    `Lookups had reached the lab before the edit in ${busyStarted} of ${s.length} runs (requests answered by then: ${range(s.map((x) => x.requestsBeforeBusyEdit))}; in flight at that instant: ${range(s.map((x) => x.inFlightAtBusyEdit))}); the edited version got every trust answer in ${completed.length} of ${s.length} runs${completed.length > 0 ? `, ${cell(summary(completed))} ms after didOpen` : ''}${stuckText}.`,
    '',
    `Lab set-up: ${Object.entries(r.setupMs)
      .map(([step, t]) => `${step} ${num(t)} ms`)
      .join('; ')}.`,
    ...(r.notes.length > 0 ? ['', ...r.notes.map((n) => `- ${n}`)] : []),
    ...analysis(),
  ];
}

/** The hand-written reading of the numbers (bench/editorTrust/notes.md), when there is one. */
function analysis(): string[] {
  const path = join(import.meta.dirname, 'notes.md');
  if (!existsSync(path)) return [];
  return ['', '### What the numbers say (bench/editorTrust/notes.md)', '', readFileSync(path, 'utf8').trim()];
}
