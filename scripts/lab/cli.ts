// The trust lab's command line: `npx tsx scripts/lab/cli.ts up [--bench 1000[,10000]] [--verbose] | down | status`.
// Work folder: `.lab/` in the repository, or $IMAGE_TRUST_LAB_DIR.
import { labDown, labStatus, labUp } from './lab';
import { LabError } from './errors';
import { defaultLabDir } from './paths';
import type { LabState } from './state';

function parseBench(args: readonly string[]): number[] {
  const at = args.indexOf('--bench');
  if (at === -1) return [];
  const value = args[at + 1] ?? '1000';
  return value.split(',').map((part) => {
    const count = Number(part);
    if (!Number.isInteger(count) || count < 1)
      throw new LabError('LAB_UNEXPECTED', `bad --bench value ${part}`);
    return count;
  });
}

function describe(state: LabState, running?: Record<string, boolean>): string {
  const mark = (key: string): string =>
    running === undefined ? '' : running[key] === true ? '  [up]' : '  [DOWN]';
  const { notary, registries } = state;
  const lines = [
    `lab dir          ${state.dir}  (created ${state.createdAt})`,
    `CA               ${state.caPath}`,
    `notary-server    ${notary.url}  pid ${notary.process.pid}${mark('notary')}`,
    `registry (http)  ${registries.http.url}  pid ${registries.http.process.pid}${mark('http')}`,
    `registry (tls)   ${registries.tls.url}  pid ${registries.tls.process.pid}${mark('tls')}  user ${registries.tls.credentials?.user ?? '-'} (password in state.json)`,
    `trust dir        ${notary.trustDir}`,
    `notary CLI       notary -d ${notary.trustDir} -s ${notary.url} --tlscacert ${notary.caPath} list <GUN>`,
    'repositories:',
    ...Object.values(state.repositories).map((repo) => {
      const tags = repo.generated === undefined ? Object.entries(repo.tags).map(([tag, facts]) => `${tag}=${facts.verdict}`).join(' ') : `${repo.generated.count} generated tags`;
      return `  ${repo.gun.padEnd(36)} ${tags}`;
    }),
  ]; // prettier-ignore
  return lines.join('\n');
}

async function main(args: readonly string[]): Promise<number> {
  const dir = defaultLabDir();
  const command = args[0] ?? 'status';
  if (command === 'up') {
    const started = Date.now();
    const verbose = args.includes('--verbose');
    const report = (step: string, ms: number): void => {
      if (verbose) console.log(`  ${step.padEnd(12)} ${(ms / 1000).toFixed(1)} s`);
    };
    const state = await labUp({ dir, bench: parseBench(args), report });
    console.log(describe(state));
    console.log(`up took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  }
  if (command === 'down') {
    const stopped = await labDown(dir);
    console.log(stopped.length === 0 ? 'nothing was running' : `stopped ${stopped.join(', ')}`);
    return 0;
  }
  if (command === 'status') {
    try {
      const { state, running } = await labStatus(dir);
      console.log(describe(state, running));
      return Object.values(running).every(Boolean) ? 0 : 1;
    } catch (error) {
      if (error instanceof LabError && error.code === 'LAB_STATE_INVALID') {
        console.log(`no lab in ${dir} (run: npx tsx scripts/lab/cli.ts up)`);
        return 1;
      }
      throw error;
    }
  }
  console.error('usage: cli.ts up [--bench 1000[,10000]] [--verbose] | down | status');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof LabError ? `${error.code}: ${error.message}` : error);
    if (error instanceof LabError) console.error(error.details);
    process.exit(1);
  },
);
