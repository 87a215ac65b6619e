/**
 * `npm run bench [-- lsp|trust|editor-trust|report]`: runs the benchmarks (both by default; `report` runs none), stores the raw results under
 * bench/results/ (`<name>.json` = latest, plus a dated copy) and rewrites BENCHMARKS.md from the latest
 * result of each benchmark, so running one keeps the other's table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runEditorTrustBench } from './editorTrust/editorTrustBench';
import { runLspBench } from './lsp/lspBench';
import { writeReport } from './report';
import { runTrustBench } from './trust/trustBench';

const repoRoot = resolve(import.meta.dirname, '..');
const resultsDir = join(repoRoot, 'bench/results');

function log(line: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function save(name: string, result: { date: string }): void {
  mkdirSync(resultsDir, { recursive: true });
  const text = JSON.stringify(result, null, 2) + '\n';
  writeFileSync(join(resultsDir, `${name}.json`), text);
  writeFileSync(join(resultsDir, `${name}-${result.date.replace(/[:.]/g, '-')}.json`), text);
}

async function main(): Promise<void> {
  const which = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const all = which.length === 0;
  // `report` alone matches neither name below, so only BENCHMARKS.md is rebuilt from the saved results.
  const runs = Number(process.env.BENCH_RUNS ?? '5');
  if (all || which.includes('lsp')) save('lsp', await runLspBench(repoRoot, runs, log));
  if (all || which.includes('trust')) save('trust', await runTrustBench(repoRoot, runs, log));
  if (all || which.includes('editor-trust'))
    save('editor-trust', await runEditorTrustBench(repoRoot, runs, log));
  writeReport(repoRoot, resultsDir);
  log('BENCHMARKS.md rewritten');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
