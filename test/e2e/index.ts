// Entry point the extension host loads through --extensionTestsPath: runs every bundled suite/*.test.js with
// mocha (tdd) and prints `N passed, N failed` (CI reads that line). Rejects when a test failed, so the
// workbench reports exit code 1.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** Runs before the others: it measures activation, so nothing else may have opened a YAML file yet. */
const FIRST = 'activation.test.js';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env['IMAGE_TRUST_E2E_GREP'];
  if (grep) mocha.grep(grep);
  const dir = join(__dirname, 'suite');
  const files = readdirSync(dir).filter((name) => name.endsWith('.test.js'));
  files.sort((a, b) => Number(b === FIRST) - Number(a === FIRST) || a.localeCompare(b));
  for (const name of files) mocha.addFile(join(dir, name));

  const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve) => {
    let passes = 0;
    const runner = mocha.run((failures) => resolve({ passed: passes, failed: failures }));
    runner.on('pass', () => passes++);
  });
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} e2e test(s) failed`);
}
