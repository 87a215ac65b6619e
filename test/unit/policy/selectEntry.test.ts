import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPolicies } from '../../../server/src/policy/readPolicies';
import { selectEntry, sortPolicies } from '../../../server/src/policy/selectEntry';
import { policyYaml, yamlFile } from './policyFixtures';

function policies(...docs: string[]) {
  return sortPolicies(readPolicies(yamlFile('file:///p.yaml', docs.join('---\n'))));
}

test('when icr.io/*/img and icr.io/ns/* both match → literal count wins, not path depth (§2.2)', () => {
  const set = policies(policyYaml('ImagePolicy', 'a', ['icr.io/ns/*', 'icr.io/*/img']));
  const selection = selectEntry('icr.io/ns/img:1', set);
  assert.equal(selection?.winner.entry.name, 'icr.io/*/img');
  assert.equal(selection?.quality, 11);
  assert.equal(selection?.reason, 'highest-quality');
  assert.deepEqual(
    selection?.losers.map((l) => [l.entry.name, l.quality]),
    [['icr.io/ns/*', 10]],
  );
});

test('when a no-wildcard name matches through the implicit tag → it has quality 13 and beats both', () => {
  const set = policies(policyYaml('ImagePolicy', 'a', ['icr.io/ns/*', 'icr.io/*/img', 'icr.io/ns/img']));
  const selection = selectEntry('icr.io/ns/img:1', set);
  assert.equal(selection?.winner.entry.name, 'icr.io/ns/img');
  assert.equal(selection?.quality, 13);
  assert.equal(selection?.winner.exact, false);
});

test('when a name equals the image byte for byte → it wins as exact even when listed last', () => {
  const set = policies(policyYaml('ImagePolicy', 'a', ['icr.io/ns/img*', 'icr.io/ns/img:1']));
  const selection = selectEntry('icr.io/ns/img:1', set);
  assert.equal(selection?.winner.entry.index, 1);
  assert.equal(selection?.reason, 'exact');
  assert.equal(selection?.quality, 15);
});

test('when two entries tie → the first in list order wins', () => {
  const set = policies(policyYaml('ImagePolicy', 'a', ['icr.io/a*', 'icr.io/*b']));
  const selection = selectEntry('icr.io/ab', set);
  assert.equal(selection?.winner.entry.name, 'icr.io/a*');
  assert.equal(selection?.reason, 'first-of-tie');
});

test('when two objects tie → the object whose name sorts first wins, whatever the file order', () => {
  const set = policies(
    policyYaml('ImagePolicy', 'zeta', ['icr.io/*']),
    policyYaml('ImagePolicy', 'alpha', ['icr.io/*']),
  );
  assert.deepEqual(
    set.map((p) => p.name),
    ['alpha', 'zeta'],
  );
  assert.equal(selectEntry('icr.io/x', set)?.winner.policy.name, 'alpha');
});

test('when only one entry matches → the reason is only-match; none → undefined', () => {
  const set = policies(policyYaml('ImagePolicy', 'a', ['nginx', 'icr.io/*']));
  assert.equal(selectEntry('nginx:1.26', set)?.reason, 'only-match');
  assert.equal(selectEntry('docker.io/library/nginx', set), undefined);
});

test('when a name has multi-byte characters → quality counts UTF-8 bytes as Go len() does', () => {
  const set = policies(policyYaml('ImagePolicy', 'a', ['é*']));
  assert.equal(selectEntry('éx', set)?.quality, 2);
});
