import type { Finding } from '../diagnostics/finding';
import { describeError } from '../errors';
import type { TrustFeature } from '../trustService/feature';
import type { TrustProgress } from '../trustService/trustService';
import type { DocumentDigest, YamlFile } from '../yaml/yamlFile';
import { codeActionsFor } from './codeActions';
import { completeAt, type CompletionResult } from './completion';
import { DocumentFindingsCache } from './documentFindingsCache';
import { hoverAt } from './hover';
import { syntaxFindings } from './syntaxFindings';
import type {
  CodeActionResult,
  DiagnosticRef,
  DocumentValidator,
  HoverResult,
  Position,
  Range,
  SchemaAssist,
  ValidationOptions,
  Validator,
  ValidatorReads,
  WorkspaceModel,
} from './types';

export interface LanguageServiceDeps {
  /** Domain validators, run after the YAML syntax check, in order. */
  readonly validators: readonly Validator[];
  readonly workspace: WorkspaceModel;
  readonly schema: SchemaAssist;
  /** Where a failing validator is reported; the other validators still run. */
  readonly log: (message: string) => void;
  /** Trust lookups (server/src/trustService); its validator is among `validators`. */
  readonly trust?: TrustFeature;
  /** Reads the domain memos of one document that need its syntax tree (policies, images, Secrets). */
  readonly readDocument?: DocumentDigest;
}

/**
 * The transport-agnostic language service (style-anchors principle 5): the LSP shell and the CLI both
 * drive it, and it knows nothing of either.
 */
export interface LanguageService {
  /**
   * Every finding of a file: YAML syntax first, then each validator's, in document order. With `reads`
   * `file`, only the findings the file alone decides (`ValidatorReads`): what can be shown before the
   * workspace is indexed, and a subset of the full validation's.
   */
  validate(file: YamlFile, options: ValidationOptions, reads?: ValidatorReads): Promise<Finding[]>;
  hover(file: YamlFile, position: Position): HoverResult | undefined;
  complete(file: YamlFile, position: Position): CompletionResult;
  codeActions(file: YamlFile, range: Range, diagnostics: readonly DiagnosticRef[]): CodeActionResult[];
  /**
   * Reads, while a document's syntax tree is young, everything the checks will need from it: the domain
   * memos and the findings of the validators that depend on the document alone. The parse cache calls it
   * for each new document and then releases the tree (yaml/yamlFile.ts `DocumentDigest`).
   */
  digestDocument: DocumentDigest;
  /** Puts a file's policies into the workspace index; true when the policy set changed. */
  indexFile(file: YamlFile): boolean;
  /** Drops a file from the workspace index; true when the policy set changed. */
  forgetFile(uri: string): boolean;
  /**
   * Fetches the trust answers a file's images still need (validate only uses known ones). Resolves true
   * when new answers arrived, so the caller validates again; false when there was nothing to fetch or
   * `signal` aborted (the document changed).
   */
  checkTrust(
    file: YamlFile,
    options: ValidationOptions,
    signal: AbortSignal,
    startProgress?: (title: string) => Promise<TrustProgress>,
  ): Promise<boolean>;
  /** Forgets every cached trust answer (`imageTrust/refresh`). */
  refreshTrust(): void;
  /** Closes network connections (the CLI exits right away instead of waiting for idle sockets). */
  close(): Promise<void>;
}

export function createLanguageService(deps: LanguageServiceDeps): LanguageService {
  const documentFindings = new DocumentFindingsCache();
  const runValidator = async (validator: Validator, file: YamlFile, options: ValidationOptions) => {
    try {
      if ('validateDocument' in validator) {
        return file.documents.flatMap((doc) => documentFindings.findings(validator, file, doc, options));
      }
      return await validator.validate(file, options);
    } catch (error: unknown) {
      // A bug in one validator must not hide the others' findings nor kill the server.
      deps.log(`validator ${validator.name} failed on ${file.uri}: ${describeError(error)}`);
      return [];
    }
  };

  // Validators without a context key depend on the document alone (types.ts), so their findings can be
  // computed before any validation asks; the options they are given are never read.
  const documentOnlyValidators = deps.validators.filter(
    (v): v is DocumentValidator => 'validateDocument' in v && v.contextKey === undefined,
  );
  const digestDocument: DocumentDigest = (file, doc) => {
    deps.readDocument?.(file, doc);
    if (doc.errors.length > 0) return;
    for (const validator of documentOnlyValidators) {
      documentFindings.findings(validator, file, doc, DOCUMENT_ONLY_OPTIONS);
    }
  };

  return {
    digestDocument,
    async validate(file, options, reads = 'workspace') {
      if (file.skipped) return syntaxFindings(file);
      const validators =
        reads === 'workspace' ? deps.validators : deps.validators.filter((v) => v.reads === 'file');
      // Domain validators see only the documents that parsed cleanly: a half-typed document would
      // otherwise add schema and policy noise on top of its syntax error. The other documents are checked.
      const parsed = {
        ...file,
        documents: file.documents.filter((document) => document.errors.length === 0),
      };
      const results = await Promise.all(validators.map((v) => runValidator(v, parsed, options)));
      return [...syntaxFindings(file), ...results.flat()].sort(byPosition);
    },
    hover: (file, position) =>
      file.skipped ? undefined : (deps.trust?.hover(file, position) ?? hoverAt(deps.schema, file, position)),
    complete: (file, position) => completeAt(deps.schema, file, position),
    // The range is not needed yet: the client already sends only the diagnostics that overlap it.
    codeActions: (file, _range, diagnostics) => [
      ...codeActionsFor(diagnostics),
      ...(deps.trust?.codeActions(file, diagnostics) ?? []),
    ],
    indexFile: (file) => {
      const policies = deps.workspace.update(file);
      const signers = deps.trust?.indexFile(file) ?? false;
      return policies || signers;
    },
    forgetFile: (uri) => {
      const policies = deps.workspace.remove(uri);
      const signers = deps.trust?.forgetFile(uri) ?? false;
      return policies || signers;
    },
    checkTrust: async (file, options, signal, startProgress) =>
      file.skipped || !deps.trust ? false : deps.trust.check(file, options, signal, startProgress),
    refreshTrust: () => deps.trust?.refresh(),
    close: () => deps.trust?.close() ?? Promise.resolve(),
  };
}

/** Options for validators whose findings do not depend on them (`digestDocument`). */
const DOCUMENT_ONLY_OPTIONS: ValidationOptions = { defaultNamespace: 'default', workspaceTrusted: false };

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
