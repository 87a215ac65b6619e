import { isAbsolute, relative } from 'node:path';
import { version } from '../../../package.json';
import { isNamespaceName } from '../../../shared/settings';
import { describeError } from '../errors';
import { pathToUri } from '../files/fileUri';
import { mapWithConcurrency } from '../files/mapWithConcurrency';
import { readYamlFile } from '../files/readYamlFile';
import { createDefaultLanguageService } from '../service/defaultLanguageService';
import type { YamlFile } from '../yaml/yamlFile';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from './cliIo';
import { collectFiles } from './collectFiles';
import type { CliCommand } from './command';
import { formatJson, formatText, summary, type FileFinding } from './formatFindings';
import { formatSarif } from './formatSarif';
import { readTrustFlags, TRUST_FLAG_OPTIONS, TRUST_FLAGS_HELP } from './trustFlags';
import { parseOptions } from './parseOptions';
import { UsageError } from './usageError';

const HELP = `Usage: image-trust check [PATH…] [--format text|json|sarif] [--namespace NS] [trust options]

Checks Kubernetes workloads and Portieris ImagePolicy / ClusterImagePolicy YAML: syntax, the CRD schemas,
policy semantics and the predicted admission of every image. Folders are searched recursively for
*.yaml and *.yml (node_modules and .git are skipped); PATH defaults to the current folder. Policies found
in any of the files apply to the workloads in all of them.

Options:
  --format text|json  text: "path:line:col: severity code message" (1-based); json: an array of
                      {file, range, severity, code, message} with LSP 0-based ranges. Default text.
                      sarif: SARIF 2.1.0, one rule per diagnostic code.
  --namespace NS      namespace of workloads that do not name one (default "default")
Trust (Notary) lookups of workload images:
${TRUST_FLAGS_HELP}  -h, --help          this help

Exit status: 0 no errors (warnings allowed), 1 at least one error, 2 usage error.
`;

/** Files read at once. */
const READ_CONCURRENCY = 8;

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'check YAML files and folders, print findings, exit 1 on errors',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseOptions(args, {
      format: { type: 'string', default: 'text' },
      namespace: { type: 'string', default: 'default' },
      ...TRUST_FLAG_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    const { format, namespace } = values;
    if (!isFormat(format)) {
      throw new UsageError('USAGE_BAD_OPTION', `--format must be text, json or sarif, not "${format}"`);
    }
    if (!isNamespaceName(namespace)) {
      throw new UsageError(
        'USAGE_BAD_OPTION',
        `--namespace ${JSON.stringify(namespace)} is not a namespace name`,
      );
    }

    const paths = await collectFiles(positionals.length > 0 ? positionals : ['.'], io.cwd);
    let unreadable = false;
    const files = await mapWithConcurrency(paths, READ_CONCURRENCY, async (path) => {
      try {
        return { path, file: await readYamlFile(path, pathToUri(path)) };
      } catch (error: unknown) {
        io.stderr(`image-trust: cannot read ${displayPath(path, io.cwd)}: ${describeError(error)}\n`);
        unreadable = true;
        return undefined;
      }
    });
    const readable = files.filter((entry): entry is { path: string; file: YamlFile } => entry !== undefined);

    const trust = readTrustFlags(values, io.cwd, io.env ?? process.env);
    const service = createDefaultLanguageService({
      log: (message) => io.stderr(`image-trust: ${message}\n`),
      trust: trust.service,
    });
    // Every policy first, so a workload is judged by the policies of all the files, as in a cluster.
    for (const { file } of readable) service.indexFile(file);
    const options = { defaultNamespace: namespace, trust: trust.settings, workspaceTrusted: true };
    // Trust answers first (deduplicated per repository, bounded concurrency), then one validation per file.
    const signal = new AbortController().signal;
    await Promise.all(readable.map(({ file }) => service.checkTrust(file, options, signal)));
    const findings: FileFinding[] = [];
    for (const { path, file } of readable) {
      for (const finding of await service.validate(file, options)) {
        findings.push({ file: displayPath(path, io.cwd), finding });
      }
    }

    await service.close();
    io.stdout(
      format === 'json'
        ? formatJson(findings)
        : format === 'sarif'
          ? formatSarif(findings, version)
          : formatText(findings),
    );
    if (format === 'text') io.stderr(summary(findings, readable.length));
    const failed = unreadable || findings.some(({ finding }) => finding.severity === 'error');
    return failed ? EXIT_FINDINGS : EXIT_OK;
  },
};

function isFormat(value: string): value is 'text' | 'json' | 'sarif' {
  return value === 'text' || value === 'json' || value === 'sarif';
}

/** Paths below the working folder print relative to it, as the user typed them; others absolute. */
function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
