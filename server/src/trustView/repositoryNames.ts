import { findWorkloadImages, parseImageReference } from '../kube';
import { readPolicies } from '../policy';
import type { YamlFile } from '../yaml/yamlFile';
import type { RepositorySource, WorkspaceRepository } from '../../../shared/trustView';

/**
 * The repositories a set of YAML files names: every parsable workload image (as its GUN, Portieris'
 * `NameWithoutTag()`, portieris.md §3.3) and every policy entry without a wildcard. Sorted by name.
 */
export function repositoryNames(files: Iterable<YamlFile>): WorkspaceRepository[] {
  const found = new Map<string, Set<RepositorySource>>();
  const add = (written: string, source: RepositorySource): void => {
    if (written.includes('*')) return; // a pattern, not a repository one could look up
    const parsed = parseImageReference(written);
    if (!parsed.ok) return;
    const sources = found.get(parsed.ref.name) ?? new Set<RepositorySource>();
    sources.add(source);
    found.set(parsed.ref.name, sources);
  };
  for (const file of files) {
    if (file.skipped) continue;
    for (const doc of file.documents) for (const image of findWorkloadImages(doc)) add(image.image, 'image');
    for (const policy of readPolicies(file))
      for (const entry of policy.repositories) if (entry.hasName) add(entry.name, 'policy');
  }
  return [...found]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, sources]) => ({ name, sources: [...sources].sort() }));
}
