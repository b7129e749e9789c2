/**
 * Compiles the official templates (grammars/*.nbt) and writes packages/core/src/generated/builtin-templates.ts,
 * which ships them as plain IR data, and builtin-template-summaries.ts (what `nianbao templates` lists). Run with Node 24 from the repository root:
 *
 *     node packages/core/scripts/generate-builtin-templates.ts          # write the file
 *     node packages/core/scripts/generate-builtin-templates.ts --check  # exit 1 when the file is stale
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import './source-module-hooks.ts';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const outputFile = fileURLToPath(new URL('../src/generated/builtin-templates.ts', import.meta.url));
const summariesFile = fileURLToPath(new URL('../src/generated/builtin-template-summaries.ts', import.meta.url));

const { builtinTemplateSources, renderBuiltinTemplatesModule, renderBuiltinTemplateSummariesModule } = await import('../src/compiler/builtin-template-sources.ts');
const { compileTemplate, formatTemplateDiagnostics } = await import('../src/compiler/index.ts');

const texts = new Map<string, string>();
for (const source of builtinTemplateSources) texts.set(source.id, await readFile(`${repositoryRoot}${source.file}`, 'utf8'));
// A built-in may extend an earlier built-in: bases come from the files being compiled.
const resolveBase = (id: string) => {
  const source = builtinTemplateSources.find((candidate) => candidate.id === id);
  return source ? { uri: source.file, text: texts.get(id) ?? '' } : undefined;
};
const compiled = [];
let failed = false;
for (const source of builtinTemplateSources) {
  const text = texts.get(source.id) ?? '';
  const result = await compileTemplate(text, { uri: source.file, resolveBase });
  const problems = result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
  if (problems.length > 0) {
    console.error(formatTemplateDiagnostics(problems));
  }
  if (!result.ir || problems.length > 0) {
    failed = true;
    continue;
  }
  compiled.push({ ...source, ir: result.ir, text });
}
if (failed) {
  console.error('The built-in templates have errors or warnings; nothing written.');
  process.exit(1);
}
const outputs = [
  { file: outputFile, text: renderBuiltinTemplatesModule(compiled) },
  { file: summariesFile, text: renderBuiltinTemplateSummariesModule(compiled) },
];
if (process.argv.includes('--check')) {
  for (const { file, text } of outputs) {
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(`${file} is stale: run node packages/core/scripts/generate-builtin-templates.ts`);
      process.exit(1);
    }
    console.log(`${file} is up to date.`);
  }
} else {
  for (const { file, text } of outputs) await writeFile(file, text);
  console.log(`Wrote ${compiled.length} templates to ${outputFile} and their summaries to ${summariesFile}.`);
}
