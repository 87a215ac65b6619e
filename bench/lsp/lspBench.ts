/**
 * The foundation benchmark: our language server and yaml-language-server side by side in one run, on
 * the same generated files, driven by the same client. Sessions alternate between the servers so that
 * machine noise hits both alike.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commitOf, loadNow, machine } from '../machine';
import type { Machine } from '../machine';
import { summary } from '../stats';
import { debounceOfOurServer } from './debounce';
import { FIXTURE_SIZES, makeFixture } from './fixtures';
import type { ServerSpec } from './servers';
import { ourServer, yamlLanguageServer } from './servers';
import type { SessionResult } from './session';
import { runSession } from './session';

type Summary = ReturnType<typeof summary>;

export interface ServerSizeResult {
  readonly startupMs?: Summary;
  readonly startupCpuMs?: Summary;
  readonly openMs: Summary;
  readonly changeMs: Summary;
  readonly changeFirstPublishMs: Summary;
  /** Optional: results saved before the clock was read at arrival do not have them. */
  readonly openDecodeMs?: Summary;
  readonly changeDecodeMs?: Summary;
  readonly rssMB: Summary;
  readonly openCpuMs: Summary;
  readonly changeCpuMs: Summary;
  readonly openDiagnostics: number[];
  readonly changeDiagnostics: number[];
  readonly typoMessage: string;
  readonly errors: string[];
}

export interface LspBenchResult {
  readonly benchmark: 'lsp';
  readonly date: string;
  readonly commit: string;
  readonly machine: Machine;
  readonly peer: { readonly name: string; readonly version: string };
  readonly runs: number;
  readonly ourDebounce: { readonly ms: number | undefined; readonly source: string };
  readonly sizes: readonly {
    readonly name: string;
    readonly lines: number;
    readonly bytes: number;
    readonly servers: Readonly<Record<string, ServerSizeResult>>;
  }[];
  readonly notes: string[];
}

function collect(sessions: readonly SessionResult[], errors: string[]): ServerSizeResult {
  return {
    startupMs: summary(sessions.map((s) => s.startupMs)),
    startupCpuMs: summary(sessions.map((s) => s.startupCpuMs)),
    openMs: summary(sessions.map((s) => s.openMs)),
    changeMs: summary(sessions.map((s) => s.changeMs)),
    changeFirstPublishMs: summary(sessions.map((s) => s.changeFirstPublishMs)),
    openDecodeMs: summary(sessions.map((s) => s.openDecodeMs)),
    changeDecodeMs: summary(sessions.map((s) => s.changeDecodeMs)),
    // MB = 10^6 bytes (VmRSS is in KiB), as the goal is stated in MB.
    openCpuMs: summary(sessions.map((s) => s.openCpuMs)),
    changeCpuMs: summary(sessions.map((s) => s.changeCpuMs)),
    rssMB: summary(sessions.map((s) => (s.rssKiB * 1024) / 1e6)),
    openDiagnostics: sessions.map((s) => s.openDiagnostics),
    changeDiagnostics: sessions.map((s) => s.changeDiagnostics),
    typoMessage: sessions[0]?.typoMessage ?? '',
    errors,
  };
}

export async function runLspBench(
  repoRoot: string,
  runs: number,
  log: (line: string) => void,
): Promise<LspBenchResult> {
  const loadAtStart = loadNow();
  const workDir = join(repoRoot, 'bench/.work/lsp');
  // An empty workspace folder: our server indexes its folders at start-up (not part of "open").
  const workspaceDir = join(workDir, 'workspace');
  mkdirSync(workspaceDir, { recursive: true });
  // The project's dispatcher schema, exactly what the extension contributes through `yamlValidation`:
  // yaml-language-server combines every matching schema with `allOf`, so a mixed file needs it
  // (schemas/README.md). Policies are checked against our schemas, other documents are accepted.
  const dispatcherUri = pathToFileURL(join(repoRoot, 'schemas/portieris-policies.schema.json')).href;
  const notes: string[] = [];
  // An absolute glob: 2.0.0 did not match a bare `bench-*.yaml` or `**/*.yaml` against these URIs here.
  const servers: ServerSpec[] = [yamlLanguageServer(repoRoot, dispatcherUri, join(workDir, 'bench-*.yaml'))];
  if (existsSync(join(repoRoot, 'dist/server.js'))) servers.unshift(ourServer(repoRoot));
  else
    notes.push(
      'dist/server.js does not exist (run `npm run build`): only yaml-language-server was measured.',
    );
  const peerVersion = (
    JSON.parse(readFileSync(join(repoRoot, 'node_modules/yaml-language-server/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

  const sizes: LspBenchResult['sizes'][number][] = [];
  for (const size of FIXTURE_SIZES) {
    if (process.env.BENCH_SIZES !== undefined && !process.env.BENCH_SIZES.split(',').includes(size.name))
      continue;
    const fixture = makeFixture(size.name, size.blocks);
    const filePath = join(workDir, `bench-${size.name}.yaml`);
    writeFileSync(filePath, fixture.text);
    const sessions = new Map<string, SessionResult[]>(servers.map((s) => [s.id, []]));
    const errors = new Map<string, string[]>(servers.map((s) => [s.id, []]));
    for (let run = 0; run < runs; run++) {
      // Alternate who goes first, so neither always runs on a machine still busy with the other.
      const order = run % 2 === 0 ? servers : [...servers].reverse();
      for (const spec of order) {
        try {
          const result = await runSession(spec, fixture, filePath, workspaceDir);
          sessions.get(spec.id)?.push(result);
          log(
            `lsp ${size.name} run ${run + 1}/${runs} ${spec.id}: open ${result.openMs.toFixed(0)} ms, ` +
              `change ${result.changeMs.toFixed(0)} ms, rss ${(result.rssKiB / 1024).toFixed(0)} MiB`,
          );
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          errors.get(spec.id)?.push(message.slice(0, 1500));
          log(`lsp ${size.name} run ${run + 1}/${runs} ${spec.id}: FAILED ${message.slice(0, 300)}`);
        }
      }
    }
    const perServer: Record<string, ServerSizeResult> = {};
    for (const spec of servers)
      perServer[spec.id] = collect(sessions.get(spec.id) ?? [], errors.get(spec.id) ?? []);
    sizes.push({ name: size.name, lines: fixture.lines, bytes: fixture.bytes, servers: perServer });
  }
  return {
    benchmark: 'lsp',
    date: new Date().toISOString(),
    commit: commitOf(repoRoot),
    machine: machine(loadAtStart),
    peer: { name: 'yaml-language-server', version: peerVersion },
    runs,
    ourDebounce: debounceOfOurServer(repoRoot),
    sizes,
    notes,
  };
}
