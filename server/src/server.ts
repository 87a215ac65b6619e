import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../../package.json';
import { collectStartUpGarbage } from '../../shared/serverRuntime';
import { ForegroundWork } from './lsp/foregroundWork';
import { startServer } from './lsp/startServer';
import { warmUpDocumentSync } from './lsp/warmUpDocumentSync';
import { createDefaultLanguageService } from './service/defaultLanguageService';
import { warmUpLanguageService, warmUpParser } from './service/warmUp';
import { warmUpSample } from './service/warmUpSample';
import { createEditorCredentials } from './trustView/editorCredentials';

/**
 * Entry point of `dist/server.js`. The transport comes from the command line, as vscode-languageserver
 * reads it: `--stdio` for any LSP editor, `--node-ipc` when VS Code starts it (TransportKind.ipc).
 */
const connection = createConnection(ProposedFeatures.all);
// One credential store: a registry login from the Signed Tags view also serves the trust diagnostics.
const credentials = createEditorCredentials(process.env);
// Trust answers wait while a validation is pending or running: keystrokes first (lsp/foregroundWork.ts).
const foreground = new ForegroundWork();
const service = createDefaultLanguageService({
  log: (message) => connection.console.log(message),
  trust: {
    credentials,
    // node's own http/https, not undici: loading undici on the first lookup blocked the event loop for
    // ~30 ms just as the lookups start, and a keystroke then waited for it (bench/editorTrust/notes.md).
    transport: { responseGate: (signal) => foreground.idle(signal), httpStack: 'node' },
  },
});
startServer(connection, {
  service,
  name: 'image-trust',
  version,
  credentials,
  warmUp: async () => {
    // One sample for every step (service/warmUpSample.ts), built once.
    const sample = warmUpSample();
    await warmUpLanguageService(sample);
    // A part of the sample is enough: what gets optimised is the code, whatever the document's size.
    warmUpDocumentSync(sample.slice(0, 20_000));
    collectStartUpGarbage();
    warmUpParser(sample);
  },
  foreground,
});
