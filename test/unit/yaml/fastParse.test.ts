import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { isMap, isScalar, isSeq } from 'yaml';
import { FIXTURE_SIZES, makeFixture } from '../../../bench/lsp/fixtures';
import { fastParseDocument } from '../../../server/src/yaml/fast/fastParseDocument';
import { SNIPPETS } from './fastParseCases';
import { compareChunk, diffNodes, libraryParse, splitChunks, type Verdict } from './fastParseCompare';
import { generateYaml } from './fastParseGenerator';
import { mutate, prng } from './fastParseMutations';

const ROOT = join(__dirname, '..', '..', '..');

function repoYamlFiles(): { name: string; text: string }[] {
  const out = execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { cwd: ROOT, encoding: 'utf8' });
  return out
    .split('\n')
    .filter((f) => f !== '')
    .map((name) => ({ name, text: readFileSync(join(ROOT, name), 'utf8') }));
}

function describeVerdict(v: Verdict): string {
  return v.kind === 'bail' ? `bailed: ${v.reason}` : v.kind === 'different' ? v.diffs.join('; ') : 'equal';
}

/** Every chunk of `text` must be equal to the library's parse; with `mustParse`, none may bail. */
function checkText(name: string, text: string, mustParse: boolean): number {
  let parsed = 0;
  for (const [start, end] of splitChunks(text)) {
    const verdict = compareChunk(text, start, end);
    if (verdict.kind === 'equal') parsed++;
    else if (verdict.kind === 'different' || mustParse) {
      assert.fail(`${name} chunk at ${start}: ${describeVerdict(verdict)}`);
    }
  }
  return parsed;
}

describe('fastParseDocument on real manifests', () => {
  test('when a YAML file of the repository is split at --- lines → every chunk parses like yaml', () => {
    const files = repoYamlFiles();
    assert.ok(files.length >= 5, 'examples and fixtures are found');
    for (const { name, text } of files) {
      // examples/ must be covered by the fast path; other fixtures may hold deliberate oddities
      const parsed = checkText(name, text, name.startsWith('examples/'));
      assert.ok(parsed > 0 || !name.startsWith('examples/'), `${name}: nothing parsed`);
    }
  });

  for (const { name, blocks } of FIXTURE_SIZES) {
    test(`when the ${name} bench fixture is split → every chunk parses like yaml, none bails`, () => {
      const fixture = makeFixture(name, blocks);
      const parsed = checkText(name, fixture.text, true);
      assert.equal(parsed, splitChunks(fixture.text).length);
      assert.equal(parsed, blocks * 4);
    });
  }

  test('when the small bench fixture has CR LF line ends → every chunk parses like yaml, none bails', () => {
    const text = makeFixture('crlf', 10).text.replace(/\n/g, '\r\n');
    assert.equal(checkText('crlf', text, true), 40);
  });

  test('when a value of a chunk differs from the library → the comparison reports it', () => {
    const text = 'a: 1\nb: [x]\n';
    const fast = fastParseDocument(text, 0, text.length);
    assert.ok(fast && isMap(fast.contents));
    const lib = libraryParse(text, 0, text.length);
    assert.deepEqual(diffNodes(fast.contents, lib.contents, 0), []);
    const pair = fast.contents.items[1];
    assert.ok(pair && isSeq(pair.value));
    pair.value.flow = false;
    const first = fast.contents.items[0];
    assert.ok(first && isScalar(first.value));
    first.value.value = '1';
    assert.deepEqual(diffNodes(fast.contents, lib.contents, 0), [
      '$[0].value: value 1 (string) ≠ 1 (number)',
      '$[1].value: flow false ≠ true',
    ]);
    assert.deepEqual(diffNodes(fast.contents, lib.contents, 1)[0], '$: range [0,12,12] ≠ [1,13,13]');
  });
});

describe('fastParseDocument on tricky snippets', () => {
  for (const { yaml, ok, note } of SNIPPETS) {
    const title = `${JSON.stringify(yaml.length > 60 ? yaml.slice(0, 60) + '…' : yaml)}${note ? ` (${note})` : ''}`;
    test(`when given ${title} → ${ok ? 'it parses exactly like yaml' : 'it bails or parses like yaml'}`, () => {
      // also after another document, so that offsets are shifted
      for (const prefix of ['', 'x: 1\n']) {
        const text = prefix + yaml;
        const verdict = compareChunk(text, prefix.length, text.length);
        if (verdict.kind === 'different') assert.fail(describeVerdict(verdict));
        if (ok) assert.equal(verdict.kind, 'equal', describeVerdict(verdict));
      }
      // the same with CR LF line ends
      const crlf = yaml.replace(/\n/g, '\r\n');
      const verdict = compareChunk(crlf, 0, crlf.length);
      if (verdict.kind === 'different') assert.fail(`CR LF: ${describeVerdict(verdict)}`);
      if (ok) assert.equal(verdict.kind, 'equal', `CR LF: ${describeVerdict(verdict)}`);
    });
  }

  test('when the snippet table is counted → it holds at least 80 snippets, 60 of them must parse', () => {
    assert.ok(SNIPPETS.length >= 80);
    assert.ok(SNIPPETS.filter((s) => s.ok).length >= 60);
  });

  test('when a chunk bails → fastParseDocument answers undefined instead of throwing', () => {
    assert.equal(fastParseDocument('a: &x 1\n', 0, 8), undefined);
    assert.equal(fastParseDocument('a: 1\n', 0, 99), undefined);
  });
});

describe('fastParseDocument on random mutations', () => {
  test('when fixture documents are mutated 3,000 times → each chunk bails or parses like yaml', () => {
    const sources = [makeFixture('mutations', 1).text, ...repoYamlFiles().map((f) => f.text)];
    const docs: string[] = [];
    for (const text of sources) for (const [s, e] of splitChunks(text)) docs.push(text.slice(s, e));
    for (const { yaml, ok } of SNIPPETS) if (ok) docs.push(yaml);
    for (const doc of docs.slice(0, 40)) docs.push(doc.replace(/\n/g, '\r\n'));
    const random = prng(20261202);
    let equal = 0;
    for (let i = 0; i < 3000; i++) {
      const { text, start } = mutate(docs, random);
      const verdict = compareChunk(text, start, text.length);
      if (verdict.kind === 'different') {
        assert.fail(`case ${i} ${JSON.stringify(text.slice(start))}: ${describeVerdict(verdict)}`);
      }
      if (verdict.kind === 'equal') equal++;
    }
    // the mutations must exercise the fast path, not only its bail-outs
    assert.ok(equal > 800, `only ${equal} of 3000 mutations parsed`);
  });

  test('when 1,000 random Kubernetes-like documents are generated → each parses like yaml or bails', () => {
    const random = prng(4242);
    let equal = 0;
    let accepted = 0;
    for (let i = 0; i < 1000; i++) {
      const text = generateYaml(random);
      const verdict = compareChunk(text, 0, text.length);
      if (verdict.kind === 'different')
        assert.fail(`document ${i} ${JSON.stringify(text)}: ${describeVerdict(verdict)}`);
      if (verdict.kind === 'equal') equal++;
      if (libraryParse(text, 0, text.length).problems.length === 0) accepted++;
    }
    // nearly every document yaml accepts must take the fast path (duplicate keys and indentation
    // errors are what the generator produces on purpose)
    assert.ok(equal >= accepted * 0.95, `${equal} parsed of ${accepted} accepted by yaml`);
  });
});
