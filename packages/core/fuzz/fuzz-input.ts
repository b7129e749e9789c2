/**
 * Fuzz inputs for the whole pipeline: a real report (a seed, or a slice of one) put through a list of
 * mutations — character and byte edits, digit flips, deleted, swapped and repeated lines, duplicated
 * stretches, long runs of one character, NUL bytes, bidirectional marks, combining stacks, lone
 * surrogates, CRLF line ends, HTML wrappings, a .docx container, invalid UTF-8. An input is described by
 * a {@link FuzzRecipe} (plain JSON, so a failing input can be saved, shrunk by fast-check and replayed)
 * and built into bytes and a file name by {@link buildInput}.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A report the mutations start from: text, or bytes in another encoding. */
export interface FuzzSeed {
  name: string;
  text?: string;
  bytes?: Uint8Array;
}

/** The seed reports: the real reports in examples/, the layout variants and encodings of the core's fixtures. */
export function loadSeeds(): FuzzSeed[] {
  const seeds: FuzzSeed[] = [];
  const addTexts = (dir: string): void => {
    for (const file of readdirSync(path.join(root, dir)).sort()) {
      if (!/\.(txt|md|html)$/.test(file) || /\.(gb18030|big5)\./.test(file)) continue;
      seeds.push({ name: `${dir}/${file}`, text: readFileSync(path.join(root, dir, file), 'utf8') });
    }
  };
  addTexts('examples/seeds');
  addTexts('examples');
  addTexts('packages/core/test/fixtures/variants');
  for (const file of ['seed-000.gb18030.txt', 'traditional.big5.txt']) {
    const rel = `packages/core/test/fixtures/read/${file}`;
    seeds.push({ name: rel, bytes: new Uint8Array(readFileSync(path.join(root, rel))) });
  }
  return seeds;
}

/** Characters that have broken readers: controls, marks, surrogates, wide digits, markup, numbering. */
const ODD = [
  '\u0000', '\r', '\n', '\r\n', '\t', ' ', '\u3000', '\u00a0', '\u200f', '\u202e', '\u200b', '\ufeff', '\u0301\u0302\u0303',
  '\ud800', '\udc00', '😀', '𠀀', '0', '9', '０', '-', '.', '|', '#', '*', '<', '>', '&', '&nbsp;', '<td>', '</td>', '<tr>',
  '<table>', '<div>', '<br>', '一、', '（一）', '三、收到和处理政府信息公开申请情况', '合计', '总计', '件', '万元', '\t0\t', '年',
];

/** Stretches repeated into long runs: whitespace, digits, decoration, markup, Chinese text. */
const RUNS = [' ', '\u3000', '\t', '0', '1', '12 ', '*', '#', '一', '申请', '<div>', '</div>', '<td>', '\r\n', '\n', '-', '.', '。'];

/** One change applied to a report; positions are fractions of the current length. */
export type Mutation =
  | { op: 'insert' | 'replace'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'digit'; at: number; digit: number }
  | { op: 'delete-line' | 'repeat-line'; at: number; count: number }
  | { op: 'swap-lines'; at: number; other: number }
  | { op: 'duplicate'; at: number; length: number; to: number }
  | { op: 'run'; at: number; text: string; count: number }
  | { op: 'crlf' | 'no-newlines' | 'html-paragraphs' | 'html-table' | 'html-pre' };

/** What an input is made of: a seed (or a slice of it), mutations, a container and byte damage. */
export interface FuzzRecipe {
  seed: number;
  /** Keep only [from, to) of the seed (fractions), for short inputs. */
  slice: { from: number; to: number } | null;
  mutations: Mutation[];
  container: 'txt' | 'md' | 'html' | 'none' | 'docx';
  /** Byte edits after encoding: position fraction and byte. */
  bytes: { at: number; value: number }[];
}

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('insert' as const, 'replace' as const), at: fraction, text: fc.oneof(fc.constantFrom(...ODD), fc.string({ maxLength: 4, unit: 'binary' })) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fraction, length: fc.nat({ max: 200 }) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('digit' as const), at: fraction, digit: fc.nat({ max: 9 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('delete-line' as const, 'repeat-line' as const), at: fraction, count: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swap-lines' as const), at: fraction, other: fraction }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fraction, length: fc.nat({ max: 4000 }), to: fraction }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('run' as const), at: fraction, text: fc.constantFrom(...RUNS), count: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1000, max: 70_000 })) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('crlf' as const, 'no-newlines' as const, 'html-paragraphs' as const, 'html-table' as const, 'html-pre' as const) }) },
);

/** Recipes over `seedCount` seeds. */
export function recipeArbitrary(seedCount: number): fc.Arbitrary<FuzzRecipe> {
  return fc.record({
    seed: fc.nat({ max: seedCount - 1 }),
    slice: fc.option(fc.tuple(fraction, fraction).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) })), { freq: 3 }),
    mutations: fc.array(mutation, { maxLength: 6 }),
    container: fc.constantFrom('txt' as const, 'txt' as const, 'md' as const, 'html' as const, 'none' as const, 'docx' as const),
    bytes: fc.array(fc.record({ at: fraction, value: fc.nat({ max: 255 }) }), { maxLength: 3 }),
  });
}

/** A built input: the bytes and file name handed to the checker. */
export interface FuzzInput {
  bytes: Uint8Array;
  fileName: string | undefined;
}

/** Builds the bytes of a recipe over `seeds`. */
export function buildInput(recipe: FuzzRecipe, seeds: readonly FuzzSeed[]): FuzzInput {
  const seed = seeds[recipe.seed % seeds.length];
  const fileName = recipe.container === 'none' ? undefined : `fuzz.${recipe.container}`;
  let bytes: Uint8Array;
  if (seed.text === undefined) {
    bytes = seed.bytes!.slice();
  } else {
    let text = seed.text;
    if (recipe.slice) text = text.slice(Math.floor(recipe.slice.from * text.length), Math.ceil(recipe.slice.to * text.length));
    for (const m of recipe.mutations) text = mutate(text, m);
    bytes = recipe.container === 'docx' ? docxOf(text) : new TextEncoder().encode(text);
  }
  for (const edit of recipe.bytes) {
    if (bytes.length > 0) bytes[Math.floor(edit.at * bytes.length)] = edit.value;
  }
  return { bytes, fileName };
}

const at = (f: number, length: number): number => Math.min(length, Math.floor(f * (length + 1)));

function mutate(text: string, m: Mutation): string {
  switch (m.op) {
    case 'insert': {
      const i = at(m.at, text.length);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'replace': {
      const i = at(m.at, text.length);
      return text.slice(0, i) + m.text + text.slice(i + m.text.length);
    }
    case 'delete': {
      const i = at(m.at, text.length);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'digit': {
      const digits = [...text.matchAll(/[0-9]/g)];
      if (digits.length === 0) return text;
      const i = digits[Math.floor(m.at * digits.length)].index;
      return text.slice(0, i) + String(m.digit) + text.slice(i + 1);
    }
    case 'delete-line':
    case 'repeat-line': {
      const lines = text.split('\n');
      const i = Math.floor(m.at * lines.length);
      if (m.op === 'delete-line') lines.splice(i, Math.min(m.count, 3));
      else lines.splice(i, 0, ...Array<string>(m.count).fill(lines[i]));
      return lines.join('\n');
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const i = Math.floor(m.at * lines.length);
      const j = Math.floor(m.other * lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 'duplicate': {
      const i = at(m.at, text.length);
      const piece = text.slice(i, i + m.length);
      const j = at(m.to, text.length);
      return text.slice(0, j) + piece + text.slice(j);
    }
    case 'run': {
      const i = at(m.at, text.length);
      return text.slice(0, i) + m.text.repeat(m.count) + text.slice(i);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'no-newlines':
      return text.replace(/\r?\n/g, ' ');
    case 'html-paragraphs':
      return `<html><body>${text.split('\n').map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}</body></html>`;
    case 'html-table':
      return `<html><body>${text
        .split('\n')
        .map((line) => (line.includes('\t') ? `<table><tr><td>${line.split('\t').map(escapeHtml).join('</td><td>')}</td></tr></table>` : `<div>${escapeHtml(line)}</div>`))
        .join('\n')}</body></html>`;
    case 'html-pre':
      return `<!DOCTYPE html><html><body><pre>${escapeHtml(text)}</pre></body></html>`;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeXml(text: string): string {
  // Characters XML 1.0 cannot hold are dropped: Word never writes them.
  return escapeHtml(text).replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '');
}

/** A minimal .docx holding `text`: one paragraph per line, lines with TABs as table rows. */
function docxOf(text: string): Uint8Array {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const paragraph = (line: string): string => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`;
  const body = text
    .split('\n')
    .map((line) =>
      line.includes('\t')
        ? `<w:tbl>${`<w:tr>${line.split('\t').map((c) => `<w:tc>${paragraph(c)}</w:tc>`).join('')}</w:tr>`}</w:tbl>`
        : paragraph(line),
    )
    .join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  });
}
