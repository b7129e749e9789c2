import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/read/docx/render-docx.js';
import { renderHtml } from '../../src/read/html/render-html.js';
import { variantDocx } from '../variants/docx-variant.js';
import { buildDocx, cell, paragraph, table } from './docx-builder.js';

/**
 * The .docx reader writes the HTML mammoth would for the text (word-body-html.ts) instead of running
 * mammoth, which took 13–44 ms per document of the bench's mix. Here both read the same documents and
 * must render the same text: the Word variant of the tests, every seed and corpus report as a Word
 * document, documents using each construct the reader handles, and random mixes of them.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NAMESPACES =
  `xmlns:w="${W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';

async function mammothText(bytes: Uint8Array): Promise<string> {
  const options = { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) };
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) } as unknown as { arrayBuffer: ArrayBuffer }, options);
  return renderHtml(result.value).text;
}

async function expectSameText(bytes: Uint8Array, label: string): Promise<void> {
  expect(await renderDocx(bytes, label), label).toBe(await mammothText(bytes));
}

interface Package {
  body: string;
  footnotes?: string;
  endnotes?: string;
  /** Root element of document.xml; `{body}` is replaced by the body. */
  document?: string;
  /** Main document part's path (the package relationships point to it). */
  documentPath?: string;
}

/** A .docx with a document part (any path), relationships, and optional footnotes/endnotes, an image and a link target. */
async function buildPackage(p: Package): Promise<Uint8Array> {
  const zip = new JSZip();
  const documentPath = p.documentPath ?? 'word/document.xml';
  const dir = path.posix.dirname(documentPath);
  const base = path.posix.basename(documentPath);
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${documentPath}"/></Relationships>`,
  );
  const rel = (id: string, type: string, target: string, mode = ''): string =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"${mode}/>`;
  zip.file(
    `${dir}/_rels/${base}.rels`,
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      rel('rIdF', 'footnotes', 'notes/foot.xml') +
      rel('rIdE', 'endnotes', 'endnotes.xml') +
      rel('rIdImg', 'image', 'media/image1.png') +
      rel('rIdLink', 'hyperlink', 'https://example.org/', ' TargetMode="External"') +
      '</Relationships>',
  );
  zip.file(`${dir}/media/image1.png`, new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  const root = p.document ?? `<w:document ${NAMESPACES}><w:body>{body}</w:body></w:document>`;
  zip.file(documentPath, `<?xml version="1.0" encoding="UTF-8"?>${root.replace('{body}', p.body)}`);
  if (p.footnotes !== undefined) zip.file(`${dir}/notes/foot.xml`, `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${NAMESPACES}>${p.footnotes}</w:footnotes>`);
  if (p.endnotes !== undefined) zip.file(`${dir}/endnotes.xml`, `<?xml version="1.0" encoding="UTF-8"?><w:endnotes ${NAMESPACES}>${p.endnotes}</w:endnotes>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const r = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (...content: string[]): string => `<w:p>${content.join('')}</w:p>`;
const tc = (content: string, properties = ''): string => `<w:tc><w:tcPr>${properties}</w:tcPr>${content}</w:tc>`;
const tr = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]): string => `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>${rows.join('')}</w:tbl>`;
const longText = '本机关全年共收到政府信息公开申请，均已按时办理答复。'.repeat(16);

/** Body fragments, each one construct the reader must read as mammoth does. */
const FRAGMENTS: Record<string, string> = {
  plain: p(r('一、总体情况')),
  runsAndProofing: p(r('本年度'), '<w:proofErr w:type="spellStart"/>', r('共收到'), '<w:bookmarkStart w:id="0" w:name="_GoBack"/>', r('申请 12 件')),
  tabsAndBreaks: p(r('甲'), '<w:r><w:tab/></w:r>', r('乙'), '<w:r><w:br/></w:r>', r('丙'), '<w:r><w:br w:type="page"/></w:r>', r('丁'), '<w:r><w:br w:type="column"/><w:cr/></w:r>', r('戊')),
  specialCharacters: p(r('a &amp; b &lt; c'), '<w:r><w:noBreakHyphen/><w:softHyphen/><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:font="Nope" w:char="0041"/></w:r>', r('　全角空格 &#x3000; 与 &#160; 空格 ')),
  emptyParagraphs: p() + p('<w:pPr><w:jc w:val="center"/></w:pPr>') + p(r('')) + p(r('   ')),
  hyperlinks: p('<w:hyperlink r:id="rIdLink">', r('链接'), '</w:hyperlink>', '<w:hyperlink w:anchor="x">', r('锚点'), '</w:hyperlink>', '<w:hyperlink>', r('无目标'), '</w:hyperlink>'),
  bookmarks: p('<w:bookmarkStart w:id="1" w:name="mark"/>', '<w:bookmarkEnd w:id="1"/>') + p(r('书签后')),
  fields:
    p(r('页码'), '<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>', r('完')) +
    p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>', r('网站'), '<w:r><w:fldChar w:fldCharType="end"/></w:r>') +
    p('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:default w:val="1"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>') +
    p('<w:r><w:fldChar w:fldCharType="end"/></w:r>', r('孤立的域结束')),
  revisions: p(r('保留'), '<w:ins w:id="1">', r('插入'), '</w:ins>', '<w:del w:id="2"><w:r><w:delText>删除</w:delText></w:r></w:del>', '<w:moveFrom>', r('移出'), '</w:moveFrom>', '<w:moveTo>', r('移入'), '</w:moveTo>'),
  deletedParagraphMark: p('<w:pPr><w:rPr><w:del w:id="3"/></w:rPr></w:pPr>', r('前段')) + p('<w:pPr><w:rPr><w:del w:id="4"/></w:rPr></w:pPr>', r('中段')) + p(r('后段')),
  smartTagsAndCustomXml: p('<w:smartTag w:element="date">', r('2023年'), '</w:smartTag>', '<w:customXml w:element="x">', r('自定义'), '</w:customXml>'),
  contentControls:
    '<w:sdt><w:sdtPr><w:alias w:val="a"/></w:sdtPr><w:sdtContent>' + p(r('控件段落')) + '</w:sdtContent></w:sdt>' +
    p('<w:sdt><w:sdtPr/><w:sdtContent>', r('行内控件'), '</w:sdtContent></w:sdt>', r('之后')) +
    p(r('勾选'), '<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent>', r('☒'), r('是'), '</w:sdtContent></w:sdt>') +
    p(r('空框'), '<w:sdt><w:sdtPr><w14:checkbox/></w:sdtPr><w:sdtContent><w:r><w:tab/></w:r></w:sdtContent></w:sdt>', r('尾')),
  textBox: p(
    r('正文前'),
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>' +
      '<w:txbxContent>' + p(r('选择分支')) + '</w:txbxContent></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>' +
      '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>' + p(r('文本框内容')) + '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>',
    r('正文后'),
  ),
  images: p(
    r('图前'),
    '<w:r><w:drawing><wp:inline><wp:docPr id="1" name="p" descr="图"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>',
    '<w:r><w:pict><v:shape><v:imagedata r:id="rIdImg"/></v:shape></w:pict></w:r>',
    r('图后'),
  ) + p('<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'),
  mergedTable: tbl(
    tr(tc(p(r('项目')), '<w:vMerge w:val="restart"/>'), tc(p(r('申请人情况')), '<w:gridSpan w:val="3"/>')),
    tr(tc(p(), '<w:vMerge/>'), tc(p(r('自然人'))), tc(p(r('法人'))), tc(p(r('总计')))),
    tr(tc(p(r('新收')), '<w:vMerge w:val="restart"/>'), tc(p(r('2'))), tc(p()), tc(p(r('2')))),
    tr(tc(p(), '<w:vMerge w:val="continue"/>'), tc(p(r('1')), '<w:gridSpan w:val="2"/>'), tc(p(r('1')))),
  ),
  headerAndDeletedRows: tbl(
    '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + tc(p(r('表头'))) + tc(p(r('值'))) + '</w:tr>',
    '<w:tr><w:trPr><w:del w:id="9"/></w:trPr>' + tc(p(r('删除的行'))) + tc(p(r('0'))) + '</w:tr>',
    tr(tc(p(r('行'))), tc(p(r('5')))),
  ),
  strayInRow: tbl(
    '<w:tr><w:bookmarkStart w:id="5" w:name="row"/>' + tc(p(r('甲')), '<w:vMerge w:val="restart"/>') + tc(p(r('1'))) + '</w:tr>',
    tr(tc(p(), '<w:vMerge/>'), tc(p(r('2')))),
  ),
  strayInTable: tbl(tr(tc(p(r('甲')), '<w:vMerge w:val="restart"/>'), tc(p(r('1')))), p(r('表中段落')), tr(tc(p(), '<w:vMerge/>'), tc(p(r('2'))))),
  rowsInControl: tbl('<w:sdt><w:sdtContent>' + tr(tc(p(r('控件行'))), tc(p(r('3')))) + '</w:sdtContent></w:sdt>', tr(tc(p(r('普通行'))), tc(p(r('4'))))),
  nestedTable: tbl(tr(tc(p(r('外')) + tbl(tr(tc(p(r('内'))), tc(p(r('9'))))) + p(r('后'))), tc(p(r('8'))))),
  layoutCell: tbl(tr(tc(p(r(longText)) + p(r(longText))), tc(p(r('1'))))),
  multiParagraphCell: tbl(tr(tc(p(r('商业')) + p(r('企业'))), tc(p(r('0')) + p('<w:r><w:br/></w:r>')))),
  footnotes: p(r('正文'), '<w:r><w:footnoteReference w:id="1"/></w:r>', r('再引'), '<w:r><w:endnoteReference w:id="2"/></w:r>', '<w:r><w:footnoteReference w:id="7"/></w:r>', r('。')),
};

const FOOTNOTES =
  '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
  '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>' +
  '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>' + r(' 脚注正文') + '</w:p></w:footnote>' +
  '<w:footnote w:id="7"><w:p>' + r('第一段') + '</w:p>' + tbl(tr(tc(p(r('注中表'))))) + '</w:footnote>';
const ENDNOTES = '<w:endnote w:id="2"><w:p>' + r('尾注') + '</w:p><w:p/></w:endnote>';

describe('the .docx reader against mammoth', () => {
  it('reads the Word variant of the tests as mammoth does', async () => {
    await expectSameText(await variantDocx(), 'variant.docx');
  });

  it('reads every seed and corpus report, as a Word document of paragraphs and tables, as mammoth does', async () => {
    const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const dirs = ['examples/seeds', 'packages/core/test/fixtures/corpus', 'packages/core/test/fixtures/variants'];
    let documents = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(path.join(root, dir)).sort()) {
        if (!/\.(txt|md)$/.test(name) || name === 'README.md') continue;
        const body: string[] = [];
        let rows: string[][] = [];
        const flush = (): void => {
          if (rows.length === 0) return;
          body.push(table(Math.max(...rows.map((row) => row.length)), rows.map((row) => row.map((c) => cell(escape(c))))));
          rows = [];
        };
        for (const line of readFileSync(path.join(root, dir, name), 'utf8').split('\n')) {
          if (line.includes('\t')) rows.push(line.split('\t'));
          else {
            flush();
            body.push(paragraph(escape(line)));
          }
        }
        flush();
        await expectSameText(await buildDocx(body.join('')), name);
        documents++;
      }
    }
    expect(documents).toBeGreaterThanOrEqual(15);
  });

  for (const [name, body] of Object.entries(FRAGMENTS)) {
    it(`reads ${name} as mammoth does`, async () => {
      await expectSameText(await buildPackage({ body, footnotes: FOOTNOTES, endnotes: ENDNOTES }), name);
    });
  }

  it('finds the main document through the package relationships, and its notes through the document’s', async () => {
    const bytes = await buildPackage({ body: FRAGMENTS.footnotes, footnotes: FOOTNOTES, endnotes: ENDNOTES, documentPath: 'content/main.xml' });
    const text = await renderDocx(bytes);
    expect(text).toContain('脚注正文');
    expect(text).toBe(await mammothText(bytes));
  });

  it('resolves namespaces by URI: a default namespace, another prefix, Strict OOXML', async () => {
    const defaultNamespace = `<document xmlns="${W_NS}"><body><p><r><t>默认命名空间</t></r></p></body></document>`;
    const otherPrefix = `<x:document xmlns:x="${W_NS}"><x:body><x:p><x:r><x:t>别的前缀</x:t></x:r></x:p></x:body></x:document>`;
    const strict = '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>严格格式</w:t></w:r></w:p></w:body></w:document>';
    const unknown = '<w:document xmlns:w="urn:not-word"><w:body><w:p><w:r><w:t>不是 Word</w:t></w:r></w:p></w:body></w:document>';
    const texts: string[] = [];
    for (const document of [defaultNamespace, otherPrefix, strict]) {
      const bytes = await buildPackage({ body: '', document });
      texts.push(await renderDocx(bytes));
      expect(texts.at(-1)).toBe(await mammothText(bytes));
    }
    expect(texts).toEqual(['默认命名空间\n', '别的前缀\n', '严格格式\n']);
    // Elements in another namespace are not Word's: no body, so not a Word document (mammoth fails too).
    await expect(renderDocx(await buildPackage({ body: '', document: unknown }))).rejects.toMatchObject({ code: 'docx-invalid' });
  });

  it('writes a note referenced twice once, where mammoth repeats it (a small document could otherwise grow without bound)', async () => {
    const bytes = await buildPackage({ body: FRAGMENTS.footnotes + FRAGMENTS.footnotes, footnotes: FOOTNOTES, endnotes: ENDNOTES });
    const text = await renderDocx(bytes);
    expect(text.startsWith('正文[1]再引[2][3]。\n正文[4]再引[5][6]。\n')).toBe(true);
    expect(text.split('脚注正文').length - 1).toBe(1);
    expect((await mammothText(bytes)).split('脚注正文').length - 1).toBe(2);
  });

  it('reads random mixes of the constructs as mammoth does', async () => {
    const names = Object.keys(FRAGMENTS);
    await fc.assert(
      // The footnote references at most once: a note referenced twice is written once (see below).
      fc.asyncProperty(fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 8 }).map((picked) => picked.filter((n, i) => n !== 'footnotes' || picked.indexOf(n) === i)), async (picked) => {
        const bytes = await buildPackage({ body: picked.map((n) => FRAGMENTS[n]).join(''), footnotes: FOOTNOTES, endnotes: ENDNOTES });
        expect(await renderDocx(bytes), picked.join(' ')).toBe(await mammothText(bytes));
      }),
      { numRuns: 60 },
    );
  });

});
