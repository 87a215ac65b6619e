import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeAt } from '../../../server/src/service/completion';
import { portierisSchemaAssist } from '../../../server/src/service/schemaAssist';
import { parseYamlFile } from '../../../server/src/yaml/yamlFile';

const HEAD =
  'apiVersion: portieris.cloud.ibm.com/v1\nkind: ImagePolicy\nmetadata:\n  name: p\nspec:\n  repositories:\n';

/** Completes at the `|` in `text` (removed before parsing). */
function labelsAt(text: string): string[] {
  const offset = text.indexOf('|');
  const file = parseYamlFile('file:///p.yaml', 1, text.replace('|', ''));
  return completeAt(portierisSchemaAssist, file, file.lines.positionAt(offset)).entries.map((e) => e.label);
}

test('when the cursor starts a new list item → the keys of a repository entry are offered', () => {
  assert.deepEqual(labelsAt(`${HEAD}    - |\n`).sort(), ['name', 'policy']);
});

test('when a half-typed key sits beside a written one → only the missing keys are offered', () => {
  assert.deepEqual(labelsAt(`${HEAD}    - name: icr.io/*\n      po|\n`), ['policy']);
});

test('when the sequence sits at its key indent (kubectl style) → the item is still found', () => {
  assert.deepEqual(labelsAt(`${HEAD}  - name: x\n    |\n`), ['policy']);
});

test('when the document is not a Portieris policy → nothing is offered', () => {
  assert.deepEqual(labelsAt('apiVersion: v1\nkind: Pod\nspec:\n  |\n'), []);
});
