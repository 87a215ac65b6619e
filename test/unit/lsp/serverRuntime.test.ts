import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { serverNodeOptions, v8PoolSize } from '../../../shared/serverRuntime';

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
  const run = spawnSync(process.execPath, [...serverNodeOptions(), ...probe], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), 'function');
});

test('when the server runs without them → collecting start-up garbage is a no-op, not an error', () => {
  const run = spawnSync(process.execPath, probe, { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), 'undefined');
});

test('when the machine has n cores → V8 gets n − 1 worker threads, at least 1 and at most 4', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 16, 0, Number.NaN].map((cores) => v8PoolSize(cores)),
    [1, 1, 2, 3, 4, 4, 1, 1],
  );
  assert.ok(serverNodeOptions(2).includes('--v8-pool-size=1'));
  assert.ok(serverNodeOptions(8).includes('--v8-pool-size=4'));
});

test('when Node starts with the server options → it accepts every one of them', () => {
  const run = spawnSync(process.execPath, [...serverNodeOptions(2), '-e', 'console.log("ok")'], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), 'ok');
});
