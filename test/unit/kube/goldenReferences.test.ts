import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseImageReference } from '../../../server/src/kube/parseImageReference';
import { parseNormalizedNamed, portierisAccepts } from '../../../server/src/kube/parseNormalizedNamed';

interface GoldenRow {
  readonly input: string;
  readonly go: string;
  readonly goName: string;
  readonly goTag: string;
  readonly goDigest: string;
  readonly portieris: string;
  readonly hostname: string;
  readonly port: string;
  readonly tag: string;
}

function goldenRows(): GoldenRow[] {
  const text = readFileSync(join(import.meta.dirname, 'goldenReferences.tsv'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [
        input = '',
        go = '',
        goName = '',
        goTag = '',
        goDigest = '',
        portieris = '',
        hostname = '',
        port = '',
        tag = '',
      ] = line.split('\t');
      return { input, go, goName, goTag, goDigest, portieris, hostname, port, tag };
    });
}

const ROWS = goldenRows();

/** Rows whose computed columns differ from the golden ones; `undefined` skips a row. */
function mismatches(
  compute: (row: GoldenRow) => { actual: string[]; expected: string[] } | undefined,
): unknown[] {
  return ROWS.flatMap((row) => {
    const pair = compute(row);
    if (!pair || JSON.stringify(pair.actual) === JSON.stringify(pair.expected)) return [];
    return [{ input: row.input, ...pair }];
  });
}

test('when the golden table is read → it has rows of every outcome', () => {
  assert.ok(ROWS.length > 400);
  for (const outcome of ['ok', 'err', 'panic'])
    assert.ok(
      ROWS.some((row) => row.portieris === outcome),
      outcome,
    );
});

test('when every golden input is parsed → acceptance, name, tag and digest match Go ParseNormalizedNamed', () => {
  const found = mismatches((row) => {
    const ours = parseNormalizedNamed(row.input);
    const actual = ours.ok ? ['ok', ours.name, ours.tag ?? '', ours.digest ?? ''] : ['err', '', '', ''];
    return { actual, expected: [row.go, row.goName, row.goTag, row.goDigest] };
  });
  assert.deepEqual(found, []);
});

test('when every golden input is parsed → Portieris acceptance matches its NewReference', () => {
  const mismatches = ROWS.filter((row) => portierisAccepts(row.input) !== (row.portieris !== 'err')).map(
    (r) => r.input,
  );
  assert.deepEqual(mismatches, []);
});

test('when a golden input is valid → host, port, trust tag and the panic flag match Portieris', () => {
  const found = mismatches((row) => {
    const result = parseImageReference(row.input);
    if (!result.ok) return undefined;
    const { ref } = result;
    const actual = [
      ref.portierisPanics ? 'panic' : 'ok',
      ...(ref.portierisPanics ? ['', '', ''] : [ref.domain, ref.port ?? '', ref.trustTag]),
    ];
    return { actual, expected: [row.portieris, row.hostname, row.port, row.tag] };
  });
  assert.deepEqual(found, []);
});

test('when a golden input is refused → portierisRejects says whether Portieris refuses it too', () => {
  const mismatches = ROWS.filter((row) => {
    const result = parseImageReference(row.input);
    return (
      !result.ok &&
      result.error.reason !== 'empty' &&
      result.error.portierisRejects !== (row.portieris === 'err')
    );
  }).map((r) => r.input);
  assert.deepEqual(mismatches, []);
});
