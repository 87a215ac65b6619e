import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warmUpDocumentSync } from '../../../server/src/lsp/warmUpDocumentSync';
import { warmUpSample } from '../../../server/src/service/warmUpSample';

test('when the server warms up document sync → it replays edits on the sample and on an empty text', () => {
  assert.doesNotThrow(() => warmUpDocumentSync(warmUpSample().slice(0, 20_000)));
  assert.doesNotThrow(() => warmUpDocumentSync(''));
});
