import type { Finding, Position, Range } from '../diagnostics/finding';
import type { PathStep } from '../yaml/navigate';
import type { YamlFile } from '../yaml/yamlFile';
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
export interface Validator {
  /** Shown in logs when the validator fails. */
  readonly name: string;
  validate(file: YamlFile, options: ValidationOptions): readonly Finding[] | Promise<readonly Finding[]>;
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
