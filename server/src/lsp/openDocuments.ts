import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { canonicalUri } from '../files/fileUri';
import type { LanguageService } from '../service/languageService';
import { ParseCache } from '../yaml/parseCache';
import { DEFAULT_PARSE_LIMITS, type YamlFile } from '../yaml/yamlFile';

/**
 * The documents the editor has open, parsed once per version. Files are keyed by their canonical URI (see
 * `canonicalUri`) so the workspace index sees one spelling; diagnostics go back under the client's URI.
 */
export class OpenDocuments {
  readonly documents = new TextDocuments(TextDocument);
  private readonly cache: ParseCache;
  /** Version of each open document last put into the workspace index. */
  private readonly indexedVersions = new Map<string, number>();

  constructor(private readonly service: LanguageService) {
    this.cache = new ParseCache(DEFAULT_PARSE_LIMITS, service.digestDocument);
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  isOpen(canonical: string): boolean {
    return this.documents.all().some((document) => canonicalUri(document.uri) === canonical);
  }

  file(document: TextDocument): YamlFile {
    return this.cache.get(canonicalUri(document.uri), document.version, document.getText());
  }

  /**
   * Puts the buffer's policies into the workspace index, once per version: re-checks triggered by a policy
   * change must not re-index (and so re-trigger) each other. True when the policy set changed.
   */
  index(document: TextDocument): boolean {
    if (this.indexedVersions.get(document.uri) === document.version) return false;
    this.indexedVersions.set(document.uri, document.version);
    return this.service.indexFile(this.file(document));
  }

  /**
   * Readies a document for its first incremental change, called in idle time once its check is published:
   * the first ranged `didChange` makes `TextDocument` index every line (vscode-languageserver-textdocument
   * `getLineOffsets`), which the keystroke would otherwise wait for. Later changes keep that index up to date.
   */
  prepareForEdits(uri: string): void {
    this.documents.get(uri)?.offsetAt({ line: 0, character: 0 });
  }

  forget(uri: string): void {
    this.cache.delete(canonicalUri(uri));
    this.indexedVersions.delete(uri);
  }
}
