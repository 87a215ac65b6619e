import { parseAllDocuments } from 'yaml';
import { makeFixture } from '../../bench/lsp/fixtures';
import { parseYamlFile } from '../../server/src/yaml/yamlFile';
import { createDefaultLanguageService } from '../../server/src/service/defaultLanguageService';

async function main() {
  for (const [name, blocks] of [['small', 10], ['medium', 100], ['large', 500]] as const) {
    const fx = makeFixture(name, blocks);
    let t = performance.now();
    parseAllDocuments(fx.text);
    const rawParse = performance.now() - t;
    t = performance.now();
    const file = parseYamlFile('file:///x.yaml', 1, fx.text);
    const ourParse = performance.now() - t;
    const svc = createDefaultLanguageService({ log: () => {} });
    t = performance.now();
    svc.indexFile(file);
    const idx = performance.now() - t;
    t = performance.now();
    const findings = await svc.validate(file, { defaultNamespace: 'default' } as never);
    const val1 = performance.now() - t;
    t = performance.now();
    await svc.validate(file, { defaultNamespace: 'default' } as never);
    const val2 = performance.now() - t;
    console.log(name, { rawParse: rawParse|0, ourParse: ourParse|0, idx: idx|0, val1: val1|0, val2: val2|0, n: (findings as unknown[]).length });
  }
}
void main();
