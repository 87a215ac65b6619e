import { DEFAULT_TRUST_SETTINGS } from '../../../shared/trustSettings';
import { keepShapesAlive } from '../liveShapes';
import { ParseCache } from '../yaml/parseCache';
import { DEFAULT_PARSE_LIMITS, parseYamlFile } from '../yaml/yamlFile';
import { createDefaultLanguageService } from './defaultLanguageService';
import { warmUpSample } from './warmUpSample';

/**
 * Runs the parser and every validator over a built-in sample once, on a throwaway service, while the
 * server starts. V8 compiles functions lazily and optimises them only once they are hot, so without this
 * the first file a user opens pays for compiling the whole pipeline (several times the cost of checking
 * it warm). Nothing is fetched: the sample is checked offline and as an untrusted workspace.
 */
export async function warmUpLanguageService(sample: string = warmUpSample()): Promise<void> {
  const service = createDefaultLanguageService({ log: () => undefined });
  const cache = new ParseCache(DEFAULT_PARSE_LIMITS, service.digestDocument);
  const uri = 'untitled:image-trust-warm-up.yaml';
  const options = {
    defaultNamespace: 'default',
    trust: { ...DEFAULT_TRUST_SETTINGS, network: false },
    workspaceTrusted: false,
  };
  // The open, then typing: a key changed in place and a line inserted (the incremental paths).
  const versions = [sample];
  for (let i = 0; i < EDITS; i++) {
    const at = sample.indexOf(`name: warm-${i * 3}\n`);
    const edits = [
      () => sample.replace(`name: warm-${i * 3}\n`, `name: warm-${i * 3}x\n`),
      () => `${sample.slice(0, at)}# typing\n    ${sample.slice(at)}`,
      // A misspelt key: the schema error path (suggestions) and a policy change.
      () => `${sample.slice(0, at)}${sample.slice(at).replace('trustServer:', 'trustserver:')}`,
    ];
    versions.push((edits[i % edits.length] ?? edits[0])());
  }
  for (const [version, text] of versions.entries()) {
    const file = cache.get(uri, version, text);
    service.indexFile(file);
    await service.validate(file, options);
  }
  // Last, one copy of each template: the throwaway service then holds one object of every shape it built,
  // and is kept, so a full GC does not de-optimise the code just warmed (liveShapes.ts). The parse cache
  // releases syntax trees once read (yaml/parsedChunk.ts), so one parse of that copy is kept as well, for
  // the node shapes.
  const small = cache.get(uri, versions.length, warmUpSample(1));
  service.indexFile(small);
  await service.validate(small, options);
  await service.close();
  keepShapesAlive({ service, cache, trees: parseYamlFile(uri, 0, warmUpSample(1)) });
}

/** Edits replayed after the open; each re-checks the whole sample incrementally. */
const EDITS = 6;

/**
 * Parses the sample once more, on a throwaway cache. The server calls it after the start-up GC
 * (server.ts): during the warm-up V8 de-optimises parser functions each time they meet a shape they had
 * not seen (`--trace-deopt`: "code dependencies"), and those de-optimised last (plainScalar, tryParseKey,
 * parseBlockMap, …) are not optimised again before it ends. Their first file then ran in unoptimised code.
 * Measured (bench/notes.md): in-process parse of the 8,400-line file 36.5 → 10.5 ms; over LSP its open
 * 179 → 147 ms median (14 sessions each, interleaved), for about 15 ms more start-up.
 */
export function warmUpParser(sample: string = warmUpSample()): void {
  new ParseCache().get('untitled:image-trust-warm-up-parse.yaml', 1, sample);
}
