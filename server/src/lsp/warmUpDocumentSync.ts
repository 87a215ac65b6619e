import { TextDocument } from 'vscode-languageserver-textdocument';

/** Edits replayed at start-up: enough for V8 to optimise the update path of `TextDocument`. */
const EDITS = 60;

/**
 * Applies incremental changes to a throwaway document the way `TextDocuments` applies `didChange`
 * (`TextDocument.update`), while the server starts: the service warm-up (service/warmUp.ts) never goes
 * through document sync, so the first keystroke a user types would otherwise run it cold.
 */
export function warmUpDocumentSync(text: string): void {
  let document = TextDocument.create('untitled:image-trust-warm-up.yaml', 'yaml', 0, text);
  const lines = document.lineCount;
  for (let i = 0; i < EDITS; i++) {
    const line = (i * 37) % lines;
    // In turn the three shapes of a keystroke: a character typed, a line break, a character deleted.
    const shape = i % 3;
    const start = { line, character: 0 };
    const end = { line, character: shape === 2 ? 1 : 0 };
    const text = shape === 0 ? 'x' : shape === 1 ? '\n' : '';
    document = TextDocument.update(document, [{ range: { start, end }, text }], i + 1);
    document.positionAt(document.offsetAt(start));
  }
}
