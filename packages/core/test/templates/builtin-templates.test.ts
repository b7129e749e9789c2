import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/compiler/index.js';
import { builtinTemplateSources, renderBuiltinTemplateSummariesModule, renderBuiltinTemplatesModule } from '../../src/compiler/builtin-template-sources.js';
import type { TemplateIR } from '../../src/ir/template-ir.js';
import { parseTemplateIR } from '../../src/ir/template-ir.js';
import {
  builtinTemplateSummaries,
  builtinTemplates,
  getBuiltinTemplate,
  govDisclosure2019,
  govDisclosure2021,
  govDisclosurePre2019,
  summarizeTemplate,
  withSupersession,
} from '../../src/templates/index.js';
import { expectGeneratedFilesCurrent } from '../generator-script.js';

const repositoryRoot = new URL('../../../../', import.meta.url);
const generatedFile = new URL('packages/core/src/generated/builtin-templates.ts', repositoryRoot);
const generatedSummariesFile = new URL('packages/core/src/generated/builtin-template-summaries.ts', repositoryRoot);

describe('built-in templates', () => {
  it('src/generated/builtin-templates.ts is what grammars/*.nbt compile to (run `node packages/core/scripts/generate-builtin-templates.ts` when this fails)', async () => {
    const compiled: Array<(typeof builtinTemplateSources)[number] & { ir: TemplateIR; text: string }> = [];
    for (const source of builtinTemplateSources) {
      const text = readFileSync(new URL(source.file, repositoryRoot), 'utf8');
      const result = await compileTemplate(text, { uri: source.file });
      expect(result.ir, source.file).toBeDefined();
      compiled.push({ ...source, ir: result.ir as TemplateIR, text });
    }
    expect(builtinTemplates).toEqual(compiled.map((template) => template.ir));
    expect(readFileSync(generatedFile, 'utf8') === renderBuiltinTemplatesModule(compiled), 'generated module text is stale').toBe(true);
    expect(readFileSync(generatedSummariesFile, 'utf8') === renderBuiltinTemplateSummariesModule(compiled), 'generated summaries are stale').toBe(true);
  });

  it('the generator script itself runs on Node and finds the files current (it loads the compiler with Node\'s own type stripping, which refuses syntax vitest accepts, such as parameter properties)', () => {
    expectGeneratedFilesCurrent('packages/core/scripts/generate-builtin-templates.ts');
  }, 70_000);

  it('ships a summary of each, in their order: id, title, notice, years, superseded ids and source file', () => {
    expect(builtinTemplateSummaries).toEqual(
      builtinTemplates.map((template, index) => ({ ...summarizeTemplate(template), file: builtinTemplateSources[index].file })),
    );
    expect(builtinTemplateSummaries.map((summary) => summary.id)).toEqual(builtinTemplateSources.map((source) => source.id));
    // Supersession reads and changes only what a summary has.
    expect(withSupersession(builtinTemplateSummaries).map((summary) => summary.years)).toEqual(
      withSupersession(builtinTemplates).map((template) => template.years),
    );
    const superseding = { ...summarizeTemplate(govDisclosure2021), id: 'next', years: { from: 2026 }, supersedes: ['gov-disclosure-2021'] };
    expect(withSupersession([...builtinTemplateSummaries, superseding]).find((summary) => summary.id === 'gov-disclosure-2021')?.years).toEqual({ from: 2021, to: 2025 });
  });

  it('ships the two official templates, oldest first, then the pre-2019 statistics format, each a valid IR', () => {
    expect(builtinTemplates.map((template) => template.id)).toEqual(['gov-disclosure-2019', 'gov-disclosure-2021', 'gov-disclosure-pre2019']);
    for (const template of builtinTemplates) {
      expect(parseTemplateIR(template)).toEqual(template);
    }
    expect(builtinTemplates).toEqual([govDisclosure2019, govDisclosure2021, govDisclosurePre2019]);
  });

  it('finds a template by id', () => {
    expect(getBuiltinTemplate('gov-disclosure-2021')).toBe(govDisclosure2021);
    expect(getBuiltinTemplate('gov-disclosure-2019')?.notice).toBe('国办公开办函〔2019〕60号');
    expect(getBuiltinTemplate('gov-disclosure-2030')).toBeUndefined();
  });

  it('the source list matches the template ids declared in the files', () => {
    for (const source of builtinTemplateSources) {
      expect(readFileSync(new URL(source.file, repositoryRoot), 'utf8')).toContain(`template ${source.id} {`);
    }
  });

  it('tells the formats apart by their markers', () => {
    const markers = (template: TemplateIR): string[] => template.markers.map((marker) => marker.text);
    expect(markers(govDisclosure2019)).toEqual(['本年新制作数量', '上一年项目数量', '本年增/减', '第二十条第（九）项', '政府集中采购', '其他对外管理服务事项']);
    expect(markers(govDisclosure2021)).toEqual(['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额（单位：万元）', '逾期不补正']);
    for (const template of [govDisclosure2019, govDisclosure2021]) {
      expect(template.legacyMarkers).toEqual(['政府信息公开情况统计表', '指标名称', '计量单位', '历年累计']);
    }
    // The official formats' legacy markers are the pre-2019 format's own markers: a report in it is detected as it.
    const own = markers(govDisclosurePre2019);
    for (const legacy of govDisclosure2021.legacyMarkers) expect(own).toContain(legacy);
    expect(govDisclosurePre2019.legacyMarkers).toEqual([]);
  });
});
