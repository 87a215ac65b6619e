import { open } from 'node:fs/promises';
import { DEFAULT_PARSE_LIMITS, parseYamlFile, type ParseLimits, type YamlFile } from '../yaml/yamlFile';

/**
 * Reads and parses a YAML file from disk, reading at most one byte more than the size cap: a 50 MB file
 * is never loaded, yet `parseYamlFile` still sees "too large" and reports it in its own words.
 */
export async function readYamlFile(
  path: string,
  uri: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<YamlFile> {
  const handle = await open(path, 'r');
  try {
    const cap = limits.maxFileChars + 1;
    const buffer = Buffer.alloc(Math.min(cap, (await handle.stat()).size));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return parseYamlFile(uri, 0, buffer.subarray(0, filled).toString('utf8'), limits);
  } finally {
    await handle.close();
  }
}
