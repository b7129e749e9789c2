import { labelKey, type CheckResult, type TemplateIR } from '@nianbao/core';
import { minimatch } from 'minimatch';
import { URI } from 'vscode-uri';

/** How far into a document the title of a report is looked for (characters, whitespace removed). */
const titleWindow = 4000;

/** Heads of documents whose title test is remembered (about 16 KB each); emptied when full. */
const rememberedTitles = 64;

/**
 * How far into a document without line breaks between its sections (a page's text run into one line) the
 * section headings are looked for, in characters: the first two sections of a report start well inside it.
 */
const runOnWindow = 16_000;

/** Heads of run-on documents whose headings are remembered (about 32 KB each); emptied when full. */
const rememberedRunOnHeads = 16;

/** Candidate heading lines whose label key is remembered (under 200 characters each); emptied when full. */
const rememberedLineKeys = 10_000;

/** Phrases of the title of a disclosure annual report (政府信息公开工作年度报告, 关于…政府信息公开工作的报告…). */
const titleSubject = /政府信息公开|政务公开/u;
const titleKind = /年度报告|年报|工作的?报告/u;

/** Markup that may precede a heading line in Markdown or plain text. */
const headingPrefix = /^[\s#>*_|\-+=]*/u;

/** Lines this long or longer (UTF-16 units) are paragraphs, never headings. */
const headingLineLimit = 200;

/** A line that may be a numbered section heading: a Chinese numeral first. */
const numeralStart = /^[一二三四五六七八九十]/u;

/**
 * What the recogniser makes of a document: `report`, one to check; `if-tables-read`, one to check and to
 * treat as a report only if its check reads numbers in its tables (see {@link looksLikeRunOnReport}); false,
 * not a report.
 */
export type Recognition = 'report' | 'if-tables-read' | false;

/**
 * Decides which open documents are annual reports: a file that matches one of the `nianbao.reports.include`
 * globs always is; otherwise its content must look like one — section headings of a known template
 * (two of them, or one below a report title). Ordinary Markdown (a README) is left alone. A text run into
 * one line (crawled page text) is a report only if its check reads its tables (see {@link recognize}).
 */
export class ReportRecognizer {
  private headingsOf = new WeakMap<TemplateIR[], string[]>();
  private readonly titles = new Map<string, boolean>();
  private readonly lineKeys = new Map<string, string>();
  private readonly runOnHeads = new Map<string, string>();

  /**
   * True when the document is a report by its path or its line-start headings ({@link recognize} says
   * `report`).
   * @param include glob patterns (matched against the workspace-relative and the absolute path)
   * @param workspaceFolders file-system paths of the workspace folders
   */
  isReport(uri: string, text: string, templates: TemplateIR[], include: string[], workspaceFolders: string[]): boolean {
    return this.recognize(uri, text, templates, include, workspaceFolders) === 'report';
  }

  /**
   * {@link isReport}, and else whether the document may be a report run into one line: a report title in
   * its head and two section headings of a known template inside its long lines. That alone would also
   * take the official notices that define the format (one crawled line each, quoting the headings and the
   * tables) for reports; so such a document is `if-tables-read`: the caller checks it and keeps the
   * outcome only when the check read numbers in its tables (see `tablesHaveNumbers`).
   * @param include glob patterns (matched against the workspace-relative and the absolute path)
   * @param workspaceFolders file-system paths of the workspace folders
   */
  recognize(uri: string, text: string, templates: TemplateIR[], include: string[], workspaceFolders: string[]): Recognition {
    if (include.length > 0 && matchesInclude(uri, include, workspaceFolders)) return 'report';
    const headings = this.headings(templates);
    const titled = (head: string): boolean => this.titled(head);
    if (looksLikeReport(text, headings, titled, (line) => this.lineKey(line))) return 'report';
    const runOnKey = (head: string): string => remembered(this.runOnHeads, rememberedRunOnHeads, head, labelKey);
    return looksLikeRunOnReport(text, headings, titled, runOnKey) ? 'if-tables-read' : false;
  }

  /**
   * `labelKey` of a line that may be a heading, remembered: an edit changes a line or two, and keying the
   * others again (script conversion, Pinyin readings) took 1–2 ms per edit of a 50 KB report.
   */
  private lineKey(line: string): string {
    return remembered(this.lineKeys, rememberedLineKeys, line, labelKey);
  }

  /**
   * {@link hasReportTitle}, remembered by head: an edit below the title (most edits) leaves the head as it
   * was, and reading it again (script conversion of 8,000 characters) cost a millisecond per edit.
   */
  private titled(head: string): boolean {
    return remembered(this.titles, rememberedTitles, head, hasReportTitle);
  }

  private headings(templates: TemplateIR[]): string[] {
    let headings = this.headingsOf.get(templates);
    if (!headings) {
      const set = new Set<string>();
      for (const template of templates) {
        for (const section of template.sections) {
          for (const heading of [section.heading, ...section.aliases]) {
            if (heading.trim() !== '') set.add(labelKey(`${section.numeral}、${heading}`));
          }
        }
      }
      headings = [...set];
      this.headingsOf.set(templates, headings);
    }
    return headings;
  }
}

/**
 * `compute(key)`, remembered in `memo` under a {@link detached} copy of `key`; the memo is emptied when it
 * holds `limit` entries.
 */
function remembered<V>(memo: Map<string, V>, limit: number, key: string, compute: (key: string) => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size >= limit) memo.clear();
    value = compute(key);
    memo.set(detached(key), value);
  }
  return value;
}

/**
 * A copy of `part`, a piece of a document's text, that does not hold on to the document: V8 makes a
 * substring a view into its parent string, so a remembered head or line kept each version of the
 * document it was cut from alive (50 slices of 1 MB texts: 111 MB of heap; as copies, 5 MB). Slicing a
 * fresh concatenation makes the new string's parent the flat concatenation itself.
 */
function detached(part: string): string {
  return (' ' + part).slice(1);
}

/** True when the head of a document (its first `2 × titleWindow` characters) has a report title. */
export function hasReportTitle(head: string): boolean {
  const top = labelKey(head).slice(0, titleWindow);
  return titleSubject.test(top) && titleKind.test(top);
}

/** True when the document's path matches one of the glob patterns. */
export function matchesInclude(uri: string, patterns: string[], workspaceFolders: string[]): boolean {
  let path: string;
  try {
    const parsed = URI.parse(uri);
    path = parsed.scheme === 'file' ? parsed.fsPath.replace(/\\/gu, '/') : parsed.path;
  } catch {
    return false;
  }
  const candidates = [path];
  for (const folder of workspaceFolders) {
    const root = folder.replace(/\\/gu, '/').replace(/\/?$/u, '/');
    if (path.startsWith(root)) candidates.push(path.slice(root.length));
  }
  return patterns.some((pattern) =>
    candidates.some((candidate) =>
      minimatch(candidate, pattern, { dot: true, nocase: true, matchBase: !pattern.includes('/') }),
    ),
  );
}

/**
 * Content test: headings of a known template at line starts, helped by a report title near the top. Text is
 * compared by the core's `labelKey`, so Traditional script, injected Pinyin, full-width forms and spacing do
 * not matter. `headings` are label keys of `numeral、heading`; `keyOf` is `labelKey` (or one that remembers it).
 */
export function looksLikeReport(
  text: string,
  headings: string[],
  titled: (head: string) => boolean = hasReportTitle,
  keyOf: (line: string) => string = labelKey,
): boolean {
  if (headings.length === 0) return false;
  const hasTitle = titled(text.slice(0, titleWindow * 2));
  const needed = hasTitle ? 1 : 2;
  const found = new Set<string>();
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // Only short lines can be headings: skip long paragraphs without copying them.
    if (lineEnd - lineStart < headingLineLimit) {
      const raw = text.slice(lineStart, lineEnd).replace(headingPrefix, '');
      if (numeralStart.test(raw)) {
        const line = keyOf(raw);
        for (const heading of headings) {
          if (line.startsWith(heading)) {
            found.add(heading);
            if (found.size >= needed) return true;
            break;
          }
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return false;
}

/**
 * Content test for a report whose sections are not on lines of their own (page text run into one line, or
 * a few long lines): a report title in the head and two section headings among the label key of its
 * first {@link runOnWindow} characters. Only texts with a line of {@link headingLineLimit} characters or
 * more are read (those are the lines {@link looksLikeReport} skips). `keyOf` is `labelKey` (or one that remembers it).
 */
export function looksLikeRunOnReport(
  text: string,
  headings: string[],
  titled: (head: string) => boolean = hasReportTitle,
  keyOf: (head: string) => string = labelKey,
): boolean {
  if (headings.length === 0 || !hasLongLine(text, runOnWindow)) return false;
  if (!titled(text.slice(0, titleWindow * 2))) return false;
  const key = keyOf(text.slice(0, runOnWindow));
  let found = 0;
  for (const heading of headings) {
    if (key.includes(heading) && ++found >= 2) return true;
  }
  return false;
}

/** True when the first `window` characters of `text` hold a line of {@link headingLineLimit} characters or more. */
function hasLongLine(text: string, window: number): boolean {
  const end = Math.min(text.length, window);
  let lineStart = 0;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    if (lineEnd - lineStart >= headingLineLimit) return true;
    lineStart = lineEnd + 1;
  }
  return false;
}

/**
 * The second half of recognising an `if-tables-read` document: its check read a number in a table. A
 * report's tables hold counts; the notices that define the format quote the tables without any.
 */
export function tablesHaveNumbers(result: CheckResult): boolean {
  return (result.report?.tables ?? []).some((table) => table.found && table.rows.some((row) => row.cells.some((cell) => cell.value !== null)));
}
