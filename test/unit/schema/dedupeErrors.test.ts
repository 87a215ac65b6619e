import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorObject } from 'ajv';
import { dedupeErrors } from '../../../server/src/schema/dedupeErrors';

function error(keyword: string, instancePath: string, params: Record<string, unknown> = {}): ErrorObject {
  return { keyword, instancePath, schemaPath: '#', params };
}

test('when an anyOf summary has a precise error below it → only the precise error is kept', () => {
  const kept = dedupeErrors([error('type', '/spec/a/b'), error('anyOf', '/spec/a')]);
  assert.deepEqual(
    kept.map((e) => e.keyword),
    ['type'],
  );
});

test('when an anyOf summary stands alone → it is kept (nothing more precise to show)', () => {
  assert.equal(dedupeErrors([error('anyOf', '/spec/a'), error('type', '/spec/ab')]).length, 2);
});

test('when a type and an enum error hit the same value → only the type error is kept', () => {
  const kept = dedupeErrors([error('type', '/t'), error('enum', '/t'), error('enum', '/u')]);
  assert.deepEqual(
    kept.map((e) => `${e.keyword}${e.instancePath}`),
    ['type/t', 'enum/u'],
  );
});

test('when the same error appears twice → it is kept once', () => {
  const twice = [
    error('required', '/x', { missingProperty: 'type' }),
    error('required', '/x', { missingProperty: 'type' }),
  ];
  assert.equal(dedupeErrors(twice).length, 1);
  assert.equal(dedupeErrors([...twice, error('required', '/x', { missingProperty: 'name' })]).length, 2);
});
