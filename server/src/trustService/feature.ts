import type {
  CodeActionResult,
  DiagnosticRef,
  HoverResult,
  Position,
  ValidationOptions,
  Validator,
} from '../service/types';
import type { YamlFile } from '../yaml/yamlFile';
import { DEFAULT_TRUST_SETTINGS } from '../../../shared/trustSettings';
import type { TrustProgress, TrustRunOptions, TrustService } from './trustService';

/**
 * The trust checks as the language service drives them: a synchronous validator over known answers,
 * `check` to fetch (the shell re-validates when it resolves true), hover and quick fixes. Hover and
 * code-action requests carry no settings, so the last validation's options are remembered.
 */
export interface TrustFeature {
  readonly validator: Validator;
  check(
    file: YamlFile,
    options: ValidationOptions,
    signal: AbortSignal,
    startProgress?: (title: string) => Promise<TrustProgress>,
  ): Promise<boolean>;
  hover(file: YamlFile, position: Position): HoverResult | undefined;
  codeActions(file: YamlFile, diagnostics: readonly DiagnosticRef[]): CodeActionResult[];
  /** `imageTrust/refresh`: forget every answer. */
  refresh(): void;
  /** Keeps the signer Secrets of workspace files; true when they changed. */
  indexFile(file: YamlFile): boolean;
  forgetFile(uri: string): boolean;
  close(): Promise<void>;
}

export function runOptionsOf(options: ValidationOptions): TrustRunOptions {
  return {
    defaultNamespace: options.defaultNamespace,
    trust: options.trust ?? DEFAULT_TRUST_SETTINGS,
    workspaceTrusted: options.workspaceTrusted ?? true,
  };
}

export function createTrustFeature(service: TrustService): TrustFeature {
  let last: TrustRunOptions = runOptionsOf({ defaultNamespace: 'default' });
  const remember = (options: ValidationOptions): TrustRunOptions => (last = runOptionsOf(options));
  return {
    validator: { name: 'trust', validate: (file, options) => service.findings(file, remember(options)) },
    check: (file, options, signal, startProgress) =>
      service.check(file, remember(options), signal, startProgress),
    hover: (file, position) => service.hover(file, last, position),
    codeActions: (file, diagnostics) => service.codeActions(file, diagnostics, last),
    refresh: () => service.refresh(),
    indexFile: (file) => service.signers.update(file),
    forgetFile: (uri) => {
      service.forget(uri);
      return service.signers.remove(uri);
    },
    close: () => service.close(),
  };
}
