import { RE2JS } from 're2js';

/**
 * Template patterns run on a linear-time engine (RE2, through re2js): no pattern, however written,
 * makes a check take longer than the text is long — an expression with nested quantifiers such as
 * `(\d+)+x` costs seconds to minutes in a backtracking engine on a 32-digit run. Patterns are written
 * as ECMAScript expressions (flags `gu`); this module translates them to RE2's syntax with the same
 * meaning (`\s` with its Unicode white space, `.` without line terminators, `\u` escapes, named
 * groups). What RE2 cannot run in linear time — backreferences, lookahead, lookbehind — is refused.
 */

/** ECMAScript's white space and line terminators (`\s`), in RE2 class syntax. */
const WHITE_SPACE = String.raw`\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}`;
const NOT_LINE_TERMINATOR = String.raw`[^\n\r\x{2028}\x{2029}]`;

/** A pattern compiled for the linear-time engine, or why it cannot be. */
export type LinearPattern = { ok: true; pattern: RE2JS } | { ok: false; detail: string };

const cache = new Map<string, LinearPattern>();

/** Compiles an ECMAScript pattern source (flags `gu`) for the linear-time engine; cached by source. */
export function compileLinearPattern(source: string): LinearPattern {
  let compiled = cache.get(source);
  if (!compiled) {
    try {
      compiled = { ok: true, pattern: RE2JS.compile(toRe2Syntax(source)) };
    } catch (error) {
      compiled = { ok: false, detail: error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error) };
    }
    cache.set(source, compiled);
  }
  return compiled;
}

/** One match of a linear pattern: where it is, its text, and its named group `n` if it has one. */
export interface LinearMatch {
  index: number;
  text: string;
  n: string | undefined;
}

/** The non-empty matches of `pattern` in `text`, left to right, without overlaps. */
export function* linearMatches(pattern: RE2JS, text: string, withNumber: boolean): Generator<LinearMatch> {
  const matcher = pattern.matcher(text);
  while (matcher.find()) {
    const start = matcher.start();
    const end = matcher.end();
    if (end === start) continue;
    yield { index: start, text: text.slice(start, end), n: withNumber ? (matcher.group('n') ?? undefined) : undefined };
  }
}

/** Translates ECMAScript pattern syntax (flags `gu`) to RE2 syntax of the same meaning. */
export function toRe2Syntax(source: string): string {
  const translated = RE2JS.translateRegExp(source);
  let out = '';
  let inClass = false;
  for (let i = 0; i < translated.length; i++) {
    const c = translated[i];
    if (c === '\\' && i + 1 < translated.length) {
      const next = translated[i + 1];
      i++;
      if (next === 's') out += inClass ? WHITE_SPACE : `[${WHITE_SPACE}]`;
      else if (next === 'S' && !inClass) out += `[^${WHITE_SPACE}]`;
      else out += c + next;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      // A ']' right after '[' or '[^' is a literal in RE2.
      if (translated[i + 1] === '^') out += translated[++i];
    } else if (c === '.') {
      out += NOT_LINE_TERMINATOR;
    } else {
      out += c;
    }
  }
  return out;
}
