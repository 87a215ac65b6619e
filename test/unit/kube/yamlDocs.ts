import assert from 'node:assert/strict';
import { parseYamlFile, type YamlDocument, type YamlFile } from '../../../server/src/yaml/yamlFile';

export function fileOf(text: string): YamlFile {
  return parseYamlFile('file:///test.yaml', 1, text);
}

/** The only (or the `index`th) document of `text`, failing the test when it is missing. */
export function docOf(text: string, index = 0): YamlDocument {
  const doc = fileOf(text).documents[index];
  assert.ok(doc, `document ${index} exists`);
  return doc;
}
