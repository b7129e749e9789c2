import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/compiler/index.js';
import { govDisclosure2021 } from '../../src/templates/index.js';

const repositoryRoot = new URL('../../../../', import.meta.url);

describe('grammars/examples/province-variant.nbt (the worked example of grammars/README.md)', () => {
  it('compiles without errors or warnings', async () => {
    const result = await compileTemplate(readFileSync(new URL('grammars/examples/province-variant.nbt', repositoryRoot), 'utf8'));
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
    const ir = result.ir;
    expect(ir?.id).toBe('example-province-2022');
    expect(ir?.years).toEqual({ from: 2022 });

    const table = ir?.tables.find((candidate) => candidate.id === 't2-5');
    expect(table?.leafRows).toEqual(['licensing', 'otherServices']);
    expect(table?.rows.map((row) => row.label)).toEqual(['行政许可', '其他对外管理服务事项']);
    expect(ir?.cells.filter((cell) => cell.table.startsWith('t2-')).length).toBe(11);
  });

  it('differs from gov-disclosure-2021 only in its header and the added row', async () => {
    const result = await compileTemplate(readFileSync(new URL('grammars/examples/province-variant.nbt', repositoryRoot), 'utf8'));
    const ir = result.ir;
    expect(ir).toBeDefined();
    const strip = (template: typeof govDisclosure2021) => ({
      ...template,
      id: '',
      title: '',
      notice: '',
      years: { from: 0 },
      tables: template.tables.filter((candidate) => candidate.id !== 't2-5'),
      cells: template.cells.filter((cell) => cell.table !== 't2-5'),
    });
    expect(strip(ir as typeof govDisclosure2021)).toEqual(strip(govDisclosure2021));
  });
});
