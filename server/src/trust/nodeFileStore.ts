import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { TrustError } from './errors';
import type { FileStore } from './io';

/** Largest cache file read back, bytes: the biggest metadata the Notary client accepts (config.ts) fits. */
const MAX_READ_BYTES = 64 << 20; // 64 MiB

export interface NodeFileStoreOptions {
  /** Docker's trust dir is only ever read: writes then fail with CONFIGURATION. Default false. */
  readonly readOnly?: boolean;
}

/**
 * A FileStore over a folder on disk (the trust cache, or Docker's `~/.docker/trust` read-only).
 * Relative paths are checked segment by segment (no absolute paths, no empty, `.` or `..` segments, no
 * backslashes or NULs) and the resolved path must still lie inside the folder, so a hostile GUN or role
 * name can never read or write elsewhere (notary-v1.md §7.2). Writes go to a unique temp file that is
 * then renamed over the target, so a reader (or a crash) never sees half a file.
 */
export class NodeFileStore implements FileStore {
  readonly root: string;
  private readonly readOnly: boolean;

  constructor(root: string, options: NodeFileStoreOptions = {}) {
    this.root = resolve(root);
    this.readOnly = options.readOnly ?? false;
  }

  /** The absolute path for `relativePath`, or CONFIGURATION when it could leave the folder. */
  pathOf(relativePath: string): string {
    const segments = relativePath.split('/');
    const unsafe =
      relativePath === '' || segments.some((s) => s === '' || s === '.' || s === '..' || /[\\\0]/.test(s));
    const full = resolve(this.root, relativePath);
    if (unsafe || !full.startsWith(this.root + sep)) {
      throw new TrustError('CONFIGURATION', `cache path ${JSON.stringify(relativePath)} is not allowed`, {
        details: { path: relativePath.slice(0, 200) },
      });
    }
    return full;
  }

  async read(relativePath: string): Promise<Uint8Array | undefined> {
    const path = this.pathOf(relativePath);
    try {
      // Checked before reading, so a huge planted file is never loaded into memory.
      if ((await stat(path)).size > MAX_READ_BYTES) {
        throw new TrustError('OVERSIZE', `cache file ${relativePath} is larger than ${MAX_READ_BYTES} bytes`);
      }
      return await readFile(path);
    } catch (error: unknown) {
      if (isNodeError(error, 'ENOENT') || isNodeError(error, 'ENOTDIR')) return undefined;
      throw error;
    }
  }

  async write(relativePath: string, data: Uint8Array): Promise<void> {
    const path = this.pathOf(relativePath);
    if (this.readOnly) {
      throw new TrustError('CONFIGURATION', `${this.root} is read-only for image-trust`, {
        details: { path: relativePath.slice(0, 200) },
      });
    }
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    // Unique per write, so two writers in one process never share a temp file.
    const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, data, { mode: 0o600 });
      await rename(temp, path);
    } catch (error: unknown) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}

function isNodeError(error: unknown, code: string): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === code;
}
