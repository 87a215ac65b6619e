#!/usr/bin/env node
// Compiles the Portieris policy schemas (schemas/*.json) into plain JavaScript validators at build time with
// Ajv's standalone code generation (https://ajv.js.org/standalone.html), so the language server and the CLI
// neither bundle Ajv nor compile and JIT a schema on the first policy they see (issue 2: didOpen →
// diagnostics). Writes server/src/schema/generated/portierisValidators.js (git-ignored; its types are the
// checked-in portierisValidators.d.ts next to it). esbuild.mjs runs it before bundling.
//
// Usage: node scripts/build/generateSchemaValidators.mjs [--check]
//   --check: write nothing; exit 1 when the file on disk differs from what the schemas give now.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUTPUT = 'server/src/schema/generated/portierisValidators.js';

/** Export name → schema file under schemas/. The names are the ones portierisValidators.d.ts declares. */
const SCHEMA_FILES = {
  v1ImagePolicy: 'portieris.cloud.ibm.com_v1_imagepolicy.schema.json',
  v1ClusterImagePolicy: 'portieris.cloud.ibm.com_v1_clusterimagepolicy.schema.json',
  v1beta1Legacy: 'securityenforcement.admission.cloud.ibm.com_v1beta1_imagepolicy.schema.json',
};

/**
 * The options the server used to compile with at run time (test/unit/schema/precompiledValidators.test.ts
 * checks that the generated validators report exactly what a runtime Ajv with these options reports).
 * - allErrors: report every problem in the document, not only the first.
 * - verbose: errors carry `parentSchema`, which names the keys allowed next to an unknown one
 *   (server/src/schema/errorToFinding.ts); the generated code embeds the schema objects for it.
 * - allowUnionTypes: the legacy `simple` is an object or (Portieris 0.6) a list (portieris.md §1.2).
 * - code.source: keep the generated source, which standaloneCode needs; code.lines: one statement a line,
 *   so a stack trace into the generated file points at something readable.
 */
function newAjv() {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    allowUnionTypes: true,
    code: { source: true, lines: true },
  });
  // Editor-only annotations (VS Code / yaml-language-server); no validation meaning.
  ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions']);
  return ajv;
}

function ajvVersion() {
  const manifest = JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('ajv/package.json'), 'utf8'),
  );
  return String(manifest.version);
}

function readSchema(file) {
  return JSON.parse(readFileSync(join(ROOT, 'schemas', file), 'utf8'));
}

function accessor(key) {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/**
 * verbose makes Ajv embed every schema object an error can point at as a literal (`const schema12 = {…}`),
 * ~45 kB, most of it the same definitions again. The server imports the schema files anyway (hover,
 * completion: selectSchema.ts), so each literal becomes a reference into the required file instead: the
 * bundle holds the JSON once, and `parentSchema` is the very node the server resolves, as with runtime Ajv.
 * A literal is looked up in its own validator's file first; one found in no file stays as it is.
 */
function referenceSchemaFiles(code) {
  const names = Object.keys(SCHEMA_FILES);
  const expressions = Object.values(SCHEMA_FILES).map((file, index) => {
    const found = new Map();
    const visit = (node, expression) => {
      if (node === null || typeof node !== 'object') return;
      const text = JSON.stringify(node);
      if (!found.has(text)) found.set(text, expression);
      for (const [key, child] of Object.entries(node)) visit(child, expression + accessor(key));
    };
    visit(readSchema(file), `schemaFile${index}`);
    return found;
  });
  let current = 0;
  // code.lines puts each export and each scope constant on a line of its own (JSON has no raw line breaks).
  const lines = code.split('\n').map((line) => {
    const exported = /^exports\.(\w+) = /.exec(line);
    if (exported) current = names.indexOf(exported[1]);
    const constant = /^const (schema\d+) = (.+);$/.exec(line);
    if (!constant) return line;
    const text = JSON.stringify(JSON.parse(constant[2]));
    const expression = [expressions[current], ...expressions].find((found) => found?.has(text))?.get(text);
    return expression === undefined ? line : `const ${constant[1]} = ${expression};`;
  });
  const requires = Object.values(SCHEMA_FILES).map(
    (file, index) => `const schemaFile${index} = require(${JSON.stringify(`../../../../schemas/${file}`)});`,
  );
  return lines.join('\n').replace(/^"use strict";\n/, `"use strict";\n${requires.join('\n')}\n`);
}

/** The module text: CommonJS, so tsx (tests), node and esbuild all load it as it is. */
export function generate() {
  const ajv = newAjv();
  for (const file of Object.values(SCHEMA_FILES)) ajv.addSchema(readSchema(file), file);
  const header =
    `// Generated by scripts/build/generateSchemaValidators.mjs (ajv ${ajvVersion()}) from\n` +
    Object.values(SCHEMA_FILES)
      .map((file) => `//   schemas/${file}\n`)
      .join('') +
    '// Do not edit: `npm run build` (or `node scripts/build/generateSchemaValidators.mjs`) rewrites it.\n';
  return `${header}${referenceSchemaFiles(standaloneCode(ajv, SCHEMA_FILES))}\n`;
}

function readOutput() {
  try {
    return readFileSync(join(ROOT, OUTPUT), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Writes the module when its text changed. Several contributors build in one tree at once: the text goes to
 * a file of this process first and is renamed over the target, so no reader ever sees half a module.
 */
export function writeSchemaValidators() {
  const code = generate();
  if (readOutput() === code) return false;
  const target = join(ROOT, OUTPUT);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, target);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    if (readOutput() !== generate()) {
      console.error(
        `${OUTPUT} is missing or stale versus schemas/*.json: run \`node scripts/build/generateSchemaValidators.mjs\` (or \`npm run build\`).`,
      );
      process.exit(1);
    }
  } else if (writeSchemaValidators()) {
    console.log(`wrote ${OUTPUT}`);
  }
}
