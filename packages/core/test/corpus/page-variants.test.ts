import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/index.js';
import { checkText, corpusText } from './corpus-helpers.js';
import { articlePage, articleText } from './page-variant.js';

/**
 * Real reports as web pages (issue 14, items 2 and 3): the same page saved as .html, as .txt, as .md and
 * without extension is read as HTML by its content and gives the same values and findings; the site
 * chrome around the report (crawler block, navigation, breadcrumb, share and print bars, related links,
 * footer) gives neither the title, the agency nor a section.
 */

const seed = (name: string): string => readFileSync(new URL(`../../../../examples/seeds/${name}`, import.meta.url), 'utf8');

const reports = [
  { name: '003', text: seed('003_136fd1d98cf7f7a0.txt'), agency: '鹿城公安分局', year: 2020, title: '鹿城公安分局2020年政府信息公开工作年度报告', site: '温州市鹿城区人民政府' },
  { name: 'hongzequ-2023', text: corpusText('hongzequ-2023.pdftext.txt'), agency: '洪泽区人民政府', year: 2023, title: '洪泽区人民政府2023年政府信息公开工作年度报告', site: '淮安市洪泽区人民政府' },
  { name: '000', text: seed('000_ef504471c9854329.txt'), agency: '紫阳县公安局', year: 2020, title: '紫阳县公安局2020年政府信息公开工作年度报告', site: '紫阳县人民政府' },
];

/** Values and findings without positions: what must not depend on the file's name or wrapping. */
function essence(result: CheckResult): unknown {
  return {
    template: result.template?.id,
    year: result.info.year,
    agency: result.info.agency,
    tables: result.report?.tables.map((t) => ({
      id: t.id,
      rows: t.rows.map((r) => r.cells.map((c) => `${c.state}:${c.value ?? ''}`)),
      groups: t.groups?.map((g) => g.cells.map((c) => `${c.state}:${c.value ?? ''}`)),
    })),
    sections: result.report?.sections.map((s) => s.match),
    findings: result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.rule ?? ''} ${(d.cells ?? []).join(',')}`).sort(),
  };
}

for (const r of reports) {
  describe(`${r.name} as a web page`, async () => {
    const chrome = { title: r.title, site: r.site };
    const plain = await checkText(r.text, `${r.name}.txt`);
    const html = articlePage(r.text, chrome);
    const asHtml = await checkText(html, 'page.html');
    const asTxt = await checkText(html, 'page.txt');
    const asMd = await checkText(html, 'page.md');
    const bare = await checkText(html, 'page');

    it('is read as HTML whatever its name, and says so', () => {
      expect(asHtml.source.format).toBe('html');
      expect(asHtml.source.declaredFormat).toBeUndefined();
      for (const [result, declared] of [[asTxt, 'txt'], [asMd, 'md']] as const) {
        expect(result.source.format).toBe('html');
        expect(result.source.declaredFormat).toBe(declared);
      }
      expect(bare.source.format).toBe('html');
    });

    it('gives the same values and findings as .html, .txt, .md and without extension', () => {
      const expected = essence(asHtml);
      for (const other of [asTxt, asMd, bare]) expect(essence(other)).toEqual(expected);
    });

    it("gives the report's values and errors, not the chrome's", () => {
      const page = essence(asHtml) as { tables: unknown; findings: string[] };
      const own = essence(plain) as { tables: unknown; findings: string[] };
      expect(page.tables).toEqual(own.tables);
      expect(page.findings.filter((f) => f.startsWith('error'))).toEqual(own.findings.filter((f) => f.startsWith('error')));
    });

    it('takes agency and year from the report, not from the breadcrumb, share bar or footer', () => {
      for (const result of [asHtml, asTxt]) {
        expect(result.info.year).toBe(r.year);
        expect(result.info.agency).toBe(r.agency);
      }
    });

    it("as text with the chrome's lines (crawler header, breadcrumb, share bar, related links, footer)", async () => {
      const text = articleText(r.text, chrome);
      const result = await checkText(text, `${r.name}-page.txt`);
      expect(result.source.format).toBe('txt');
      expect(result.info.year).toBe(r.year);
      expect(result.info.agency).toBe(r.agency);
      const ownCells = (essence(plain) as { tables: unknown }).tables;
      expect((essence(result) as { tables: unknown }).tables).toEqual(ownCells);
      const errors = (rs: CheckResult) => rs.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.rule ?? ''}`).sort();
      expect(errors(result)).toEqual(errors(plain));
    });

    it('as crawled text whose chrome lost its separators ("首页政务公开政府信息公开年报<title>")', async () => {
      const text = `首页政务公开政务服务互动交流当前位置：首页政务公开政府信息公开年报${chrome.title}来源：${chrome.site}办公室时间：2024-01-31 10:25分享到：微信微博QQ空间字号：大中小\n${r.text}\n【打印本页】【关闭窗口】\n版权所有：${chrome.site}\n`;
      const result = await checkText(text, `${r.name}-crawl.txt`);
      expect(result.info.year).toBe(r.year);
      expect(result.info.agency).toBe(r.agency);
      expect((essence(result) as { tables: unknown }).tables).toEqual((essence(plain) as { tables: unknown }).tables);
    });
  });
}
