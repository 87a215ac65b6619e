/**
 * A FileStore on disk for the benchmark's process runs: the warm run must find what the cold run cached,
 * as `notary list` finds its trust dir. Paths stay below the root (the client only writes its own names).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { FileStore } from '../../server/src/trust/io';
import { BenchError } from '../lsp/lspConnection';

export class DiskFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(relativePath: string): string {
    const path = resolve(this.root, relativePath);
    if (relative(this.root, path).startsWith('..')) {
      throw new BenchError('BENCH_SETUP', `cache path escapes the cache folder: ${relativePath}`);
    }
    return path;
  }

  async read(relativePath: string): Promise<Uint8Array | undefined> {
    try {
      return await readFile(this.pathOf(relativePath));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async write(relativePath: string, data: Uint8Array): Promise<void> {
    const path = this.pathOf(relativePath);
    await mkdir(dirname(path), { recursive: true });
    // Write-then-rename, so a crashed run never leaves half a file for the next one.
    const temporary = join(dirname(path), `.${process.pid}.tmp`);
    await writeFile(temporary, data);
    await rename(temporary, path);
  }
}
