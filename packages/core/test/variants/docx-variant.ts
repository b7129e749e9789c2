import { buildDocx } from '../read/docx-builder.js';
import { T3_EXPECTED, T4_EXPECTED } from './variant-helpers.js';

/**
 * Variant 2: the variant report as Word saves it (.docx): runs split by formatting, bookmarks and
 * proofing marks between runs, headings as bold runs, the official tables with `gridSpan` for merged
 * columns and `vMerge` for the group cells that span rows (三、本年度办理结果, （三）不予公开 …, the
 * applicant header, table 4's three-level header), "商业"/"企业" as two paragraphs of one cell, and the
 * five applicant cells of 二、上年结转 left empty (an empty paragraph).
 */

const FONT = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>';
const BOLD = '<w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="32"/></w:rPr>';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A run of text. */
function run(text: string, properties = FONT): string {
  return `<w:r>${properties}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
}

/** A paragraph whose text is split into runs at `cuts` (as Word does after edits), with a proofing mark. */
function paragraph(text: string, options: { bold?: boolean; cuts?: number[]; center?: boolean } = {}): string {
  const cuts = [0, ...(options.cuts ?? []).filter((c) => c > 0 && c < text.length), text.length];
  const runs: string[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    if (i === 1) runs.push('<w:proofErr w:type="gramStart"/>');
    runs.push(run(text.slice(cuts[i], cuts[i + 1]), options.bold ? BOLD : FONT));
  }
  const pPr = `<w:pPr>${options.center ? '<w:jc w:val="center"/>' : '<w:ind w:firstLineChars="200" w:firstLine="640"/>'}</w:pPr>`;
  return `<w:p>${pPr}${runs.join('')}</w:p>`;
}

interface Cell {
  /** Paragraphs of the cell ('' for an empty paragraph). */
  lines: string[];
  span?: number;
  merge?: 'restart' | 'continue';
}

const cell = (text: string, span = 1, merge?: Cell['merge']): Cell => ({ lines: text.split('\n'), span, merge });
const empty = (): Cell => ({ lines: [''] });

function tableXml(columns: number, rows: Cell[][]): string {
  const grid = '<w:gridCol w:w="800"/>'.repeat(columns);
  const rowXml = rows.map((cells) => {
    const tcs = cells.map((c) => {
      const props = `${(c.span ?? 1) > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ''}${c.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.merge === 'continue' ? '<w:vMerge/>' : ''}<w:vAlign w:val="center"/>`;
      const paragraphs = (c.merge === 'continue' ? [''] : c.lines).map((line) =>
        line === '' ? '<w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p>' : `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run(line)}</w:p>`,
      );
      return `<w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/>${props}</w:tcPr>${paragraphs.join('')}</w:tc>`;
    });
    return `<w:tr><w:trPr><w:jc w:val="center"/></w:trPr>${tcs.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rowXml.join('')}</w:tbl>`;
}

const numbers = (values: number[], blanks: number[] = []): Cell[] => values.map((v, i) => (blanks.includes(i) ? empty() : cell(String(v))));

function table2(): string {
  const caption = (n: string): Cell[] => [cell(`第二十条第（${n}）项`, 4)];
  return tableXml(4, [
    caption('一'),
    [cell('信息内容'), cell('本年制发件数'), cell('本年废止件数'), cell('现行有效件数')],
    [cell('规章'), ...numbers([0, 0, 0])],
    [cell('行政规范性文件'), ...numbers([3, 1, 12])],
    caption('五'),
    [cell('信息内容'), cell('本年处理决定数量', 3)],
    [cell('行政许可'), cell('1085', 3)],
    caption('六'),
    [cell('信息内容'), cell('本年处理决定数量', 3)],
    [cell('行政处罚'), cell('326', 3)],
    [cell('行政强制'), cell('41', 3)],
    caption('八'),
    [cell('信息内容'), cell('本年收费金额（单位：万元）', 3)],
    [cell('行政事业性收费'), cell('0', 3)],
  ]);
}

const GROUPS: [string, [string, string][]][] = [
  ['（三）不予公开', [
    ['1.属于国家秘密', 'results.refused.stateSecret'],
    ['2.其他法律行政法规禁止公开', 'results.refused.prohibitedByLaw'],
    ['3.危及“三安全一稳定”', 'results.refused.threeSecurities'],
    ['4.保护第三方合法权益', 'results.refused.thirdPartyRights'],
    ['5.属于三类内部事务信息', 'results.refused.internalAffairs'],
    ['6.属于四类过程性信息', 'results.refused.processInformation'],
    ['7.属于行政执法案卷', 'results.refused.enforcementFiles'],
    ['8.属于行政查询事项', 'results.refused.administrativeQueries'],
  ]],
  ['（四）无法提供', [
    ['1.本机关不掌握相关政府信息', 'results.unableToProvide.notHeld'],
    ['2.没有现成信息需要另行制作', 'results.unableToProvide.needsCreating'],
    ['3.补正后申请内容仍不明确', 'results.unableToProvide.stillUnclear'],
  ]],
  ['（五）不予处理', [
    ['1.信访举报投诉类申请', 'results.notProcessed.complaints'],
    ['2.重复申请', 'results.notProcessed.repeated'],
    ['3.要求提供公开出版物', 'results.notProcessed.publications'],
    ['4.无正当理由大量反复申请', 'results.notProcessed.excessive'],
    ['5.要求行政机关确认或重新出具已获取信息', 'results.notProcessed.confirmation'],
  ]],
  ['（六）其他处理', [
    ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'results.otherProcessing.noCorrection'],
    ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'results.otherProcessing.feeUnpaid'],
    ['3.其他', 'results.otherProcessing.other'],
  ]],
];

function table3(): string {
  const v = (id: string, blanks: number[] = []) => numbers(T3_EXPECTED[id], blanks);
  const corner = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
  const rows: Cell[][] = [
    [cell(corner, 3, 'restart'), cell('申请人情况', 7)],
    [cell('', 3, 'continue'), cell('自然人', 1, 'restart'), cell('法人或其他组织', 5), cell('总计', 1, 'restart')],
    [cell('', 3, 'continue'), cell('', 1, 'continue'), cell('商业\n企业'), cell('科研\n机构'), cell('社会公益组织'), cell('法律服务机构'), cell('其他'), cell('', 1, 'continue')],
    [cell('一、本年新收政府信息公开申请数量', 3), ...v('newReceived')],
    [cell('二、上年结转政府信息公开申请数量', 3), ...v('carriedOver', [1, 2, 3, 4, 5])],
    [cell('三、本年度办理结果', 1, 'restart'), cell('（一）予以公开', 2), ...v('results.granted')],
    [cell('', 1, 'continue'), cell('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 2), ...v('results.partlyGranted')],
  ];
  for (const [group, members] of GROUPS) {
    members.forEach(([label, id], i) =>
      rows.push([cell('', 1, 'continue'), i === 0 ? cell(group, 1, 'restart') : cell('', 1, 'continue'), cell(label), ...v(id)]),
    );
  }
  rows.push([cell('', 1, 'continue'), cell('（七）总计', 2), ...v('results.total')]);
  rows.push([cell('四、结转下年度继续办理', 3), ...v('carriedForward')]);
  return tableXml(10, rows);
}

function table4(): string {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return tableXml(15, [
    [cell('行政复议', 5), cell('行政诉讼', 10)],
    [...results.map((r) => cell(r, 1, 'restart')), cell('未经复议直接起诉', 5), cell('复议后起诉', 5)],
    [...results.map(() => cell('', 1, 'continue')), ...[...results, ...results].map((r) => cell(r))],
    numbers(T4_EXPECTED),
  ]);
}

/** The variant report as a .docx. */
export function variantDocx(): Promise<Uint8Array> {
  const body = [
    paragraph('示范县市场监督管理局', { center: true }),
    paragraph('2022年政府信息公开工作年度报告', { center: true, cuts: [5] }),
    '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>',
    paragraph('本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。', { cuts: [12, 40] }),
    paragraph('一、总体情况', { bold: true, cuts: [2] }),
    paragraph('2022年，示范县市场监督管理局认真贯彻落实《条例》，不断提升政府信息公开工作质量。', { cuts: [5] }),
    paragraph('（二）依申请公开。全年共收到政府信息公开申请17件，上年结转1件。其中予以公开7件，部分公开2件，不予公开2件，无法提供3件，不予处理1件，其他处理1件，结转下年度继续办理2件。', { cuts: [9, 30, 31] }),
    paragraph('（五）监督保障。全年因政府信息公开工作被申请行政复议2件，被提起行政诉讼1件。'),
    paragraph('二、主动公开政府信息情况', { bold: true }),
    table2(),
    paragraph('三、收到和处理政府信息公开申请情况', { bold: true, cuts: [2, 9] }),
    table3(),
    paragraph('四、政府信息公开行政复议、行政诉讼情况', { bold: true }),
    table4(),
    paragraph('五、存在的主要问题及改进情况', { bold: true }),
    paragraph('一是政策解读形式还比较单一。下一步将丰富解读形式。二是依申请公开答复的说理还不够充分。下一步将加强业务培训。'),
    paragraph('六、其他需要报告的事项', { bold: true }),
    paragraph('本年度未收取信息处理费。'),
    paragraph('示范县市场监督管理局', { center: true }),
    paragraph('2023年1月18日', { center: true }),
  ];
  return buildDocx(body.join(''));
}
