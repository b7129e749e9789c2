import { builtinTemplates, checkEditedText } from '@nianbao/core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesInclude, ReportRecognizer, tablesHaveNumbers } from '../../src/reports/report-recognizer.js';
import { repoRoot, seedPath } from '../lsp-harness.js';

const recognizer = new ReportRecognizer();
const recognize = (text: string, uri = 'file:///w/doc.txt') => recognizer.recognize(uri, text, builtinTemplates, [], ['/w']);
const seeds = ['000_ef504471c9854329.txt', '001_58b691fd784472d5.txt', '002_f8f28e4c849350e4.txt', '003_136fd1d98cf7f7a0.txt', '004_94a1ddae1680c43d.txt'];
/** A crawled page's text: the line breaks lost (as the bench's one-line variant of a report). */
const runOn = (text: string): string => text.replace(/\s*\n\s*/gu, ' ');
const notices = ['2019-guobangongkaibanhan-60.txt', '2021-guobangongkaibanhan-30.txt'].map((name) =>
  readFileSync(path.join(repoRoot, 'packages', 'language-server', 'test', 'fixtures', 'notices', name), 'utf8'),
);
const tablesRead = (text: string): boolean =>
  tablesHaveNumbers(checkEditedText({ name: 'x.txt', format: 'txt', encoding: 'utf-8', text }, { verifySuggestions: false }).result);
const isReport = (text: string, uri = 'file:///w/doc.md', include: string[] = []): boolean =>
  recognizer.isReport(uri, text, builtinTemplates, include, ['/w']);

describe('ReportRecognizer', () => {
  it('recognises every seed report by its content', () => {
    for (const seed of ['000_ef504471c9854329.txt', '001_58b691fd784472d5.txt', '002_f8f28e4c849350e4.txt', '003_136fd1d98cf7f7a0.txt', '004_94a1ddae1680c43d.txt']) {
      expect(isReport(readFileSync(seedPath(seed), 'utf8')), seed).toBe(true);
    }
  });

  it('leaves ordinary Markdown alone, even when it names the kind of report', () => {
    expect(isReport(readFileSync(path.join(repoRoot, 'README.md'), 'utf8'))).toBe(false);
    expect(isReport('# 政府信息公开工作年度报告检查工具\n\n本工具检查年度报告。\n')).toBe(false);
    expect(isReport('')).toBe(false);
  });

  it('needs two headings without a title, one with it; Markdown heading marks are allowed', () => {
    expect(isReport('## 一、总体情况\n\n正文\n\n## 二、主动公开政府信息情况\n')).toBe(true);
    expect(isReport('## 一、总体情况\n\n正文\n')).toBe(false);
    expect(isReport('# 某局2024年政府信息公开工作年度报告\n\n## 一、总体情况\n')).toBe(true);
  });

  it('answers an edited document by its new lines (line keys are remembered between calls)', () => {
    const own = new ReportRecognizer();
    const text = '## 一、总体情况\n\n正文\n\n## 二、主动公开政府信息情况\n';
    expect(own.isReport('file:///w/a.md', text, builtinTemplates, [], ['/w'])).toBe(true);
    const edited = text.replace('二、主动公开', '二、主动');
    expect(own.isReport('file:///w/a.md', edited, builtinTemplates, [], ['/w'])).toBe(false);
    expect(own.isReport('file:///w/a.md', text, builtinTemplates, [], ['/w'])).toBe(true);
  });

  it('takes a report run into one line for a candidate, and keeps it once its tables are read with numbers', () => {
    for (const seed of seeds) {
      const text = runOn(readFileSync(seedPath(seed), 'utf8'));
      expect(text.includes('\n'), seed).toBe(false);
      expect(isReport(text), seed).toBe(false);
      expect(recognize(text), seed).toBe('if-tables-read');
      expect(tablesRead(text), seed).toBe(true);
    }
  });

  it('does not take the notices that define the format for reports, though they quote its title, headings and tables', () => {
    for (const notice of notices) {
      // The heading test alone would: what keeps them out is that their tables hold no numbers.
      expect(recognize(notice)).toBe('if-tables-read');
      expect(tablesRead(notice)).toBe(false);
    }
  });

  it('leaves long-lined text without a report title or two headings alone', () => {
    const readme = runOn(readFileSync(path.join(repoRoot, 'README.md'), 'utf8'));
    expect(recognize(readme)).toBe(false);
    const seed = runOn(readFileSync(seedPath(seeds[3]), 'utf8'));
    // Without its title (the subject phrase taken out) the run-on seed is not a candidate.
    expect(recognize(seed.replace(/政府信息公开|政务公开/gu, '信息'))).toBe(false);
    // Short lines are for the line-start test only.
    expect(recognize('某局2024年政府信息公开工作年度报告 一、总体情况 二、主动公开政府信息情况')).toBe(false);
  });

  it('matches include globs against workspace-relative and absolute paths', () => {
    expect(matchesInclude('file:///w/reports/2024.md', ['reports/*.md'], ['/w'])).toBe(true);
    expect(matchesInclude('file:///w/reports/2024.md', ['**/*.md'], ['/w'])).toBe(true);
    expect(matchesInclude('file:///w/reports/2024.md', ['*.md'], ['/w'])).toBe(true);
    expect(matchesInclude('file:///w/notes/2024.md', ['reports/*.md'], ['/w'])).toBe(false);
    expect(matchesInclude('file:///elsewhere/reports/2024.md', ['/elsewhere/**'], ['/w'])).toBe(true);
    expect(isReport('随便写的内容', 'file:///w/reports/x.txt', ['reports/**'])).toBe(true);
  });
});
