import { stat } from 'node:fs/promises';
import { pathToUri } from '../files/fileUri';
import { mapWithConcurrency } from '../files/mapWithConcurrency';
import { readYamlFile } from '../files/readYamlFile';
import { walkYamlFiles } from '../files/walkYamlFiles';
import type { LanguageService } from '../service/languageService';
import { DEFAULT_PARSE_LIMITS } from '../yaml/yamlFile';

/** Files read at once: enough to hide disk latency, few enough not to exhaust file handles. */
const READ_CONCURRENCY = 8;

export interface IndexOutcome {
  readonly indexedFiles: number;
  readonly skippedFiles: number;
  /** True when any file changed the policy set. */
  readonly policiesChanged: boolean;
}

/**
 * Reads workspace YAML files into the service's workspace index. `isOpen` files are skipped: the editor's
 * buffer, not the disk, is the truth for them and the shell indexes it on every change.
 */
export class WorkspaceIndexer {
  constructor(
    private readonly service: LanguageService,
    private readonly isOpen: (uri: string) => boolean,
    private readonly log: (message: string) => void,
  ) {}

  async indexFolders(folders: readonly string[]): Promise<IndexOutcome> {
    const paths = (await Promise.all(folders.map((folder) => walkYamlFiles(folder)))).flat();
    return this.indexPaths(paths);
  }

  async indexPaths(paths: readonly string[]): Promise<IndexOutcome> {
    const results = await mapWithConcurrency(paths, READ_CONCURRENCY, (path) => this.indexPath(path));
    return {
      indexedFiles: results.filter((r) => r !== 'skipped').length,
      skippedFiles: results.filter((r) => r === 'skipped').length,
      policiesChanged: results.includes('changed'),
    };
  }

  /** Drops a deleted file; true when the policy set changed. */
  forget(path: string): boolean {
    return this.service.forgetFile(pathToUri(path));
  }

  private async indexPath(path: string): Promise<'changed' | 'unchanged' | 'skipped'> {
    const uri = pathToUri(path);
    if (this.isOpen(uri)) return 'unchanged';
    try {
      // Over the cap the file is not read at all: it cannot hold a policy the editor could check.
      if ((await stat(path)).size > DEFAULT_PARSE_LIMITS.maxFileChars) return 'skipped';
      const file = await readYamlFile(path, uri);
      if (file.skipped) return 'skipped';
      return this.service.indexFile(file) ? 'changed' : 'unchanged';
    } catch (error: unknown) {
      // Removed between the walk and the read, or unreadable: forget what was known of it.
      this.log(`not indexed: ${path}: ${error instanceof Error ? error.message : String(error)}`);
      return this.service.forgetFile(uri) ? 'changed' : 'skipped';
    }
  }
}
