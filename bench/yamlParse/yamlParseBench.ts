/**
 * The fast per-document YAML parser (server/src/yaml/fast) against yaml's parseAllDocuments on the LSP
 * bench fixtures (bench/lsp/fixtures.ts): median parse time and the heap the parsed result retains.
 * Run: npx tsx bench/yamlParse/yamlParseBench.ts
 */
import { execFileSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseAllDocuments } from 'yaml';
import { FIXTURE_SIZES, makeFixture } from '../lsp/fixtures';
import { fastParseDocument, type FastDocument } from '../../server/src/yaml/fast/fastParseDocument';
import { median } from '../stats';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Chunk starts: the start of the text and every line matching /^---(\s|$)/, as the LSP splitter cuts. */
function chunkBounds(text: string): [number, number][] {
  const starts = [0];
  const re = /^---(?:[ \n]|$)/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) if (m.index > 0) starts.push(m.index);
  return starts.map((s, i) => [s, starts[i + 1] ?? text.length]);
}

function parseLibrary(text: string): unknown {
  return parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true });
}

function parseFast(text: string): (FastDocument | undefined)[] {
  const out: (FastDocument | undefined)[] = [];
  for (const [start, end] of chunkBounds(text)) out.push(fastParseDocument(text, start, end));
  return out;
}

/**
 * Median wall-clock and minimum CPU (user + system) milliseconds over `runs` calls, from a collected heap
 * so that one parser does not pay for the other's garbage. The minimum CPU time is the steadier number
 * on a machine shared with other work.
 */
function timeRuns(runs: number, fn: () => unknown): { wall: number; cpu: number } {
  const wall: number[] = [];
  let cpu = Infinity;
  gc();
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu };
}

/** Heap still used by `fn`'s result after a full GC, in MB. */
function retainedMb(fn: () => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = fn();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (kept === undefined) throw new Error('nothing parsed');
  return (after - before) / (1024 * 1024);
}

/**
 * Peak and final RSS of a fresh process that builds the fixture, parses it once with one parser and keeps
 * the result: what a language server holding the parse would use. maxRSS comes from getrusage(2).
 */
function childMemory(
  parser: 'yaml' | 'fast',
  blocks: number,
): { ms: number; rssMb: number; maxRssMb: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', __filename, 'child', parser, String(blocks)],
    {
      encoding: 'utf8',
    },
  );
  const parsed: unknown = JSON.parse(out);
  if (typeof parsed !== 'object' || parsed === null || !('rssMb' in parsed) || !('maxRssMb' in parsed)) {
    throw new Error(`bad child output: ${out}`);
  }
  const ms = 'ms' in parsed ? Number(parsed.ms) : NaN;
  return { ms, rssMb: Number(parsed.rssMb), maxRssMb: Number(parsed.maxRssMb) };
}

function runChild(parser: string, blocks: number): void {
  const { text } = makeFixture('child', blocks);
  const t0 = performance.now();
  const kept = parser === 'yaml' ? parseLibrary(text) : parseFast(text);
  const ms = performance.now() - t0;
  gc();
  const rssMb = process.memoryUsage().rss / 1048576;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, rssMb, maxRssMb, kept: kept !== undefined }));
}

function runBench(): void {
  const rows: string[] = [];
  for (const { name, blocks } of FIXTURE_SIZES) {
    const { text, lines } = makeFixture(name, blocks);
    const bails = parseFast(text).filter((d) => d === undefined).length;
    const runs = blocks >= 500 ? 9 : 21;
    // warm both paths up before measuring
    timeRuns(3, () => parseLibrary(text));
    timeRuns(3, () => parseFast(text));
    const lib = timeRuns(runs, () => parseLibrary(text));
    const fast = timeRuns(runs, () => parseFast(text));
    const libMb = retainedMb(() => parseLibrary(text));
    const fastMb = retainedMb(() => parseFast(text));
    const libRss = childMemory('yaml', blocks);
    const fastRss = childMemory('fast', blocks);
    const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}×`;
    rows.push(
      `| ${name} | ${lines} | ${lib.wall.toFixed(1)} / ${fast.wall.toFixed(1)} (${ratio(lib.wall, fast.wall)}) | ` +
        `${lib.cpu.toFixed(1)} / ${fast.cpu.toFixed(1)} (${ratio(lib.cpu, fast.cpu)}) | ` +
        `${libRss.ms.toFixed(0)} / ${fastRss.ms.toFixed(0)} (${ratio(libRss.ms, fastRss.ms)}) | ` +
        `${libMb.toFixed(1)} / ${fastMb.toFixed(1)} | ${libRss.maxRssMb.toFixed(0)} / ${fastRss.maxRssMb.toFixed(0)} | ` +
        `${bails} |`,
    );
  }
  console.log(
    '| fixture | lines | median wall ms yaml / fast | min CPU ms yaml / fast | first parse in a fresh process ms | ' +
      'retained heap MB yaml / fast | peak RSS MB yaml / fast | fast bails |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(
    `node ${process.version}; "yaml" = parseAllDocuments on the whole text, "fast" = fastParseDocument per chunk`,
  );
}

if (process.argv[2] === 'child') runChild(process.argv[3] ?? 'fast', Number(process.argv[4] ?? 10));
else runBench();
