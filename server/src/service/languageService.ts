import type { Finding } from '../diagnostics/finding';
import { describeError } from '../errors';
import type { YamlFile } from '../yaml/yamlFile';
import { codeActionsFor } from './codeActions';
import { completeAt, type CompletionResult } from './completion';
import { hoverAt } from './hover';
import { syntaxFindings } from './syntaxFindings';
import type {
  CodeActionResult,
  DiagnosticRef,
  HoverResult,
  Position,
  Range,
  SchemaAssist,
  ValidationOptions,
  Validator,
  WorkspaceModel,
} from './types';

export interface LanguageServiceDeps {
  /** Domain validators, run after the YAML syntax check, in order. */
  readonly validators: readonly Validator[];
  readonly workspace: WorkspaceModel;
  readonly schema: SchemaAssist;
  /** Where a failing validator is reported; the other validators still run. */
  readonly log: (message: string) => void;
}

/**
 * The transport-agnostic language service (style-anchors principle 5): the LSP shell and the CLI both
 * drive it, and it knows nothing of either.
 */
export interface LanguageService {
  /** Every finding of a file: YAML syntax first, then each validator's, in document order. */
  validate(file: YamlFile, options: ValidationOptions): Promise<Finding[]>;
  hover(file: YamlFile, position: Position): HoverResult | undefined;
  complete(file: YamlFile, position: Position): CompletionResult;
  codeActions(file: YamlFile, range: Range, diagnostics: readonly DiagnosticRef[]): CodeActionResult[];
  /** Puts a file's policies into the workspace index; true when the policy set changed. */
  indexFile(file: YamlFile): boolean;
  /** Drops a file from the workspace index; true when the policy set changed. */
  forgetFile(uri: string): boolean;
}

export function createLanguageService(deps: LanguageServiceDeps): LanguageService {
  const runValidator = async (validator: Validator, file: YamlFile, options: ValidationOptions) => {
    try {
      return await validator.validate(file, options);
    } catch (error: unknown) {
      // A bug in one validator must not hide the others' findings nor kill the server.
      deps.log(`validator ${validator.name} failed on ${file.uri}: ${describeError(error)}`);
      return [];
    }
  };

  return {
    async validate(file, options) {
      if (file.skipped) return syntaxFindings(file);
      // Domain validators see only the documents that parsed cleanly: a half-typed document would
      // otherwise add schema and policy noise on top of its syntax error. The other documents are checked.
      const parsed = {
        ...file,
        documents: file.documents.filter((document) => document.errors.length === 0),
      };
      const results = await Promise.all(deps.validators.map((v) => runValidator(v, parsed, options)));
      return [...syntaxFindings(file), ...results.flat()].sort(byPosition);
    },
    hover: (file, position) => (file.skipped ? undefined : hoverAt(deps.schema, file, position)),
    complete: (file, position) => completeAt(deps.schema, file, position),
    // The range is not needed yet: the client already sends only the diagnostics that overlap it.
    codeActions: (_file, _range, diagnostics) => codeActionsFor(diagnostics),
    indexFile: (file) => deps.workspace.update(file),
    forgetFile: (uri) => deps.workspace.remove(uri),
  };
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
