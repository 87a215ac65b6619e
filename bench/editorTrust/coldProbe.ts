/**
 * A/B probe for the cold case of the editor-trust benchmark (not part of `npm run bench`): starts the
 * editor lab once, then opens the 200-image file in fresh processes of each given server bundle in turn,
 * ROUNDS times, and prints cold wall time, server CPU and what the lab saw. Interleaving the bundles
 * within each round lets two builds be compared on a shared, loaded machine.
 *
 *   npx tsx bench/editorTrust/coldProbe.ts /tmp/a/server.js /tmp/b/server.js   (PROBE_ROUNDS=5)
 */
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadNow } from '../machine';
import { writeBenchWorkspace } from './benchWorkspace';
import { startEditorLab } from './editorLab';
import { EditorSession } from './editorSession';
import { requestStats } from './requestLog';

async function main(): Promise<void> {
  const bundles = process.argv.slice(2).map((path) => resolve(path));
  if (bundles.length === 0) throw new Error('usage: coldProbe.ts SERVER_BUNDLE...');
  const rounds = Number(process.env.PROBE_ROUNDS ?? '5');
  const root = resolve(__dirname, '../..');
  const workDir = join(root, 'bench/.work/cold-probe');
  await rm(workDir, { recursive: true, force: true });
  const rootDir = join(workDir, 'workspace');
  await mkdir(rootDir, { recursive: true });
  const lab = await startEditorLab(join(root, 'bench/.work/cold-probe-lab'), (line) => console.log(line));
  try {
    const { workload, filePath, settings } = await writeBenchWorkspace(rootDir, lab);
    const results = new Map<string, { wall: number[]; cpu: number[] }>();
    for (let round = 0; round < rounds; round++) {
      for (const bundle of bundles) {
        const session = await EditorSession.start({ serverEntry: bundle, rootDir, filePath, settings });
        try {
          lab.notaryProxy.reset();
          lab.registryProxy.reset();
          const done = session.publish(
            1,
            (p) => workload.imageLines.every((line) => p.trustLines.has(line)),
            'all trust after didOpen',
          );
          const cpu0 = session.cpuMs();
          const t0 = session.open(workload.text, 1);
          const cold = await done;
          const cpu = session.cpuMs() - cpu0;
          const wall = cold.at - t0;
          const stats = requestStats(lab.notaryProxy.requests, lab.registryProxy.requests);
          const entry = results.get(bundle) ?? { wall: [], cpu: [] };
          entry.wall.push(wall);
          entry.cpu.push(cpu);
          results.set(bundle, entry);
          console.log(
            `${round} ${bundle}: cold ${wall.toFixed(0)} ms, cpu ${cpu} ms, requests ${stats.notary}+${stats.registry}, ` +
              `in flight max ${stats.maxConcurrentRequests}, per GUN resolutions ${stats.maxConcurrentResolutionsPerGun}, ` +
              `span ${stats.spanMs.toFixed(0)} busy ${stats.labBusyMs.toFixed(0)}, connections ` +
              `${lab.notaryProxy.connections()}+${lab.registryProxy.connections()}, load ${loadNow()}`,
          );
        } finally {
          await session.stop();
        }
      }
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    for (const [bundle, { wall, cpu }] of results) {
      console.log(`${bundle}: median cold ${median(wall).toFixed(0)} ms, cpu ${median(cpu)} ms`);
    }
  } finally {
    await lab.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
