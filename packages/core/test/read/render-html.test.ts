import { describe, expect, it } from 'vitest';
import { identityView, isRenderingOf, rangeToOriginal, renderHtml } from '../../src/read/index.js';

/** The source text behind derived [start, end). */
function sourceOf(html: string, view: ReturnType<typeof renderHtml>, start: number, end: number): string {
  const r = rangeToOriginal(view, { start, end });
  return html.slice(r.start, r.end);
}

describe('renderHtml', () => {
  it('knows the views it made and the HTML each renders', () => {
    const html = '<p>一</p><table><tr><td>1</td><td>2</td></tr></table>';
    const view = renderHtml(html);
    expect(isRenderingOf(view, html)).toBe(true);
    expect(isRenderingOf(view, `${html} `)).toBe(false);
    expect(isRenderingOf(renderHtml(`${html} `), html)).toBe(false);
    expect(isRenderingOf(identityView(html), html)).toBe(false);
    // A string with the same characters is the same HTML.
    expect(isRenderingOf(view, [...html].join(''))).toBe(true);
  });

  it('renders blocks as lines, collapses whitespace, decodes entities and drops head/script/style', () => {
    const html =
      '<!DOCTYPE html><html><head><title>标题</title><style>p{color:red}</style></head><body>\n' +
      '<h1>  关于 2020 年\n政府信息公开 </h1><p>a&amp;b<br>第二行&nbsp;&nbsp;x</p>' +
      '<script>document.write("<p>no</p>")</script><div hidden>隐藏</div><div style="display: none">也隐藏</div>' +
      '<ul><li>一</li><li>二</li></ul><!-- 注释 --><p>  </p><p>末<span>尾</span></p></body></html>';
    const view = renderHtml(html);
    expect(view.text).toBe('关于 2020 年 政府信息公开\na&b\n第二行 x\n一\n二\n末尾\n');
    const amp = view.text.indexOf('&');
    expect(view.toOriginal(amp)).toBe(html.indexOf('&amp;'));
    expect(sourceOf(html, view, amp, amp + 1)).toBe('&amp;');
    const second = view.text.indexOf('第二行');
    expect(sourceOf(html, view, second, second + 3)).toBe('第二行');
    expect(sourceOf(html, view, second + 4, second + 5)).toBe('x');
    const title = view.text.indexOf('政府信息公开');
    expect(view.toOriginal(title)).toBe(html.indexOf('政府信息公开'));
  });

  it('lays a table with rowspan, colspan and &nbsp; cells out as a full grid, one row per line', () => {
    const html = [
      '<table>',
      '<tr><th rowspan="2">项目</th><th colspan="3">申请人情况</th><th rowspan="2">总计</th></tr>',
      '<tr><td>自然人</td><td>法人&amp;组织</td><td>其他</td></tr>',
      '<tr><td>一、本年新收</td><td> 23 </td><td>&nbsp;</td><td></td><td>23</td></tr>',
      '<tr><td colspan="2">二、上年结转</td><td>0</td></tr>',
      '</table>',
    ].join('\n');
    const view = renderHtml(html);
    expect(view.text).toBe(
      [
        '项目\t申请人情况\t\t\t总计',
        '\t自然人\t法人&组织\t其他\t',
        '一、本年新收\t23\t\t\t23',
        '二、上年结转\t\t0\t\t',
        '',
      ].join('\n'),
    );
    const lines = view.text.split('\n');
    expect(lines.slice(0, 4).every((line) => line.split('\t').length === 5)).toBe(true);
    // Each cell's text maps onto the cell's text in the source.
    const lineStart = (n: number) => lines.slice(0, n).reduce((sum, line) => sum + line.length + 1, 0);
    const cell = (row: number, column: number) => {
      const start = lineStart(row) + lines[row].split('\t').slice(0, column).reduce((s, c) => s + c.length + 1, 0);
      return { start, end: start + lines[row].split('\t')[column].length };
    };
    const at = (row: number, column: number) => {
      const c = cell(row, column);
      return sourceOf(html, view, c.start, c.end);
    };
    expect(at(0, 1)).toBe('申请人情况');
    expect(at(2, 1)).toBe('23');
    expect(rangeToOriginal(view, cell(2, 1)).start).toBe(html.indexOf(' 23 ') + 1);
    expect(at(1, 2)).toBe('法人&amp;组织');
    expect(at(3, 2)).toBe('0');
    expect(rangeToOriginal(view, cell(3, 2)).start).toBe(html.lastIndexOf('<td>0</td>') + 4);
    // Blank cells are empty ranges that still map inside the table.
    const blank = cell(2, 2);
    expect(blank.end).toBe(blank.start);
    const mapped = view.toOriginal(blank.start);
    expect(mapped).toBeGreaterThan(html.indexOf('23'));
    expect(mapped).toBeLessThanOrEqual(html.indexOf('<td></td>') + 4);
  });

  it('keeps a cell on one line: <p> and <br> inside cells become spaces, nested tables are flattened', () => {
    const html =
      '<table><tr><td><p>行政</p><p>许可</p></td><td>1<br>2</td>' +
      '<td><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>';
    expect(renderHtml(html).text).toBe('行政 许可\t1 2\ta b\n');
  });

  it('renders a page laid out with tables as blocks, and the data tables in its cells as grids', () => {
    const prose = '本机关认真贯彻落实条例，'.repeat(30);
    const html =
      '<table><tr><td>首页</td><td>政务公开</td></tr></table>' +
      '<table><tr><td><table><tr><td>指南</td></tr><tr><td>年报</td></tr></table></td>' +
      `<td><p>示例局2022年年度报告</p><p>${prose}</p><table><tr><td>规章</td><td>0</td></tr><tr><td>行政许可</td><td>12</td></tr></table><p>完</p></td></tr></table>`;
    expect(renderHtml(html).text).toBe(`首页\t政务公开\n指南\n年报\n示例局2022年年度报告\n${prose}\n规章\t0\n行政许可\t12\n完\n`);
  });

  it('maps an empty cell into its own <td>, not the next one', () => {
    const html = '<table><tr><td>规章</td><td><p><span>&nbsp;</span></p></td><td>5</td></tr></table>';
    const view = renderHtml(html);
    expect(view.text).toBe('规章\t\t5\n');
    const empty = view.text.indexOf('\t') + 1;
    const at = rangeToOriginal(view, { start: empty, end: empty }).start;
    expect(html.slice(at)).toMatch(/^&nbsp;<\/span><\/p><\/td><td>5/u);
  });

  it('renders a caption and text around tables on their own lines', () => {
    const html = '<p>表一</p><table><caption>主动公开</caption><tbody><tr><td>规章</td><td>0</td></tr></tbody></table>后记';
    expect(renderHtml(html).text).toBe('表一\n主动公开\n规章\t0\n后记');
  });

  it('copes with unclosed tags and stray markup', () => {
    const html = '<table><tr><td>1<td>2<tr><td>3</table><p>x<p>y';
    expect(renderHtml(html).text).toBe('1\t2\n3\t\nx\ny\n');
  });

  it('maps monotonically and within the source', () => {
    const html = '<p>a&lt;b</p><table><tr><td rowspan=3>x</td><td>&#20013;</td></tr><tr><td>y</td></tr></table>';
    const view = renderHtml(html);
    let previous = 0;
    for (let i = 0; i <= view.text.length; i++) {
      const o = view.toOriginal(i);
      expect(o).toBeGreaterThanOrEqual(previous);
      expect(o).toBeLessThanOrEqual(html.length);
      previous = o;
    }
  });
  describe('layout tables', () => {
    /** Whether the table of `cell` and a cell `x` renders as a grid (the two on one line, TAB between). */
    const isGrid = (cell: string) => renderHtml(`<table><tr><td>${cell}</td><td>x</td></tr><tr><td>1</td><td>2</td></tr></table>`).text.includes('\tx');

    it('counts the text of a cell as trim() leaves it: long text in several blocks lays out a page', () => {
      const blocks = (a: number, b: number, edge: string) => `<p>${edge}${'字'.repeat(a)}${edge}</p><p>${edge}${'a'.repeat(b)}${edge}</p>`;
      expect(isGrid(blocks(150, 150, ''))).toBe(true);
      expect(isGrid(blocks(150, 151, ''))).toBe(false);
      // Whitespace at the edges of the text runs (ASCII, NBSP, the ideographic space, U+2028, U+FEFF) is not counted.
      for (const edge of [' ', '\n', '\u00A0', '\u3000', '\u2028', '\uFEFF']) {
        expect(isGrid(blocks(150, 150, edge.repeat(3)))).toBe(true);
        expect(isGrid(blocks(151, 150, edge))).toBe(false);
      }
      // Inside a run, it is.
      expect(isGrid(`<p>${'字'.repeat(150)}\u3000${'字'.repeat(150)}</p><br>`)).toBe(false);
      // One block is not enough, whatever the text.
      expect(isGrid(`<p>${'字'.repeat(400)}</p>`)).toBe(true);
    });

    it('a cell holding a table of several rows, in row groups or not, lays out a page; of one row, not', () => {
      expect(isGrid('<table><tr><td>a</td></tr></table>')).toBe(true);
      expect(isGrid('<table><tbody><tr><td>a</td></tr></tbody></table>')).toBe(true);
      expect(isGrid('<table><tr><td>a</td></tr><tr><td>b</td></tr></table>')).toBe(false);
      expect(isGrid('<div><table><thead><tr><td>a</td></tr></thead><tbody><tr><td>b</td></tr></tbody></table></div>')).toBe(false);
      expect(isGrid('<table><tbody><tbody><tr><td>a</td></tr></tbody><tr><td>b</td></tr></tbody></table>')).toBe(false);
    });
  });
});
