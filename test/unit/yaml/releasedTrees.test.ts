import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeFixture } from '../../../bench/lsp/fixtures';
import { createDefaultLanguageService } from '../../../server/src/service/defaultLanguageService';
import { ParseCache } from '../../../server/src/yaml/parseCache';
import { rebuilds } from '../../../server/src/yaml/parsedChunk';
import { DEFAULT_PARSE_LIMITS, parseYamlFile, type YamlDocument } from '../../../server/src/yaml/yamlFile';
import { fileSnapshot } from './yamlSnapshot';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - image: nginx:1.26\n';
// An anchor and an alias leave the fast path: the yaml library parses this document.
const ALIASED = 'a: &x 1\nb: *x\n';

test('when a released tree is read → it is rebuilt equal to the first parse, at the chunk’s offsets', () => {
  const text = `${POD}---\n${POD}`;
  const held = parseYamlFile('file:///a.yaml', 1, text);
  const released = parseYamlFile('file:///a.yaml', 1, text);
  for (const chunk of released.chunks) chunk.releaseTrees();
  assert.ok(released.chunks.every((chunk) => !chunk.holdsTrees));
  const before = rebuilds.count;
  assert.deepEqual(fileSnapshot(released), fileSnapshot(held));
  assert.equal(rebuilds.count - before, 2);
  // Rebuilt once, then held: reading again builds nothing.
  assert.ok(released.chunks.every((chunk) => chunk.holdsTrees));
  assert.equal(released.documents[1]?.root, released.documents[1]?.root);
  assert.equal(rebuilds.count - before, 2);
});

test('when a chunk moves while released → its rebuilt tree has the new offsets', () => {
  const cache = new ParseCache();
  const first = cache.get('file:///b.yaml', 1, `${POD}---\n${POD}`);
  for (const chunk of first.chunks) chunk.releaseTrees();
  // An edit in the first document moves the second one's chunk, which is re-used without its tree.
  const edited = `# a comment\n${POD}---\n${POD}`;
  const moved = cache.get('file:///b.yaml', 2, edited);
  assert.equal(moved.chunks[1], first.chunks[1]);
  assert.equal(moved.chunks[1]?.holdsTrees, false);
  assert.deepEqual(fileSnapshot(moved), fileSnapshot(parseYamlFile('file:///b.yaml', 2, edited)));
});

test('when the yaml library parsed a chunk → its tree is never released (aliases resolve against it)', () => {
  const file = parseYamlFile('file:///c.yaml', 1, ALIASED);
  const chunk = file.chunks[0];
  assert.ok(chunk && !chunk.rebuildable);
  chunk.releaseTrees();
  assert.ok(chunk.holdsTrees);
});

test('when a digest is given → each new document is digested once, in order, then its tree released', () => {
  const seen: string[] = [];
  const digest = (file: { uri: string }, doc: YamlDocument): void => {
    seen.push(`${file.uri}#${doc.index}`);
    assert.ok(doc.chunk.holdsTrees, 'the digest reads a held tree');
    assert.ok(doc.root, 'the digest sees the root');
  };
  const cache = new ParseCache(DEFAULT_PARSE_LIMITS, digest);
  const file = cache.get('file:///d.yaml', 1, `${POD}---\n${POD}---\n${ALIASED}`);
  assert.deepEqual(seen, ['file:///d.yaml#0', 'file:///d.yaml#1']);
  assert.deepEqual(
    file.chunks.map((chunk) => chunk.holdsTrees),
    [false, false, true],
  );
  // An edit to the second document digests it alone; the others are re-used as they are.
  seen.length = 0;
  cache.get('file:///d.yaml', 2, `${POD}---\n${POD.replace('web', 'api')}---\n${ALIASED}`);
  assert.deepEqual(seen, ['file:///d.yaml#1']);
  // A document inserted at the top changes the index of every re-used one below, which memos name.
  seen.length = 0;
  const shifted = cache.get(
    'file:///d.yaml',
    3,
    `a: 1\n---\n${POD}---\n${POD.replace('web', 'api')}---\n${ALIASED}`,
  );
  assert.deepEqual(seen, ['file:///d.yaml#0', 'file:///d.yaml#1', 'file:///d.yaml#2']);
  assert.deepEqual(
    shifted.chunks.map((chunk) => chunk.holdsTrees),
    [false, false, false, true],
  );
});

test('when a digest throws → the file still parses, and the tree is rebuilt for whoever reads it', () => {
  const cache = new ParseCache(DEFAULT_PARSE_LIMITS, () => {
    throw new Error('digest bug');
  });
  const file = cache.get('file:///e.yaml', 1, POD);
  assert.deepEqual(fileSnapshot(file), fileSnapshot(parseYamlFile('file:///e.yaml', 1, POD)));
});

test('when a large file is opened with the service digest → checks rebuild no tree, and find what a held parse finds', async () => {
  const text = makeFixture('medium', 40).text;
  const options = { defaultNamespace: 'default' };
  const digested = createDefaultLanguageService({ log: (message) => assert.fail(message) });
  const cache = new ParseCache(DEFAULT_PARSE_LIMITS, digested.digestDocument);
  const before = rebuilds.count;
  const file = cache.get('file:///work/large.yaml', 1, text);
  assert.ok(
    file.chunks.every((chunk) => !chunk.holdsTrees),
    'every fast-parsed tree released',
  );
  digested.indexFile(file);
  const got = await digested.validate(file, options);
  assert.equal(rebuilds.count - before, 0, 'no tree rebuilt by indexing and validation');

  const held = createDefaultLanguageService({ log: (message) => assert.fail(message) });
  const heldFile = parseYamlFile('file:///work/large.yaml', 1, text);
  held.indexFile(heldFile);
  const want = await held.validate(heldFile, options);
  assert.ok(want.length > 100);
  assert.deepEqual(got, want);

  // Typing a document at the top moves every other one to the next index, which memos name: the parse
  // digests each again (rebuilding its tree once), the checks then rebuild none.
  const edited = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: typed\n---\n${text}`;
  const next = cache.get('file:///work/large.yaml', 2, edited);
  const digestedAgain = rebuilds.count;
  assert.ok(digestedAgain - before > file.chunks.length / 2, 'the moved documents are digested again');
  assert.ok(
    next.chunks.every((chunk) => !chunk.holdsTrees),
    'every tree released again',
  );
  digested.indexFile(next);
  const afterEdit = await digested.validate(next, options);
  assert.equal(rebuilds.count, digestedAgain, 'no tree rebuilt by the checks after the edit');
  const freshService = createDefaultLanguageService({ log: (message) => assert.fail(message) });
  const freshFile = parseYamlFile('file:///work/large.yaml', 2, edited);
  freshService.indexFile(freshFile);
  assert.deepEqual(afterEdit, await freshService.validate(freshFile, options));
});
