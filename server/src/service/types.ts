import type { Finding, Position, Range } from '../diagnostics/finding';
import type { PathStep } from '../yaml/navigate';
import type { YamlDocument, YamlFile } from '../yaml/yamlFile';
import type { TrustSettings } from '../../../shared/trustSettings';

/** Per-run options of a validation; they come from settings or CLI flags. */
export interface ValidationOptions {
  /** Namespace of workloads that do not name one (portieris.md §2.1). */
  readonly defaultNamespace: string;
  /** Trust lookups (servers, CAs, freshness, pin style, …); defaults when absent. */
  readonly trust?: TrustSettings;
  /** False in an untrusted workspace: nothing is fetched; absent means trusted. */
  readonly workspaceTrusted?: boolean;
}

/**
 * One source of findings (yaml-language-server's `AdditionalValidator`, style-anchors principle 6).
 * It may be async: trust checks will fetch metadata.
 */
export type Validator = FileValidator | DocumentValidator;

/**
 * What a validator's findings depend on besides the file. `file`: nothing else (syntax, schema, image
 * references), so the shell can publish them before the workspace is indexed. `workspace`: the policy
 * index, Secrets, settings or trust answers. Absent means `workspace`: a validator that does not say is
 * never run early, where it could report what the workspace would contradict.
 */
export type ValidatorReads = 'file' | 'workspace';

export interface FileValidator {
  /** Shown in logs when the validator fails. */
  readonly name: string;
  readonly reads?: ValidatorReads;
  validate(file: YamlFile, options: ValidationOptions): readonly Finding[] | Promise<readonly Finding[]>;
}

/**
 * A validator whose findings for a document depend only on that document and on `contextKey`: the
 * language service keeps them while the document's text and the key are unchanged, and only moves them
 * when an edit above shifts the document (documentFindingsCache.ts). Their `data` must hold no file
 * positions, except ones that change with `contextKey`.
 */
export interface DocumentValidator {
  readonly name: string;
  readonly reads?: ValidatorReads;
  validateDocument(file: YamlFile, document: YamlDocument, options: ValidationOptions): readonly Finding[];
  /**
   * What else the document's findings depend on, e.g. which policy sets its images resolve against;
   * absent: nothing. Cheap to compute: it is asked for every document on every validation.
   */
  contextKey?(options: ValidationOptions, file: YamlFile, document: YamlDocument): string;
}

/**
 * The workspace state validators read (the policy index). `update` and `remove` answer whether the
 * policies changed, so the shell knows when to re-check the other open documents.
 */
export interface WorkspaceModel {
  update(file: YamlFile): boolean;
  remove(uri: string): boolean;
}

/** Schema-driven help for one object kind, answered by `server/src/schema`. */
export interface SchemaAssist {
  describe(apiVersion: string, kind: string, path: readonly PathStep[]): string | undefined;
  complete(
    apiVersion: string,
    kind: string,
    path: readonly PathStep[],
    existingKeys: readonly string[],
  ): readonly CompletionEntry[];
}

export interface HoverResult {
  readonly markdown: string;
  readonly range?: Range;
}

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'property' | 'value';
  /** Text inserted instead of the label, e.g. `repositories:`; plain text, never a snippet. */
  readonly insertText?: string;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
}

/** What the service is told about a diagnostic the client sent back with a code-action request. */
export interface DiagnosticRef {
  readonly code: string | number | undefined;
  readonly source: string | undefined;
  readonly range: Range;
  /** The diagnostic's `data` exactly as the client returned it: untrusted, checked by guards. */
  readonly data: unknown;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface FileEdit {
  readonly uri: string;
  readonly edits: readonly TextEdit[];
}

export interface CodeActionResult {
  readonly title: string;
  readonly kind: 'quickfix';
  /** Indexes into the `diagnostics` passed in, i.e. the diagnostics this action fixes. */
  readonly fixes: readonly number[];
  readonly edits: readonly FileEdit[];
  readonly isPreferred?: boolean;
}

export type { Finding, Position, Range };
