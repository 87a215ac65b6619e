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
    // Typing (insert a character), a line break, and a deletion: the three shapes of a keystroke.
    const shapes = [
      { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' },
      { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '\n' },
      { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' },
    ];
    const change = shapes[i % shapes.length] ?? shapes[0];
    if (change) document = TextDocument.update(document, [change], i + 1);
    document.positionAt(document.offsetAt({ line, character: 0 }));
  }
}
