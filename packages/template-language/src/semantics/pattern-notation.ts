import type { Pattern } from '../generated/ast.js';
import { compileLinearPattern } from './linear-pattern.js';

/**
 * The pattern notation of prose checks and forbidden patterns, compiled to ECMAScript regex source
 * (matched with the flags `gu` on normalised report text):
 *
 * - `{n}` — the number the check compares (exactly once in a prose pattern): digits with an optional
 *   decimal part, spaces around it allowed; compiles to the named group `n`.
 * - `{#}` — any number, not captured.
 * - `{…}` (or `{...}`) — a short gap: up to 15 characters without digits and without sentence or
 *   clause punctuation (。，,；;：:！？!? or a line break), matched lazily.
 * - `{a|b|c}` — one of the literal alternatives; an empty alternative makes it optional (`{的|}`).
 * - a space — any amount of white space, including none.
 * - `\x` — the character x literally (e.g. `\{`).
 * - every other character stands for itself.
 */

/** The regex source of the number slot `{n}`. */
export const numberSlotSource = String.raw`\s*(?<n>[0-9]+(?:\.[0-9]+)?)\s*`;
const anyNumberSource = String.raw`\s*[0-9]+(?:\.[0-9]+)?\s*`;
// A plain string, not String.raw: bundles escape its non-ASCII characters (a raw template would keep them).
const gapSource = '[^0-9０-９。，,；;：:！？!?\\r\\n]{0,15}?';
const regexSyntax = /[\\^$.*+?()[\]{}|/]/g;

/** A pattern compiled to regex source, or the reason it cannot be. */
export type CompiledPattern =
  | { ok: true; source: string; numberSlots: number; ignoredFlags: string }
  | { ok: false; detailZh: string; detailEn: string };

/** Escape a literal for use in a `u`-flag regex. */
export function escapeRegexLiteral(text: string): string {
  return text.replace(regexSyntax, (char) => `\\${char}`);
}

/** Compile a pattern written in the notation to regex source. */
export function compilePatternNotation(notation: string): CompiledPattern {
  let source = '';
  let numberSlots = 0;
  let index = 0;
  while (index < notation.length) {
    const char = notation[index];
    if (char === '\\') {
      const next = notation[index + 1];
      if (next === undefined) {
        return failure('末尾的反斜杠后缺少字符', 'a trailing backslash escapes nothing');
      }
      source += escapeRegexLiteral(next);
      index += 2;
    } else if (char === '{') {
      const close = notation.indexOf('}', index);
      if (close < 0) {
        return failure(`第 ${index + 1} 个字符处的“{”没有对应的“}”`, `the "{" at character ${index + 1} is not closed`);
      }
      const slot = notation.slice(index + 1, close);
      if (slot === 'n') {
        numberSlots += 1;
        source += numberSlotSource;
      } else if (slot === '#') {
        source += anyNumberSource;
      } else if (slot === '…' || slot === '...') {
        source += gapSource;
      } else if (slot.includes('|')) {
        source += `(?:${slot.split('|').map(escapeRegexLiteral).join('|')})`;
      } else {
        return failure(
          `未知的占位“{${slot}}”（可用 {n}、{#}、{…}、{甲|乙}）`,
          `unknown slot "{${slot}}" (use {n}, {#}, {…} or {a|b})`,
        );
      }
      index = close + 1;
    } else if (/\s/u.test(char)) {
      while (index < notation.length && /\s/u.test(notation[index])) {
        index += 1;
      }
      source += String.raw`\s*`;
    } else {
      source += escapeRegexLiteral(char);
      index += 1;
    }
  }
  if (source === '') {
    return failure('模式为空', 'the pattern is empty');
  }
  if (numberSlots > 1) {
    return failure('数字位 {n} 只能出现一次', 'the number slot {n} may occur only once');
  }
  return checked(source, numberSlots, '');
}

/** Compile a regex literal (`/…/flags`) to regex source; flags other than g and u are reported as ignored. */
export function compileRegexLiteral(literal: string): CompiledPattern {
  const lastSlash = literal.lastIndexOf('/');
  const source = literal.slice(1, lastSlash);
  const flags = literal.slice(lastSlash + 1);
  const numberSlots = (source.match(/\(\?<n>/g) ?? []).length;
  const ignoredFlags = [...flags].filter((flag) => flag !== 'g' && flag !== 'u').join('');
  return checked(source, numberSlots, ignoredFlags);
}

/** Compile a DSL pattern (notation or regex literal). */
export function compilePattern(pattern: Pattern): CompiledPattern {
  if (pattern.regex !== undefined) {
    return compileRegexLiteral(pattern.regex);
  }
  return compilePatternNotation(pattern.notation ?? '');
}

/** Join several compiled sources into one alternation. */
export function joinPatternSources(sources: string[]): string {
  return sources.length === 1 ? sources[0] : sources.map((source) => `(?:${source})`).join('|');
}

function checked(source: string, numberSlots: number, ignoredFlags: string): CompiledPattern {
  try {
    const regex = new RegExp(source, 'gu');
    if (regex.test('')) {
      return failure('模式可以匹配空文本', 'the pattern matches the empty text');
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failure(`不是有效的正则表达式（${detail}）`, `not a valid regular expression (${detail})`);
  }
  const linear = compileLinearPattern(source);
  if (!linear.ok) {
    return failure(
      `用了线性时间引擎不支持的写法（${linear.detail}）：模板的正则表达式不能用反向引用、前瞻或后顾，否则检查时间无法保证`,
      `uses syntax the linear-time engine does not support (${linear.detail}): template patterns cannot use backreferences, lookahead or lookbehind, whose time cannot be bounded`,
    );
  }
  return { ok: true, source, numberSlots, ignoredFlags };
}

function failure(detailZh: string, detailEn: string): CompiledPattern {
  return { ok: false, detailZh, detailEn };
}
