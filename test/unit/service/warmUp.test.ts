import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warmUpLanguageService, warmUpParser } from '../../../server/src/service/warmUp';
import { warmUpSample } from '../../../server/src/service/warmUpSample';
import { documentChunkStarts } from '../../../server/src/yaml/documentChunks';
import { parseChunk } from '../../../server/src/yaml/fast/fastParseDocument';

test('when the server warms up → every document of the sample takes the fast parser (the path files take)', () => {
  const text = warmUpSample();
  const starts = documentChunkStarts(text);
  assert.ok(starts && starts.length >= 100);
  for (const [i, start] of starts.entries()) {
    assert.doesNotThrow(() => parseChunk(text, start, starts[i + 1] ?? text.length), `document ${i}`);
  }
});

test('when the server warms up → it checks the sample offline and finishes', async () => {
  await warmUpLanguageService();
});

test('when the server re-warms its parser after the start-up GC → the parse finishes without throwing', () => {
  assert.doesNotThrow(() => warmUpParser());
});
