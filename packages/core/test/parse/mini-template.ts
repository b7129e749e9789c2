import { parseTemplateIR, type AxisNode, type TemplateIR } from '../../src/ir/template-ir.js';

/**
 * A small made-up template (not one of the official formats), to show that the parser knows nothing
 * about the official formats: two sections, a captioned table with a row equation, an unlabelled table.
 */

const leaf = (id: string, label: string, aliases: string[] = []): AxisNode => ({ id, label, aliases, children: [] });
const text = (s: string) => ({ 'zh-CN': s, en: s });

export function miniTemplate(): TemplateIR {
  const rows = [leaf('a', '甲类事项'), leaf('b', '乙类事项', ['乙类']), { ...leaf('g', '（三）其他事项'), children: [leaf('g.x', '1.丙项'), leaf('g.y', '2.丁项')] }];
  const columns = [leaf('now', '本年数量'), leaf('before', '上年数量'), leaf('sum', '合计')];
  const leafRows = ['a', 'b', 'g.x', 'g.y'];
  const cells = leafRows.flatMap((r) =>
    ['now', 'before', 'sum'].map((c) => ({ id: `tA.${r}.${c}`, table: 'tA', row: r, column: c, type: { kind: 'count' as const } })),
  );
  const single = [leaf('p', '维持'), leaf('q', '纠正'), leaf('s', '小计')];
  cells.push(...['p', 'q', 's'].map((c) => ({ id: `tB.only.${c}`, table: 'tB', row: 'only', column: c, type: { kind: 'count' as const } })));
  return parseTemplateIR({
    irVersion: 1,
    id: 'mini',
    title: '测试模板',
    notice: '无',
    years: { from: 2000 },
    markers: [{ text: '甲类事项', weight: 1 }],
    legacyMarkers: [],
    sections: [
      { id: 's1', numeral: '一', heading: '基本情况', aliases: ['总体概况'], kind: 'prose', required: true, tables: [] },
      { id: 's2', numeral: '二', heading: '事项统计', aliases: [], kind: 'table', required: true, tables: ['tA'] },
      { id: 's3', numeral: '三', heading: '复核情况', aliases: [], kind: 'table', required: true, tables: ['tB'] },
    ],
    tables: [
      {
        id: 'tA',
        label: '事项统计',
        section: 's2',
        caption: '表一 事项统计表',
        corner: '项目',
        columns,
        rows,
        cellType: { kind: 'count' },
        leafColumns: ['now', 'before', 'sum'],
        leafRows,
      },
      {
        id: 'tB',
        label: '复核',
        section: 's3',
        columns: single,
        rows: [leaf('only', '')],
        cellType: { kind: 'count' },
        leafColumns: ['p', 'q', 's'],
        leafRows: ['only'],
      },
    ],
    cells,
    rules: [
      {
        kind: 'arithmetic',
        id: 'SUM',
        title: text('合计'),
        severity: 'error',
        message: text('合计不符'),
        blank: 'zero',
        tolerance: 0,
        table: 'tA',
        equations: leafRows.map((r) => ({
          id: `SUM[${r}]`,
          lhs: [{ cell: `tA.${r}.sum`, coef: 1 }],
          op: '=' as const,
          rhs: [{ cell: `tA.${r}.now`, coef: 1 }, { cell: `tA.${r}.before`, coef: 1 }],
          bindings: { row: r },
        })),
      },
      {
        kind: 'arithmetic',
        id: 'SUB',
        title: text('小计'),
        severity: 'error',
        message: text('小计不符'),
        blank: 'zero',
        tolerance: 0,
        table: 'tB',
        equations: [
          {
            id: 'SUB[only]',
            lhs: [{ cell: 'tB.only.s', coef: 1 }],
            op: '=' as const,
            rhs: [{ cell: 'tB.only.p', coef: 1 }, { cell: 'tB.only.q', coef: 1 }],
            bindings: {},
          },
        ],
      },
    ],
    checks: {
      blankCells: { enabled: true, severity: 'warning' },
      approximateNumbers: { enabled: true, severity: 'warning' },
      units: { enabled: true, severity: 'warning' },
      garbledText: { enabled: true, severity: 'warning' },
      converterArtefacts: { enabled: true, severity: 'warning' },
      headingWording: { enabled: true, severity: 'warning' },
      templateYear: { enabled: true, severity: 'warning' },
    },
  });
}
