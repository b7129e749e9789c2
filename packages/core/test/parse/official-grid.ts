import { buildDocx, cell as docxCell, paragraph as docxParagraph, table as docxTable } from '../read/docx-builder.js';

/**
 * A 2021-format report laid out as the official Word template lays out its tables: merged header cells
 * (colspan/rowspan), group labels spanning their sub-rows, single-value columns merged across three,
 * empty cells written as &nbsp;. Rendered as HTML and as .docx from one description, with the values.
 */

/** A cell of the grid description: text, and how many columns/rows it spans. */
export interface GridCell {
  text: string;
  colspan?: number;
  rowspan?: number;
}

/** A table: its width in grid columns and its rows (cells covered by a rowspan above are omitted). */
export interface Grid {
  columns: number;
  rows: GridCell[][];
}

/** A block of the document: a paragraph or a table. */
export type Block = { paragraph: string } | { grid: Grid };

const c = (text: string, colspan = 1, rowspan = 1): GridCell => ({ text, colspan, rowspan });
const values = (list: (number | null)[]): GridCell[] => list.map((v) => c(v === null ? '\u00a0' : String(v)));

/** Table-3 values, row by row (null = an empty cell). */
export const t3Values: Record<string, (number | null)[]> = {
  newReceived: [12, 3, 0, 1, 0, 0, 16],
  carriedOver: [1, null, null, null, null, null, 1],
  'results.granted': [5, 1, 0, 0, 0, 0, 6],
  'results.partlyGranted': [2, 0, 0, 0, 0, 0, 2],
  'results.refused.stateSecret': [0, 0, 0, 0, 0, 0, 0],
  'results.refused.prohibitedByLaw': [0, 0, 0, 0, 0, 0, 0],
  'results.refused.threeSecurities': [1, 0, 0, 0, 0, 0, 1],
  'results.refused.thirdPartyRights': [0, 0, 0, 0, 0, 0, 0],
  'results.refused.internalAffairs': [0, 0, 0, 0, 0, 0, 0],
  'results.refused.processInformation': [1, 0, 0, 0, 0, 0, 1],
  'results.refused.enforcementFiles': [0, 0, 0, 0, 0, 0, 0],
  'results.refused.administrativeQueries': [0, 0, 0, 0, 0, 0, 0],
  'results.unableToProvide.notHeld': [2, 1, 0, 0, 0, 0, 3],
  'results.unableToProvide.needsCreating': [0, 0, 0, 0, 0, 0, 0],
  'results.unableToProvide.stillUnclear': [0, 0, 0, 0, 0, 0, 0],
  'results.notProcessed.complaints': [1, 0, 0, 0, 0, 0, 1],
  'results.notProcessed.repeated': [0, 0, 0, 0, 0, 0, 0],
  'results.notProcessed.publications': [0, 0, 0, 0, 0, 0, 0],
  'results.notProcessed.excessive': [0, 0, 0, 0, 0, 0, 0],
  'results.notProcessed.confirmation': [0, 0, 0, 0, 0, 0, 0],
  'results.otherProcessing.noCorrection': [0, 0, 0, 0, 0, 0, 0],
  'results.otherProcessing.feeUnpaid': [0, 0, 0, 0, 0, 0, 0],
  'results.otherProcessing.other': [0, 0, 0, 1, 0, 0, 1],
  'results.total': [12, 2, 0, 1, 0, 0, 15],
  carriedForward: [1, 1, 0, 0, 0, 0, 2],
};

/** Table-4 values. */
export const t4Values = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0];

function table2(): Grid {
  const caption = (n: string): GridCell[] => [c(`第二十条第（${n}）项`, 4)];
  return {
    columns: 4,
    rows: [
      caption('一'),
      [c('信息内容'), c('本年制发件数'), c('本年废止件数'), c('现行有效件数')],
      [c('规章'), ...values([1, 0, 5])],
      [c('行政规范性文件'), ...values([3, 1, 20])],
      caption('五'),
      [c('信息内容'), c('本年处理决定数量', 3)],
      [c('行政许可'), c('120', 3)],
      caption('六'),
      [c('信息内容'), c('本年处理决定数量', 3)],
      [c('行政处罚'), c('35', 3)],
      [c('行政强制'), c('4', 3)],
      caption('八'),
      [c('信息内容'), c('本年收费金额（单位：万元）', 3)],
      [c('行政事业性收费'), c('1.5', 3)],
    ],
  };
}

function table3(): Grid {
  const v = (id: string): GridCell[] => values(t3Values[id]);
  const rows: GridCell[][] = [
    [c('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), c('申请人情况', 7)],
    [c('自然人', 1, 2), c('法人或其他组织', 5), c('总计', 1, 2)],
    [c('商业\n企业'), c('科研\n机构'), c('社会公益组织'), c('法律服务机构'), c('其他')],
    [c('一、本年新收政府信息公开申请数量', 3), ...v('newReceived')],
    [c('二、上年结转政府信息公开申请数量', 3), ...v('carriedOver')],
    [c('三、本年度办理结果', 1, 22), c('（一）予以公开', 2), ...v('results.granted')],
    [c('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 2), ...v('results.partlyGranted')],
  ];
  const group = (label: string, ids: [string, string][]): void => {
    ids.forEach(([sub, id], i) => rows.push([...(i === 0 ? [c(label, 1, ids.length)] : []), c(sub), ...v(id)]));
  };
  group('（三）不予公开', [
    ['1.属于国家秘密', 'results.refused.stateSecret'],
    ['2.其他法律行政法规禁止公开', 'results.refused.prohibitedByLaw'],
    ['3.危及“三安全一稳定”', 'results.refused.threeSecurities'],
    ['4.保护第三方合法权益', 'results.refused.thirdPartyRights'],
    ['5.属于三类内部事务信息', 'results.refused.internalAffairs'],
    ['6.属于四类过程性信息', 'results.refused.processInformation'],
    ['7.属于行政执法案卷', 'results.refused.enforcementFiles'],
    ['8.属于行政查询事项', 'results.refused.administrativeQueries'],
  ]);
  group('（四）无法提供', [
    ['1.本机关不掌握相关政府信息', 'results.unableToProvide.notHeld'],
    ['2.没有现成信息需要另行制作', 'results.unableToProvide.needsCreating'],
    ['3.补正后申请内容仍不明确', 'results.unableToProvide.stillUnclear'],
  ]);
  group('（五）不予处理', [
    ['1.信访举报投诉类申请', 'results.notProcessed.complaints'],
    ['2.重复申请', 'results.notProcessed.repeated'],
    ['3.要求提供公开出版物', 'results.notProcessed.publications'],
    ['4.无正当理由大量反复申请', 'results.notProcessed.excessive'],
    ['5.要求行政机关确认或重新出具已获取信息', 'results.notProcessed.confirmation'],
  ]);
  group('（六）其他处理', [
    ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'results.otherProcessing.noCorrection'],
    ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'results.otherProcessing.feeUnpaid'],
    ['3.其他', 'results.otherProcessing.other'],
  ]);
  rows.push([c('（七）总计', 2), ...v('results.total')]);
  rows.push([c('四、结转下年度继续办理', 3), ...v('carriedForward')]);
  return { columns: 10, rows };
}

function table4(): Grid {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return {
    columns: 15,
    rows: [
      [c('行政复议', 5, 2), c('行政诉讼', 10)],
      [c('未经复议直接起诉', 5), c('复议后起诉', 5)],
      [...results, ...results, ...results].map((r) => c(r)),
      values(t4Values),
    ],
  };
}

/** The document: title, six sections, the tables of sections 二–四. */
export function officialReport(): Block[] {
  return [
    { paragraph: '示例县示例局2022年政府信息公开工作年度报告' },
    { paragraph: '一、总体情况' },
    { paragraph: '本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息120条。' },
    { paragraph: '二、主动公开政府信息情况' },
    { grid: table2() },
    { paragraph: '三、收到和处理政府信息公开申请情况' },
    { grid: table3() },
    { paragraph: '四、政府信息公开行政复议、行政诉讼情况' },
    { grid: table4() },
    { paragraph: '五、存在的主要问题及改进情况' },
    { paragraph: '政策解读形式还不够丰富。下一步将加强培训，提高信息发布质量。' },
    { paragraph: '六、其他需要报告的事项' },
    { paragraph: '本年度未收取信息处理费。' },
  ];
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\u00a0/g, '&nbsp;').replace(/\n/g, '<br>');
}

/** The document as an HTML page. */
export function officialReportHtml(): string {
  const body = officialReport()
    .map((b) => {
      if ('paragraph' in b) return `<p>${escape(b.paragraph)}</p>`;
      const rows = b.grid.rows.map(
        (r) =>
          `<tr>${r
            .map((cell) => {
              const span = `${(cell.colspan ?? 1) > 1 ? ` colspan="${cell.colspan}"` : ''}${(cell.rowspan ?? 1) > 1 ? ` rowspan="${cell.rowspan}"` : ''}`;
              return `<td${span}>${escape(cell.text)}</td>`;
            })
            .join('')}</tr>`,
      );
      return `<table border="1" cellspacing="0">\n${rows.join('\n')}\n</table>`;
    })
    .join('\n');
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>年度报告</title></head><body>\n${body}\n</body></html>\n`;
}

/** The document as a .docx (gridSpan for colspan, vMerge for rowspan). */
export async function officialReportDocx(): Promise<Uint8Array> {
  const parts = officialReport().map((b) => {
    if ('paragraph' in b) return docxParagraph(b.paragraph);
    const grid = b.grid;
    // Columns still covered by a vertical merge from above: column → rows left.
    const covered = new Map<number, { left: number; span: number }>();
    const rows = grid.rows.map((r) => {
      const out: string[] = [];
      let column = 0;
      let i = 0;
      while (column < grid.columns) {
        const cover = covered.get(column);
        if (cover && cover.left > 0) {
          const span = cover.span > 1 ? `<w:gridSpan w:val="${cover.span}"/>` : '';
          out.push(docxCell('', `${span}<w:vMerge/>`));
          cover.left--;
          column += cover.span;
          continue;
        }
        const cell = r[i++];
        if (!cell) break;
        const colspan = cell.colspan ?? 1;
        const rowspan = cell.rowspan ?? 1;
        let props = colspan > 1 ? `<w:gridSpan w:val="${colspan}"/>` : '';
        if (rowspan > 1) {
          props += '<w:vMerge w:val="restart"/>';
          covered.set(column, { left: rowspan - 1, span: colspan });
        }
        out.push(docxCell(cell.text.replace(/\n/g, '').replace(/\u00a0/g, ' '), props));
        column += colspan;
      }
      return out;
    });
    return docxTable(grid.columns, rows);
  });
  return buildDocx(parts.join(''));
}
