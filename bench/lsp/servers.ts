/**
 * The two language servers under test and what each needs from the client. yaml-language-server pulls
 * `yaml`, `http`, `[yaml]`, `editor`, `files` with `workspace/configuration` (peers.md §2.1) and by default
 * downloads the SchemaStore and CRD catalogs; both are switched off here so nothing leaves the machine
 * (peers.md §2.2). Our schemas are associated through the dispatcher schema in `schemas/`.
 */
import { join } from 'node:path';
import { serverNodeOptions } from '../../shared/serverRuntime';

export interface ServerSpec {
  readonly id: 'ours' | 'yaml-language-server';
  readonly command: string;
  readonly args: readonly string[];
  /** The value for one `workspace/configuration` item; `undefined` answers null. */
  readonly configuration: (section: string | undefined) => unknown;
  /** Sections the server must have pulled before a document is opened (its settings are applied then). */
  readonly settledAfterSections: readonly string[];
  /** A notification the server sends when its start-up work is done; the document is opened after it. */
  readonly settledAfterNotification?: string;
}

export function yamlLanguageServer(repoRoot: string, schemaUri: string, fileGlob: string): ServerSpec {
  const yaml = {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemas: { [schemaUri]: [fileGlob] },
    schemaStore: { enable: false, url: '' },
    kubernetesCRDStore: { enable: false },
    disableSchemaDetection: false,
    customTags: [],
    maxItemsComputed: 5000,
    yamlVersion: '1.2',
    keyOrdering: false,
  };
  const sections: Record<string, unknown> = {
    yaml,
    http: { proxy: '', proxyStrictSSL: false },
    '[yaml]': {},
    editor: { tabSize: 2, insertSpaces: true },
    files: { associations: {} },
  };
  return {
    id: 'yaml-language-server',
    command: process.execPath,
    args: [join(repoRoot, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
    configuration: (section) => (section === undefined ? undefined : sections[section]),
    settledAfterSections: ['yaml'],
  };
}

/**
 * Our server as the extension starts it (its Node options, shared/serverRuntime.ts), with its defaults
 * except `imageTrust.network: false`: it is told nothing about the files, it
 * recognises the kinds itself. After `initialized` it pulls `imageTrust` and indexes the workspace
 * folders, then sends `imageTrust/workspaceIndexed` (server/src/lsp/startServer.ts); opening before that
 * would time the indexing too, so the session waits for it.
 */
export function ourServer(repoRoot: string): ServerSpec {
  return {
    id: 'ours',
    command: process.execPath,
    args: [...serverNodeOptions(), join(repoRoot, 'dist/server.js'), '--stdio'],
    // `network: false`: no trust lookups (no network in the benchmark; the peer does none either). Every
    // other setting keeps its default (shared/settings.ts, shared/trustSettings.ts).
    configuration: (section) => (section === 'imageTrust' ? { network: false } : undefined),
    settledAfterSections: [],
    settledAfterNotification: 'imageTrust/workspaceIndexed',
  };
}
