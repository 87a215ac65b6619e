import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SERVER_NODE_OPTIONS } from '../../../shared/serverRuntime';

// Run in a child: whether `gc` exists is decided by the flags a process starts with.
const probe = [
  '--import',
  'tsx',
  '-e',
  `const { collectStartUpGarbage } = require(${JSON.stringify(join(__dirname, '../../../shared/serverRuntime.ts'))}); ` +
    'collectStartUpGarbage(); ' +
    'console.log(typeof globalThis.gc)',
];

test('when the server runs with its own Node options → start-up garbage is collected (gc is exposed)', () => {
  const run = spawnSync(process.execPath, [...SERVER_NODE_OPTIONS, ...probe], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), 'function');
});

test('when the server runs without them → collecting start-up garbage is a no-op, not an error', () => {
  const run = spawnSync(process.execPath, probe, { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), 'undefined');
});
