/**
 * The fast per-document YAML parser (server/src/yaml/fast) against yaml's parseAllDocuments on the LSP
 * bench fixtures (bench/lsp/fixtures.ts): median parse time and the heap the parsed result retains.
 * Run: npx tsx bench/yamlParse/yamlParseBench.ts
 */
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

function timeMedian(runs: number, fn: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
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

const rows: string[] = [];
for (const { name, blocks } of FIXTURE_SIZES) {
  const { text, lines } = makeFixture(name, blocks);
  const bails = parseFast(text).filter((d) => d === undefined).length;
  const runs = blocks >= 500 ? 7 : 15;
  // warm both paths up before measuring
  timeMedian(3, () => parseLibrary(text));
  timeMedian(3, () => parseFast(text));
  const libMs = timeMedian(runs, () => parseLibrary(text));
  const fastMs = timeMedian(runs, () => parseFast(text));
  const libMb = retainedMb(() => parseLibrary(text));
  const fastMb = retainedMb(() => parseFast(text));
  rows.push(
    `| ${name} | ${lines} | ${libMs.toFixed(1)} | ${fastMs.toFixed(1)} | ${(libMs / fastMs).toFixed(1)}× | ` +
      `${libMb.toFixed(1)} | ${fastMb.toFixed(1)} | ${bails} |`,
  );
}
console.log(
  '| fixture | lines | yaml ms (median) | fast ms (median) | speed-up | yaml retained MB | fast retained MB | fast bails |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(
  `node ${process.version}, heapUsed after gc: ${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MB`,
);
