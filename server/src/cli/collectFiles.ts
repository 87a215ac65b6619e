import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { walkYamlFiles } from '../files/walkYamlFiles';
import { UsageError } from './usageError';

/**
 * The files a `check` covers: each PATH that is a file (whatever its extension: the user named it), and
 * every `*.yaml` / `*.yml` below each PATH that is a folder. Absolute, deduplicated, in argument order.
 */
export async function collectFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let isFolder: boolean;
    try {
      isFolder = (await stat(absolute)).isDirectory();
    } catch (error: unknown) {
      throw new UsageError('USAGE_PATH_NOT_FOUND', `no such file or folder: ${path}`, { cause: error });
    }
    found.push(...(isFolder ? await walkYamlFiles(absolute) : [absolute]));
  }
  return [...new Set(found)];
}
