// Makes a bundle ASCII-only. esbuild escapes the non-ASCII characters of strings and templates, but writes
// those of regular-expression literals as they are (the core's patterns are full of Chinese). One such
// character is enough for V8 to hold the whole script source as a two-byte string: 4.4 MB of the server's
// heap for its 2.2 MB bundle, 2 MB of its check worker's. Escaped (`\uXXXX`, one per UTF-16 unit, which
// means the same in a pattern with or without the `u` flag), the source is held one byte per character.
import { tokenizer } from 'acorn';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A UTF-16 unit above ASCII (no `u` flag: each unit of a supplementary character on its own). */
const nonAscii = /[\u0080-\uFFFF]/;

const vlqDigits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Escapes the non-ASCII characters of the regular-expression literals of `code` (a script), and moves the
 * generated columns of its source map (`mappings`, version 3) by what each line grew before them.
 * Throws if a non-ASCII character is left anywhere else (a `String.raw` template, an identifier): escaping
 * it there would change what the code means.
 * @param {string} code
 * @param {string | undefined} mappings
 * @returns {{ code: string, mappings: string | undefined, escaped: number }}
 */
export function escapeRegExpLiterals(code, mappings) {
  /** @type {Array<{ start: number, end: number, text: string }>} */
  const edits = [];
  for (const token of tokenizer(code, { ecmaVersion: 'latest', allowHashBang: true, sourceType: 'script' })) {
    if (token.type.label !== 'regexp') continue;
    const raw = code.slice(token.start, token.end);
    if (!nonAscii.test(raw)) continue;
    edits.push({ start: token.start, end: token.end, text: raw.replace(/[\u0080-\uFFFF]/g, (unit) => escapeUnits(unit)) });
  }
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += code.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  out += code.slice(at);
  const left = nonAscii.exec(out);
  if (left) {
    const line = out.slice(0, left.index).split('\n').length;
    throw new Error(`a non-ASCII character outside a regular expression, line ${line}: …${out.slice(Math.max(0, left.index - 40), left.index + 10)}…`);
  }
  return { code: out, mappings: mappings === undefined ? undefined : shiftColumns(code, mappings, edits), escaped: edits.length };
}

/** `\uXXXX` for each UTF-16 unit of a character. */
function escapeUnits(char) {
  let escaped = '';
  for (let i = 0; i < char.length; i++) escaped += `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
  return escaped;
}

/** The mappings with each generated column moved by the growth of its line before it (columns in UTF-16 units). */
function shiftColumns(code, mappings, edits) {
  if (edits.length === 0) return mappings;
  // Per generated line: the columns of the escaped units and what each added (5 characters per unit).
  /** @type {Map<number, number[]>} */
  const grownAt = new Map();
  let line = 0;
  let lineStart = 0;
  let searched = 0;
  for (const edit of edits) {
    for (let i = code.indexOf('\n', searched); i >= 0 && i < edit.start; i = code.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    searched = edit.start;
    const columns = grownAt.get(line) ?? [];
    for (let i = edit.start; i < edit.end; i++) if (code.charCodeAt(i) > 0x7f) columns.push(i - lineStart);
    grownAt.set(line, columns);
  }
  return mappings
    .split(';')
    .map((segments, lineIndex) => {
      const columns = grownAt.get(lineIndex);
      if (!columns || segments === '') return segments;
      let column = 0;
      let shifted = 0;
      return segments
        .split(',')
        .map((segment) => {
          const fields = decodeVlq(segment);
          column += fields[0];
          let grown = 0;
          while (grown < columns.length && columns[grown] < column) grown++;
          const moved = column + grown * 5;
          fields[0] = moved - shifted;
          shifted = moved;
          return encodeVlq(fields);
        })
        .join(',');
    })
    .join(';');
}

function decodeVlq(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = vlqDigits.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function encodeVlq(values) {
  let out = '';
  for (const value of values) {
    let rest = value < 0 ? (-value << 1) | 1 : value << 1;
    do {
      let digit = rest & 31;
      rest >>>= 5;
      if (rest > 0) digit |= 32;
      out += vlqDigits[digit];
    } while (rest > 0);
  }
  return out;
}

/**
 * Writes the script of an esbuild build made with `write: false` ASCII-only ({@link escapeRegExpLiterals}),
 * with its source map, if any, moved to match.
 * @param {Array<{ path: string, text: string }>} outputFiles the build's files: one script, at most one map
 * @returns {{ path: string, code: string, escaped: number }} the script written
 */
export function writeAsciiOnly(outputFiles) {
  const script = outputFiles.find((file) => !file.path.endsWith('.map'));
  const map = outputFiles.find((file) => file.path.endsWith('.map'));
  const sourceMap = map && JSON.parse(map.text);
  const ascii = escapeRegExpLiterals(script.text, sourceMap?.mappings);
  mkdirSync(path.dirname(script.path), { recursive: true });
  writeFileSync(script.path, ascii.code);
  if (map) writeFileSync(map.path, JSON.stringify({ ...sourceMap, mappings: ascii.mappings }));
  return { path: script.path, code: ascii.code, escaped: ascii.escaped };
}
