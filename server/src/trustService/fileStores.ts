import type { FileStore } from '../trust/io';

/** The editor's default trust cache: this session only, so nothing is written to disk. */
export class MemoryFileStore implements FileStore {
  private readonly files = new Map<string, Uint8Array>();

  read(relativePath: string): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.files.get(relativePath));
  }

  write(relativePath: string, data: Uint8Array): Promise<void> {
    this.files.set(relativePath, Uint8Array.from(data));
    return Promise.resolve();
  }
}
