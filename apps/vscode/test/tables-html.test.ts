import { describe, expect, it } from 'vitest';
import type { ReportTables } from '@nianbao/language-server/protocol';
import { escapeHtml, tablesPage } from '../src/webview/tables-html.js';

const strings = { title: '报告表格', notFound: '未找到', noReport: '不是报告', legend: '说明' };

describe('tables webview page', () => {
  it('renders headers, values, failing and involved cells, and escapes text', () => {
    const tables: ReportTables = {
      uri: 'file:///r.md',
      version: 3,
      template: { id: 't', title: '模板<一>' },
      year: 2020,
      agency: '某局',
      tables: [
        {
          id: 't3',
          label: '申请情况',
          found: true,
          header: [[{ label: '', colspan: 1, rowspan: 1 }, { label: '自然人', colspan: 1, rowspan: 1 }, { label: '总计', colspan: 1, rowspan: 1 }]],
          rows: [
            {
              id: 'total',
              labels: ['三、本年度办理结果', '（七）总计'],
              found: true,
              cells: [
                { id: 't3.total.p', raw: '0', value: 0, state: 'number', severity: 'error', involved: false, messages: ['应为 2 & more'], range: { start: { line: 340, character: 1 }, end: { line: 340, character: 2 } } },
                { id: 't3.total.t', raw: '', value: null, state: 'blank', involved: true, messages: ['x'] },
              ],
            },
          ],
        },
        { id: 't4', label: '复议诉讼', found: false, header: [], rows: [] },
      ],
    };
    const html = tablesPage(tables, strings, 'abc', 'vscode-resource:');
    expect(html).toContain('模板&lt;一&gt;');
    expect(html).toContain('三、本年度办理结果 › （七）总计');
    expect(html).toMatch(/<td class="value error" title="t3\.total\.p\n应为 2 &amp; more" data-cell="t3\.total\.p" data-line="340" data-character="1">0<\/td>/u);
    expect(html).toContain('class="value blank involved"');
    expect(html).toContain('未找到');
    expect(html).toContain("script-src 'nonce-abc'");
  });

  it('says so when the document is not a report', () => {
    expect(tablesPage(null, strings, 'n', 'c')).toContain('不是报告');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
