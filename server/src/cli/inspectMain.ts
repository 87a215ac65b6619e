import { inspectCommand } from './inspectCommand';
import { startCli } from './startCli';

/**
 * Entry point of `dist/cli-inspect.js`: only `inspect`, so the process never loads the YAML, schema
 * (ajv) and policy code that `check` needs — about a third of the full bundle, whose compile and
 * top-level evaluation is start-up time (BENCHMARKS.md §2). `dist/cli.js` picks it for `inspect`.
 */
startCli([inspectCommand]);
