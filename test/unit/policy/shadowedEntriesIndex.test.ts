import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPolicySemantics } from '../../../server/src/policy/semantics/checkPolicySemantics';
import { covers } from '../../../server/src/policy/semantics/containment';
import { matchQuality } from '../../../server/src/policy/quality';
import { indexOf, policyYaml, yamlFile } from './policyFixtures';

/**
 * The duplicate / unreachable checks look candidates up by name and by literal prefix instead of comparing
 * every pair. This compares them with the all-pairs definition on random entry lists.
 */
function allPairs(names: readonly string[]): string[] {
  const expected: string[] = [];
  names.forEach((b, j) => {
    const duplicate = names.findIndex((a, i) => i < j && a === b);
    if (duplicate >= 0) {
      expected.push(`${j} policy-duplicate-entry ${duplicate + 1}`);
      return;
    }
    if (!b.includes('*')) return;
    const cover = names.findIndex((a, i) => i < j && matchQuality(a) === matchQuality(b) && covers(a, b));
    if (cover >= 0) expected.push(`${j} policy-unreachable-entry ${cover + 1}`);
  });
  return expected;
}

test('when 300 random entry lists, small and large, are checked → duplicate and unreachable findings equal the all-pairs ones', () => {
  let seed = 11;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const word = (): string => Array.from({ length: random(5) + 1 }, () => 'ab*/:.'[random(6)]).join('');
  let compared = 0;
  for (let run = 0; run < 300; run++) {
    // Sets of more than 32 entries are looked up through an index, smaller ones scanned (shadowedEntries.ts).
    const names = Array.from({ length: run % 2 === 0 ? random(12) + 2 : random(30) + 33 }, word);
    const text = policyYaml('ClusterImagePolicy', 'p', names);
    const firstEntryLine = 6;
    const findings = checkPolicySemantics(
      yamlFile('file:///p.yaml', text),
      indexOf({ 'file:///p.yaml': text }),
    );
    const actual = findings
      .filter((f) => f.code === 'policy-duplicate-entry' || f.code === 'policy-unreachable-entry')
      .map(
        (f) =>
          `${f.range.start.line - firstEntryLine} ${f.code} ${/entry (\d+) of/.exec(f.message)?.[1] ?? '?'}`,
      );
    const expected = allPairs(names);
    assert.deepEqual(actual, expected, JSON.stringify(names));
    compared += expected.length;
  }
  // The random lists must exercise both checks, or this test proves nothing.
  assert.ok(compared > 100, `only ${compared} findings compared`);
});

test('when two policies of one set list the same names → only the later policy’s entries are duplicates, small set or large', () => {
  for (const count of [3, 20]) {
    // 2 × 20 entries is above the 32 up to which a set is scanned rather than indexed.
    const names = Array.from({ length: count }, (_, i) => `icr.io/team-${i}/app`);
    const first = policyYaml('ClusterImagePolicy', 'a', names);
    const text = `${first}---\n${policyYaml('ClusterImagePolicy', 'b', names)}`;
    const secondStartLine = first.split('\n').length;
    const findings = checkPolicySemantics(
      yamlFile('file:///p.yaml', text),
      indexOf({ 'file:///p.yaml': text }),
    ).filter((f) => f.code === 'policy-duplicate-entry');
    assert.equal(findings.length, count, `${count} entries each`);
    assert.ok(
      findings.every((f) => f.range.start.line >= secondStartLine),
      `${count} entries each: all on policy b`,
    );
    assert.deepEqual(
      findings.map((f) => /entry (\d+) of/.exec(f.message)?.[1]),
      names.map((_, i) => String(i + 1)),
    );
  }
});
