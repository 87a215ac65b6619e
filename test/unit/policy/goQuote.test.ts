import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goQuote } from '../../../server/src/policy/goQuote';
import {
  denyNoClusterMatch,
  denyNoNamespaceMatch,
  denyNoPolicies,
} from '../../../server/src/policy/messages';

test('when a string is plain ASCII → it is double-quoted unchanged', () => {
  assert.equal(goQuote('nginx:1.26'), '"nginx:1.26"');
});

test('when a string has quotes, backslashes and named controls → Go escapes them', () => {
  assert.equal(goQuote('a"b\\c\n\t\r\u0007\b\f\v'), '"a\\"b\\\\c\\n\\t\\r\\a\\b\\f\\v"');
});

test('when a string has other control bytes and DEL → they are \\xNN', () => {
  assert.equal(goQuote('\u0000\u001b\u007f'), '"\\x00\\x1b\\x7f"');
});

test('when a string has printable non-ASCII → it is kept; non-printable becomes \\u or \\U', () => {
  assert.equal(goQuote('café/ünï'), '"café/ünï"');
  assert.equal(goQuote('a\u00a0b\u200bc\u0085'), '"a\\u00a0b\\u200bc\\u0085"');
  assert.equal(goQuote('\u{e0001}'), '"\\U000e0001"');
  assert.equal(goQuote('😀'), '"😀"');
});

test('when a string holds a lone surrogate → it prints as U+FFFD, as after Go JSON decoding', () => {
  assert.equal(goQuote('a\ud800b'), '"a\ufffdb"');
});

test('when each deny message is formatted → it is the controller text exactly', () => {
  assert.equal(denyNoPolicies('nginx:1.26'), 'Deny "nginx:1.26", no image policies or cluster polices');
  assert.equal(
    denyNoClusterMatch('docker.io/rook/rook:v0.7.1', 'default'),
    'Deny "docker.io/rook/rook:v0.7.1", no matching repositories in ClusterImagePolicy and no ImagePolicies in the "default" namespace',
  );
  assert.equal(denyNoNamespaceMatch('a\tb'), 'Deny "a\\tb", no matching repositories in the ImagePolicies');
});
