import { readFileSync } from 'node:fs';
import { URI, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { createNianbaoTemplateServices, type TemplateFile } from '../src/index.js';

const repositoryRoot = new URL('../../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, repositoryRoot), 'utf8');
const base2021 = { uri: 'grammars/gov-disclosure-2021.nbt', text: read('grammars/gov-disclosure-2021.nbt') };

/** Builds a template as an editor does: the document as written, linked and validated by Langium's builder. */
async function build(text: string, withResolver = true): Promise<LangiumDocument<TemplateFile>> {
  const { shared, NianbaoTemplate } = createNianbaoTemplateServices();
  if (withResolver) NianbaoTemplate.inheritance.InheritedTemplates.setResolver((id) => (id === 'gov-disclosure-2021' ? base2021 : undefined));
  const document = shared.workspace.LangiumDocumentFactory.fromString<TemplateFile>(text, URI.parse('file:///work/next-revision.nbt'));
  shared.workspace.LangiumDocuments.addDocument(document);
  await shared.workspace.DocumentBuilder.build([document], { validation: true });
  return document;
}

const unresolved = (document: LangiumDocument) =>
  (document.diagnostics ?? []).filter((d) => (d.data as { code?: string } | undefined)?.code === 'linking-error').map((d) => d.message);

describe('scopes of a template that extends another (as the editor builds it)', () => {
  it('resolves inherited tables, sections, rows and columns: no false unresolved references', async () => {
    const document = await build(read('grammars/examples/next-revision.nbt'));
    expect(unresolved(document)).toEqual([]);
    const rule = document.parseResult.value.template!.members.find((m) => m.$type === 'ReplaceOperation');
    expect(rule).toBeDefined();
  });

  it('resolves rows a patch added, and not those a patch removed', async () => {
    const text = read('grammars/examples/next-revision.nbt').replace(
      '    // Section 五 must now say',
      `    rule W1 on t3 warning {
        title "撤回" en "Withdrawn"
        message "撤回" en "Withdrawn"
        for each column:
            [results.otherProcessing.withdrawn, column] <= [newReceived, column]
    }
    rule W2 on t4 warning {
        title "复议后起诉" en "After review"
        message "复议后起诉" en "After review"
        [cases, litigation.afterReview.total] >= 1
    }
    // Section 五 must now say`,
    );
    const document = await build(text);
    expect(unresolved(document)).toHaveLength(1);
    expect(unresolved(document)[0]).toContain('litigation.afterReview.total');
  });

  it('without a resolver (no base known) the inherited names stay unresolved', async () => {
    const document = await build(read('grammars/examples/next-revision.nbt'), false);
    expect(unresolved(document).length).toBeGreaterThan(0);
  });
});
