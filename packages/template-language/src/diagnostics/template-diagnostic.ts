import type { LangiumDocument } from 'langium';
import { AstUtils, GrammarAST } from 'langium';
import { NianbaoTemplateGrammar } from '../generated/grammar.js';
import { nameHint } from '../validation/name-hints.js';
import type { TemplateCheckCode, TemplateMessageText, TemplateSeverity } from '../validation/template-check-codes.js';
import { templateMessage } from '../validation/template-check-codes.js';
import { referenceTargetNames } from '../references/reference-target-names.js';

/** A position in a template file: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface TemplatePosition {
  line: number;
  column: number;
  offset: number;
}

/** A diagnostic about a template, with its position and its message in zh-CN and English. */
export interface TemplateDiagnostic {
  /** Stable code of the check (see the check catalogue), e.g. `duplicate-id`, `syntax-error`. */
  code: TemplateCheckCode | 'internal-error';
  severity: TemplateSeverity;
  message: TemplateMessageText;
  /** Start (inclusive) and end (exclusive) of the text the diagnostic is about. */
  range: { start: TemplatePosition; end: TemplatePosition };
  /** The file, when known. */
  uri?: string;
}

/** A diagnostic as Langium reports it (LSP shape). */
export type LangiumDiagnostic = NonNullable<LangiumDocument['diagnostics']>[number];

interface DiagnosticData {
  code?: string;
  en?: string;
  refText?: string;
  containerType?: string;
  property?: string;
  hintZh?: string;
  hintEn?: string;
}

/** Line-start offsets of a text, for converting LSP positions to offsets. */
export function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '\n') {
      offsets.push(index + 1);
    }
  }
  return offsets;
}

/** Convert a 0-based line/character position to a template position. */
export function toTemplatePosition(offsets: number[], line: number, character: number): TemplatePosition {
  const lineStart = offsets[Math.min(line, offsets.length - 1)] ?? 0;
  return { line: line + 1, column: character + 1, offset: lineStart + character };
}

/** Convert a Langium (LSP) diagnostic of a template to a template diagnostic. */
export function toTemplateDiagnostic(diagnostic: LangiumDiagnostic, text: string, uri?: string, offsets = lineOffsets(text)): TemplateDiagnostic {
  const data = (diagnostic.data ?? {}) as DiagnosticData;
  const severity: TemplateSeverity = diagnostic.severity === 1 ? 'error' : diagnostic.severity === 2 ? 'warning' : 'info';
  const range = {
    start: toTemplatePosition(offsets, diagnostic.range.start.line, diagnostic.range.start.character),
    end: toTemplatePosition(offsets, diagnostic.range.end.line, diagnostic.range.end.character),
  };
  const messageText = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  let code: TemplateDiagnostic['code'];
  let message: TemplateMessageText;
  if (data.code === 'lexing-error' || data.code === 'parsing-error') {
    code = 'syntax-error';
    message = templateMessage('syntax-error', describeSyntaxError(messageText));
  } else if (data.code === 'linking-error') {
    code = 'unresolved-reference';
    const target = referenceTargetNames(data.containerType ?? '', data.property ?? '');
    message = templateMessage('unresolved-reference', { name: data.refText ?? '', ...target, hintZh: data.hintZh ?? '', hintEn: data.hintEn ?? '' });
  } else if (typeof data.code === 'string' && typeof data.en === 'string') {
    code = data.code as TemplateCheckCode;
    message = { 'zh-CN': messageText, en: data.en };
  } else {
    code = 'internal-error';
    message = { 'zh-CN': `内部错误：${messageText}`, en: `Internal error: ${messageText}` };
  }
  return uri === undefined ? { code, severity, message, range } : { code, severity, message, range, uri };
}

let keywords: string[] | undefined;

/** The word keywords of the template language (`template`, `rule`, `prose` …). */
function templateKeywords(): string[] {
  keywords ??= [
    ...new Set(
      AstUtils.streamAllContents(NianbaoTemplateGrammar())
        .filter(GrammarAST.isKeyword)
        .map((keyword) => keyword.value)
        .filter((value) => /^[a-zA-Z]+$/u.test(value)),
    ),
  ];
  return keywords;
}

/** A syntax error with a "did you mean" hint when the word found is a misspelt keyword (`rul` for `rule`). */
function describeSyntaxError(message: string): { detailZh: string; detailEn: string } {
  const detail = describeChevrotainError(message);
  const found = /(?:but found|but found:) [`']([a-zA-Z][\w-]*)[`']/u.exec(message)?.[1];
  if (found === undefined || templateKeywords().includes(found)) return detail;
  const hint = nameHint(found, templateKeywords());
  return hint.zh === '' ? detail : { detailZh: `${detail.detailZh}。${hint.zh}`, detailEn: `${detail.detailEn}.${hint.en}` };
}

/** Chevrotain's lexer and parser messages, restated in zh-CN and English (other messages are kept as they are). */
function describeChevrotainError(message: string): { detailZh: string; detailEn: string } {
  const unexpected = /^unexpected character: ->([\s\S]*?)<- at offset: \d+, skipped (\d+) characters?\.$/.exec(message);
  if (unexpected) {
    return {
      detailZh: `无法识别的字符“${unexpected[1]}”（跳过 ${unexpected[2]} 个字符；id 只能用 ASCII 字母、数字、_ 和 -，中文写在引号里）`,
      detailEn: `unexpected character '${unexpected[1]}' (${unexpected[2]} skipped; ids use ASCII letters, digits, _ and -, Chinese goes in quotes)`,
    };
  }
  const expecting = /^Expecting (?:token of type '([^']+)'|keyword '([^']+)'|(end of file)) but found `([\s\S]*)`\.$/.exec(message);
  if (expecting) {
    const wanted = expecting[1] ?? (expecting[2] !== undefined ? `'${expecting[2]}'` : undefined);
    const found = expecting[4] === '' ? 'EOF' : expecting[4];
    return wanted === undefined
      ? { detailZh: `此处应是文件末尾，却遇到“${found}”`, detailEn: `expecting the end of the file but found '${found}'` }
      : { detailZh: `此处应为 ${wanted}，却遇到“${found}”`, detailEn: `expecting ${wanted} but found '${found}'` };
  }
  const sequences = /^Expecting: one of these possible Token sequences:\s*([\s\S]*?)\s*but found: '([\s\S]*)'$/.exec(message);
  if (sequences) {
    const options = [...sequences[1].matchAll(/\[([^\]]*)\]/g)].map((match) => match[1].trim()).slice(0, 8);
    const list = `${options.join(' | ')}${options.length === 8 ? ' | …' : ''}`;
    const found = sequences[2] === '' ? 'EOF' : sequences[2];
    return { detailZh: `此处应为 ${list} 之一，却遇到“${found}”`, detailEn: `expecting one of ${list} but found '${found}'` };
  }
  return { detailZh: message, detailEn: message };
}

/** Render template diagnostics for people: `file:line:column severity [code] message`, one per line. */
export function formatTemplateDiagnostics(
  diagnostics: TemplateDiagnostic[],
  options: { language?: 'zh-CN' | 'en'; file?: string } = {},
): string {
  const language = options.language ?? 'zh-CN';
  return diagnostics
    .map((diagnostic) => {
      const file = options.file ?? diagnostic.uri ?? '<template>';
      const { line, column } = diagnostic.range.start;
      return `${file}:${line}:${column} ${diagnostic.severity} [${diagnostic.code}] ${diagnostic.message[language]}`;
    })
    .join('\n');
}
