import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../server/src/errors';
import { TrustError } from '../../server/src/trust/errors';

test('when an error is built with a cause → it keeps code, name and cause', () => {
  const cause = new Error('boom');
  const error = new InputError('INPUT_TOO_LARGE', 'too large', { cause });
  assert.equal(error.code, 'INPUT_TOO_LARGE');
  assert.equal(error.name, 'InputError');
  assert.equal(error.cause, cause);
});

test('when a trust error is a 404 on root → its kind is no-trust-data, never verification', () => {
  assert.equal(new TrustError('NO_TRUST_DATA', 'x').kind, 'no-trust-data');
  assert.equal(new TrustError('TIMEOUT', 'x').kind, 'unavailable');
  assert.equal(new TrustError('BAD_SIGNATURE', 'x').kind, 'verification');
});
