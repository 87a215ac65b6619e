import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LabError } from './errors';
import { pollUntil } from './poll';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function tryAcquire(lockDir: string): Promise<boolean> {
  try {
    await mkdir(lockDir); // atomic: exactly one process creates it
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number(await readFile(join(lockDir, 'pid'), 'utf8').catch(() => 'NaN'));
    // A lock whose owner died (or that never got its pid written and is not ours) is broken by us.
    if (Number.isInteger(owner) && !alive(owner)) await rm(lockDir, { recursive: true, force: true });
    return false;
  }
  await writeFile(join(lockDir, 'pid'), String(process.pid));
  return true;
}

/**
 * Runs `fn` holding the lab lock (`DIR/lock`), so parallel test files (node --test runs each file in
 * its own process) never start or populate the same lab twice. Waiters poll with a deadline.
 */
export async function withLabLock<T>(dir: string, fn: () => Promise<T>, timeoutMs = 180_000): Promise<T> {
  await mkdir(dir, { recursive: true });
  const lockDir = join(dir, 'lock');
  const acquired = await pollUntil(() => tryAcquire(lockDir), { timeoutMs, intervalMs: 50 });
  if (!acquired) {
    throw new LabError('LAB_LOCKED', `the lab lock ${lockDir} stayed taken for ${timeoutMs} ms`, {
      details: { lockDir },
    });
  }
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
