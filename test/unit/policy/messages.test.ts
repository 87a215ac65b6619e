import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  denyNoClusterMatch,
  denyNoNamespaceMatch,
  denyNoPolicies,
} from '../../../server/src/policy/messages';

test('when each deny message is formatted → it is the controller text exactly', () => {
  assert.equal(denyNoPolicies('nginx:1.26'), 'Deny "nginx:1.26", no image policies or cluster polices');
  assert.equal(
    denyNoClusterMatch('docker.io/rook/rook:v0.7.1', 'default'),
    'Deny "docker.io/rook/rook:v0.7.1", no matching repositories in ClusterImagePolicy and no ImagePolicies in the "default" namespace',
  );
  assert.equal(
    denyNoNamespaceMatch('icr.io/a:1'),
    'Deny "icr.io/a:1", no matching repositories in the ImagePolicies',
  );
});

// Go %q of odd image strings (strconv.Quote), as the controller prints them.
const ODD: ReadonlyArray<readonly [string, string]> = [
  ['a"b\\c', '"a\\"b\\\\c"'],
  ['a\n\t\r\u0007\b\f\v', '"a\\n\\t\\r\\a\\b\\f\\v"'],
  ['\u0000\u001b\u007f', '"\\x00\\x1b\\x7f"'],
  ['café/ünï', '"café/ünï"'],
  ['a\u00a0b\u200bc\u0085', '"a\\u00a0b\\u200bc\\u0085"'],
  ['\u{e0001}', '"\\U000e0001"'],
  ['😀', '"😀"'],
  ['a\ud800b', '"a\ufffdb"'],
];

for (const [image, quoted] of ODD) {
  test(`when the image is ${JSON.stringify(image)} → the message quotes it as Go does: ${quoted}`, () => {
    assert.equal(
      denyNoNamespaceMatch(image),
      `Deny ${quoted}, no matching repositories in the ImagePolicies`,
    );
    assert.equal(
      denyNoClusterMatch('x', image),
      `Deny "x", no matching repositories in ClusterImagePolicy and no ImagePolicies in the ${quoted} namespace`,
    );
  });
}
