import {
  DEFAULT_PARSE_LIMITS,
  parseYamlFile,
  type DocumentDigest,
  type ParseLimits,
  type YamlFile,
} from './yamlFile';

/**
 * Parses each (uri, version) once, re-using the previous version's unchanged documents (parseYamlFile).
 * The LSP shell and the workspace index share one instance, injected rather than imported as a singleton,
 * so tests get their own.
 *
 * Re-use moves the old version's syntax nodes in place, so only the newest version of a file is valid:
 * callers never keep a YamlFile across a `get` of a newer version of the same URI.
 */
export class ParseCache {
  private readonly files = new Map<string, YamlFile>();

  /** `digest` reads each newly parsed document before its tree is released (yamlFile.ts). */
  constructor(
    private readonly limits: ParseLimits = DEFAULT_PARSE_LIMITS,
    private readonly digest?: DocumentDigest,
  ) {}

  get(uri: string, version: number, text: string): YamlFile {
    const cached = this.files.get(uri);
    if (cached && cached.version === version && cached.text === text) return cached;
    const parsed = parseYamlFile(uri, version, text, this.limits, cached, this.digest);
    this.files.set(uri, parsed);
    return parsed;
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }
}
