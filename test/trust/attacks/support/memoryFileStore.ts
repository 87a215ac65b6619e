import type { FileStore } from '../../../../server/src/trust/io';

/** An in-memory FileStore; `files` is exposed so tests can inspect and tamper with the cache. */
export class MemoryFileStore implements FileStore {
  readonly files = new Map<string, Uint8Array>();

  read(relativePath: string): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.files.get(relativePath));
  }

  write(relativePath: string, data: Uint8Array): Promise<void> {
    this.files.set(relativePath, Uint8Array.from(data));
    return Promise.resolve();
  }
}
