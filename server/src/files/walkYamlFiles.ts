import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Folders never searched: dependencies and VCS data hold no manifests of the project. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

export function isYamlFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

export interface WalkOptions {
  /** Stops the walk after this many files, so a huge folder cannot stall indexing. */
  readonly maxFiles: number;
}

export const DEFAULT_WALK_OPTIONS: WalkOptions = { maxFiles: 20_000 };

/**
 * Every `*.yaml` / `*.yml` file below `root`, sorted per folder so output is stable. Symbolic links are
 * not followed (they could loop); unreadable folders are skipped.
 */
export async function walkYamlFiles(
  root: string,
  options: WalkOptions = DEFAULT_WALK_OPTIONS,
): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0 && found.length < options.maxFiles) {
    const folder = pending.shift() as string;
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      continue; // permission denied or removed while walking: nothing to index there.
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      else if (entry.isFile() && isYamlFileName(entry.name) && found.length < options.maxFiles)
        found.push(path);
    }
  }
  return found;
}
