import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../../package.json';
import { startServer } from './lsp/startServer';
import { createDefaultLanguageService } from './service/defaultLanguageService';

/**
 * Entry point of `dist/server.js`. The transport comes from the command line, as vscode-languageserver
 * reads it: `--stdio` for any LSP editor, `--node-ipc` when VS Code starts it (TransportKind.ipc).
 */
const connection = createConnection(ProposedFeatures.all);
const service = createDefaultLanguageService({ log: (message) => connection.console.log(message) });
startServer(connection, { service, name: 'image-trust', version });
