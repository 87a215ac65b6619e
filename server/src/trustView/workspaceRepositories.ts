import { stat } from 'node:fs/promises';
import { pathToUri } from '../files/fileUri';
import { mapWithConcurrency } from '../files/mapWithConcurrency';
import { readYamlFile } from '../files/readYamlFile';
import { walkYamlFiles } from '../files/walkYamlFiles';
import { DEFAULT_PARSE_LIMITS, type YamlFile } from '../yaml/yamlFile';
import type { WorkspaceRepository } from '../../../shared/trustView';
import { repositoryNames } from './repositoryNames';

const READ_CONCURRENCY = 8;

/**
 * The repositories named in the workspace's YAML files: open buffers as they are now, other files from
 * disk (over the size cap or unreadable: skipped). Reads files only, never the network.
 */
export async function workspaceRepositories(
  folders: readonly string[],
  openFiles: readonly YamlFile[],
): Promise<WorkspaceRepository[]> {
  const open = new Map(openFiles.map((file) => [file.uri, file]));
  const paths = (await Promise.all(folders.map((folder) => walkYamlFiles(folder)))).flat();
  const fromDisk = await mapWithConcurrency(paths, READ_CONCURRENCY, async (path) => {
    const uri = pathToUri(path);
    if (open.has(uri)) return undefined;
    try {
      if ((await stat(path)).size > DEFAULT_PARSE_LIMITS.maxFileChars) return undefined;
      return await readYamlFile(path, uri);
    } catch {
      return undefined; // removed while walking or unreadable: it names nothing
    }
  });
  const files = [...open.values(), ...fromDisk.filter((file): file is YamlFile => file !== undefined)];
  return repositoryNames(files);
}
