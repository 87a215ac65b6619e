import { DEFAULT_PARSE_LIMITS, parseYamlFile, type ParseLimits, type YamlFile } from './yamlFile';

/**
 * Parses each (uri, version) once. The LSP shell and the workspace index share one instance, injected
 * rather than imported as a singleton, so tests get their own.
 */
export class ParseCache {
  private readonly files = new Map<string, YamlFile>();

  constructor(private readonly limits: ParseLimits = DEFAULT_PARSE_LIMITS) {}

  get(uri: string, version: number, text: string): YamlFile {
    const cached = this.files.get(uri);
    if (cached && cached.version === version && cached.text === text) return cached;
    // Forget the old version first: its syntax tree can be collected while the new one is built.
    this.files.delete(uri);
    const parsed = parseYamlFile(uri, version, text, this.limits);
    this.files.set(uri, parsed);
    return parsed;
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }
}
